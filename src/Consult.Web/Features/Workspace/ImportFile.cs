using Consult.Domain.Accounts;
using Consult.Web.Features.Import;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
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

/// <summary>What importing a pending file would do, row by row, without writing anything.</summary>
public static class PreviewImport
{
    public sealed record Query(string UploadId, string FileName) : IRequest<Result>;

    public sealed record Line(int Number, string Code, string Title, SaveOutcome Outcome, IReadOnlyList<string> Changes);

    public sealed record Result(string UploadId, string FileName, IReadOnlyList<Line> Lines, IReadOnlyList<string> Errors, bool AppliesPublication)
    {
        public int Count(SaveOutcome outcome) => Lines.Count(l => l.Outcome == outcome);
    }

    public sealed class Handler(PendingImports pending, RegulationWriter writer, CurrentUser user, IOptions<ImportOptions> limits) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            using var file = pending.Open(request.UploadId) ?? throw new UserInputException("", "Tệp đã được nhập hoặc không còn; hãy tải tệp lên lại.");
            var (rows, fileErrors) = RegulationFile.Read(file, limits.Value);
            var errors = fileErrors.ToList();
            var lines = new List<Line>();
            var appliesPublication = user.IsIn(Roles.Lead);
            foreach (var (number, row) in rows)
            {
                if (!(await writer.AgenciesAsync(cancellationToken)).TryGetValue(row.AgencyCode, out var agencyId))
                {
                    errors.Add($"Dòng {number}: Cột agency: không có cơ quan mã \"{row.AgencyCode}\".");
                    continue;
                }
                var comparison = await writer.CompareAsync(row, cancellationToken);
                if (!appliesPublication)
                {
                    comparison = await writer.CompareAsync(row with { Published = comparison.WasPublished }, cancellationToken);
                }
                if (!user.Holds(Roles.Editor, agencyId) || comparison.AgencyId is { } owner && !user.Holds(Roles.Editor, owner))
                {
                    errors.Add($"Dòng {number}: quy định {row.Code} thuộc cơ quan khác; bạn chỉ được nhập quy định của cơ quan mình.");
                    continue;
                }
                lines.Add(new Line(number, row.Code, row.Title, comparison.Outcome, comparison.Changes));
            }
            return new Result(request.UploadId, request.FileName, lines, errors, appliesPublication);
        }
    }
}
