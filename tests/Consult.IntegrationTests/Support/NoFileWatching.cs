using System.Runtime.CompilerServices;

namespace Consult.IntegrationTests.Support;

internal static class NoFileWatching
{
    /// <summary>
    /// The suite starts dozens of portals at once, each watching its settings files and its web root (for the style
    /// sheet's version); the machine allows 128 inotify watchers per user. Test portals never need a settings file
    /// reloaded, and their web root's watcher polls instead (the child processes of <see cref="PortalProcess"/> inherit
    /// both).
    /// </summary>
    [ModuleInitializer]
    internal static void Initialise()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
