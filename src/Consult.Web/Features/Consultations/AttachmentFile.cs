using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// An attachment that may be served: a comment's that is not hidden, in a public consultation; a paper beside a
/// draft, to whoever may see its consultation (the agency's staff before it is published, as they prepare it); a
/// council opinion's or a feedback's that is not hidden, to whoever may see its consultation or regulation.
/// </summary>
public static class AttachmentFile
{
    public sealed record Result(string StoredName, string OriginalName, string ContentType);

    public sealed record Query(long Id) : IRequest<Result?>;

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            db.Connection.QuerySingleOrDefaultAsync<Result?>(db.Command(
                $"""
                select t.stored_name, t.original_name, t.content_type from attachment t
                where t.id = @Id and (
                    exists (select 1 from comment m join consultation c on c.id = m.consultation_id where m.attachment_id = t.id and m.hidden_at is null and c.published = true)
                    or exists (select 1 from consultation_document d join consultation c on c.id = d.consultation_id where d.attachment_id = t.id and {ConsultationSheets.Visible})
                    or exists (select 1 from council_opinion o join consultation c on c.id = o.consultation_id where o.attachment_id = t.id and o.hidden_at is null and {ConsultationSheets.Visible})
                    or exists (select 1 from feedback f join regulation r on r.id = f.regulation_id where f.attachment_id = t.id and f.hidden_at is null and {Visibility.Regulations}))
                """, user.Visibility.With(request), cancellationToken));
    }
}
