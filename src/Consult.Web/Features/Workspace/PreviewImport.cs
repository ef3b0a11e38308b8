using Consult.Domain.Accounts;
using Consult.Web.Features.Import;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Workspace;

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
                var comparison = await writer.CompareAsync(row, cancellationToken, keepPublication: !appliesPublication);
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
