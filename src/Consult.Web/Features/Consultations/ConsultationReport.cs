using Consult.Domain.Accounts;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>The summary report (báo cáo tổng hợp, tiếp thu, giải trình): counts by stance and respondent, every comment and its answer.</summary>
public static class ConsultationReport
{
    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed record Result(ConsultationSheet Sheet, IReadOnlyDictionary<string, int> ByStance, IReadOnlyDictionary<string, int> ByRespondent,
        IReadOnlyDictionary<string, int> ByVerdict, int Satisfied, int Dissatisfied);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock, IOptions<ConsultationOptions> options) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            if (await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.Id, cancellationToken) is not { } sheet)
            {
                return null;
            }
            var counted = sheet.Comments;
            return new Result(
                sheet,
                SubmitComment.Stances.ToDictionary(s => s.Value, s => counted.Count(c => c.Stance == s.Key)),
                UserKinds.All.ToDictionary(UserKinds.Label, k => counted.Count(c => c.RespondentKind == UserKinds.Code(k))),
                AnswerComment.Verdicts.ToDictionary(v => v.Value, v => counted.Count(c => c.Verdict == v.Key)),
                counted.Count(c => c.Satisfied == true),
                counted.Count(c => c.Satisfied == false));
        }
    }

    /// <summary>The report's CSV: every comment (its text replaced when hidden) with its answer and rating.</summary>
    public static System.Text.StringBuilder Csv(Result report)
    {
        var csv = new System.Text.StringBuilder("id,item,respondent,stance,comment,verdict,explanation,answered_on,satisfied\r\n");
        foreach (var c in report.Sheet.Comments)
        {
            var item = report.Sheet.Items.FirstOrDefault(i => i.Id == c.ItemId)?.Label ?? "";
            csv.Append(Domain.Import.Csv.ExportLine(
            [
                c.Id.ToString(), item, c.RespondentLabel, SubmitComment.Stances[c.Stance], c.IsHidden ? $"[Đã ẩn: {c.HiddenReason}]" : c.IsWithdrawn ? $"[Người gửi đã rút] {c.Body}" : c.Body,
                c.Verdict is null ? "" : AnswerComment.Verdicts[c.Verdict], c.Explanation ?? "", c.AnsweredOn ?? "",
                c.Satisfied switch { true => "hài lòng", false => "không hài lòng", _ => "" },
            ]));
        }
        return csv;
    }
}
