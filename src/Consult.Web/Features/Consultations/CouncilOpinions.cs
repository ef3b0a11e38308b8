using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// The Advisory Council for administrative-procedure reform: its members publish signed, independent opinions on plans
/// and drafts under consultation, shown beside the agency's answers and in the consultation report.
/// </summary>
public static class CouncilOpinions
{
    public const string Signature = "Thành viên Hội đồng tư vấn cải cách thủ tục hành chính";

    public sealed record Opinion(long Id, string SignedAs, string Body, long? AttachmentId, DateTimeOffset PublishedAt, string? HiddenReason)
    {
        public bool IsHidden => HiddenReason is not null;
    }

    public sealed record Query(long ConsultationId) : IRequest<IReadOnlyList<Opinion>>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, IReadOnlyList<Opinion>>
    {
        public async Task<IReadOnlyList<Opinion>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Opinion>(db.Command(
                $"""
                select o.id, o.signed_as, o.body, o.attachment_id, o.published_at, o.hidden_reason
                from council_opinion o join consultation c on c.id = o.consultation_id
                where o.consultation_id = @ConsultationId and {ConsultationSheets.Visible} order by o.id
                """, user.Visibility.With(request), cancellationToken))).ToList();
    }
}
