using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Workspace;

/// <summary>
/// An uploaded regulations file waiting for the user to confirm it: kept in the data folder under the uploader's id,
/// so that what is applied is exactly what was previewed, whatever its size.
/// </summary>
public sealed class PendingImports(IOptions<StorageOptions> storage, CurrentUser user, TimeProvider clock)
{
    private string Folder => Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "uploads");

    public async Task<string> KeepAsync(Stream file, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        foreach (var abandoned in new DirectoryInfo(Folder).GetFiles().Where(f => f.LastWriteTimeUtc < clock.GetUtcNow().UtcDateTime.AddDays(-1)))
        {
            abandoned.Delete();
        }
        var id = Guid.NewGuid().ToString("N");
        await using var target = File.Create(PathOf(id));
        await file.CopyToAsync(target, cancellationToken);
        return id;
    }

    /// <summary>The user's own pending file, or null when there is none by that id (applied already, or someone else's).</summary>
    public Stream? Open(string? id) =>
        id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower) && File.Exists(PathOf(id)) ? File.OpenRead(PathOf(id)) : null;

    public void Remove(string id) => File.Delete(PathOf(id));

    private string PathOf(string id) => Path.Combine(Folder, $"{user.Id}-{id}.csv");
}
