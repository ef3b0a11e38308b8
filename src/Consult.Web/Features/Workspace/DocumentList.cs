using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Workspace;

/// <summary>The legal documents an agency maintains, with how many regulations cite each.</summary>
public static class DocumentList
{
    public sealed record Query : IRequest<Result>
    {
        public string? Q { get; init; }
        public string? Status { get; init; }
        /// <summary>Reviewers pick an agency; staff always see their own.</summary>
        public string? Agency { get; init; }
    }

    public sealed record Row
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string DocType { get; init; } = "";
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public string? AgencyCode { get; init; }
        public int Regulations { get; init; }
    }

    public sealed record Result(Query Query, IReadOnlyList<Row> Documents, AgencyRef? Agency, IReadOnlyList<AgencyRef> Agencies, bool CanEdit);

    public sealed class Handler(Db db, RegistryFacts facts, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            await facts.CatchUpAsync(db, cancellationToken);
            var agency = user.IsStaff
                ? facts.Agencies.First(a => a.Id == user.AgencyId)
                : facts.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Agency, StringComparison.OrdinalIgnoreCase));
            var where = new List<string> { "1 = 1" };
            if (agency is not null)
            {
                where.Add("d.agency_id = @AgencyId");
            }
            if (!string.IsNullOrWhiteSpace(request.Status))
            {
                where.Add("d.status = @Status");
            }
            if (!string.IsNullOrWhiteSpace(request.Q))
            {
                where.Add("(d.number_key like '%' || @Key || '%' or lower(d.title) like '%' || lower(@Q) || '%')");
            }
            var documents = await db.Connection.QueryAsync<Row>(db.Command(
                $"""
                select d.id, d.number, d.doc_type, d.title, d.status, a.code agency_code,
                    (select count(distinct b.regulation_id) from regulation_basis b where b.legal_document_id = d.id) regulations
                from legal_document d left join agency a on a.id = d.agency_id
                where {string.Join(" and ", where)}
                order by d.issued_on desc, d.number
                limit 500
                """,
                new { AgencyId = agency?.Id, request.Status, request.Q, Key = DocumentNumber.Key(request.Q ?? "") }, cancellationToken));
            return new Result(request, documents.ToList(), agency, facts.Agencies, agency is not null && user.Holds(Roles.Editor, agency.Id));
        }
    }
}
