using System.Runtime.CompilerServices;

namespace Consult.IntegrationTests.Infrastructure;

internal static class NoFileWatching
{
    /// <summary>
    /// The suite starts dozens of portals at once, each watching its settings files; the machine allows 128 inotify
    /// watchers per user. Test portals never need a settings file reloaded, so none watches (the child processes of
    /// <see cref="PortalProcess"/> inherit this too).
    /// </summary>
    [ModuleInitializer]
    internal static void Initialise() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
