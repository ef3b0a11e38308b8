using Consult.Domain.Feedback;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>The public list, filtered by the agency that must answer, the status and the regulation; also the API's.</summary>
public static class FeedbackList
{
    public const int PageSize = 50;

    public sealed record Query : IRequest<Result>
    {
        public string? Agency { get; init; }
        public string? Status { get; init; }
        public string? Regulation { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Result(Query Query, int Total, IReadOnlyList<FeedbackRow> Items, DateOnly Today, IReadOnlyList<string> Errors);

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var errors = new List<string>();
            var status = FeedbackStatus.Received;
            if (!string.IsNullOrWhiteSpace(request.Status) && !FeedbackStatuses.TryParse(request.Status, out status))
            {
                errors.Add("Trạng thái không hợp lệ: chọn received (đang xử lý), transferring (đang chuyển) hoặc answered (đã trả lời).");
            }
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (!string.IsNullOrWhiteSpace(request.Regulation))
            {
                where.Add("r.code_key = @regulation");
            }
            if (!string.IsNullOrWhiteSpace(request.Status) && errors.Count == 0)
            {
                where.Add(status switch
                {
                    FeedbackStatus.Answered => "f.answer is not null",
                    FeedbackStatus.Transferring => "f.answer is null and f.transfer_to is not null",
                    _ => "f.answer is null and f.transfer_to is null",
                });
            }
            var page = Math.Max(1, request.Page);
            if (errors.Count > 0)
            {
                return new Result(request with { Page = page }, 0, [], clock.Today(), errors);
            }
            var filter = string.Join(" and ", where);
            var parameters = new { request.Agency, regulation = RegulationCode.Key(request.Regulation ?? "") };
            return new Result(request with { Page = page }, await FeedbackRecords.CountAsync(db, user, filter, parameters, cancellationToken),
                await FeedbackRecords.LoadAsync(db, user, filter, parameters, cancellationToken, PageSize, (page - 1) * PageSize), clock.Today(), errors);
        }
    }

    /// <summary>The answer of <c>/api/v1/feedback</c>.</summary>
    public static object Json(Result result) => new { total = result.Total, items = result.Items.Select(f => Json(f, result.Today)) };

    /// <summary>One feedback as <c>/api/v1/feedback</c> lists it; <see cref="FeedbackDetails.Json"/> adds the rest.</summary>
    public static Dictionary<string, object?> Json(FeedbackRow f, DateOnly today) => new()
    {
        ["id"] = f.Id,
        ["regulation"] = f.RegulationCode,
        ["agency"] = f.AgencyCode,
        ["status"] = Domain.Feedback.FeedbackStatuses.Code(f.Status),
        ["filedOn"] = f.FiledOn,
        ["answerDue"] = f.AnswerDue,
        ["answeredOn"] = f.AnsweredOn,
        ["late"] = f.IsLate(today),
        ["rating"] = f.Satisfied,
    };
}
