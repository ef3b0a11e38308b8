using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Audit;

/// <summary>The audit trail, newest first, filtered by record, agency, actor, action and dates. Read-only by design.</summary>
public static class AuditTrail
{
    public const int PageSize = 50;

    public sealed record Query : IRequest<Result>
    {
        public string? Entity { get; init; }
        public string? Key { get; init; }
        public string? Agency { get; init; }
        public string? Actor { get; init; }
        public string? Action { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public int Page { get; init; } = 1;
    }

    public sealed record Event
    {
        public long Id { get; init; }
        public DateTimeOffset At { get; init; }
        public string Actor { get; init; } = "";
        /// <summary>The acting user's display name, when the event was a signed-in user's.</summary>
        public string? ActorName { get; init; }
        public string Action { get; init; } = "";
        public string Entity { get; init; } = "";
        public string EntityKey { get; init; } = "";
        public string? AgencyCode { get; init; }
        public int? FromVersion { get; init; }
        public int? ToVersion { get; init; }
        public string Summary { get; init; } = "";
        /// <summary>For an account's events, the account's display name (its key is its e-mail address).</summary>
        public string? AccountName { get; init; }
        /// <summary>For a comment's events, the consultation it belongs to.</summary>
        public long? ConsultationId { get; init; }
        public string ActionLabel => AuditLog.ActionLabel(Action);
        public string EntityLabel => AuditLog.EntityLabel(Entity);

        /// <summary>The record's page, where it has one.</summary>
        public string? Link => Entity switch
        {
            AuditLog.Regulation or "cost" => RegulationLinks.Details(EntityKey),
            AuditLog.Agency => AgencyLinks.Details(EntityKey),
            "plan" when long.TryParse(EntityKey, out var plan) => PlanLinks.Details(plan),
            "consultation" when long.TryParse(EntityKey, out var consultation) => ConsultationLinks.Details(consultation),
            "comment" when ConsultationId is { } consultation && long.TryParse(EntityKey, out var comment) => ConsultationLinks.Comment(consultation, comment),
            AuditLog.LegalDocument => SearchLinks.Find(EntityKey),
            _ => null,
        };

        /// <summary>How the record is named: a number for plans, consultations and comments, a person's name for accounts.</summary>
        public string RecordName => Entity switch
        {
            "plan" or "consultation" or "comment" => $"{EntityLabel} số {EntityKey}",
            AuditLog.Account => $"{EntityLabel} {AccountName ?? EntityKey}",
            _ => $"{EntityLabel} {EntityKey}",
        };

        public string ActorShown => ActorName ?? Actor;
    }

    public sealed record Result(Query Query, IReadOnlyList<Event> Events, bool HasMore, IReadOnlyList<string> Actions);

    public sealed class Handler(Db db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var where = new List<string> { "1 = 1" };
            if (!string.IsNullOrWhiteSpace(request.Entity))
            {
                where.Add("e.entity = @Entity");
            }
            if (!string.IsNullOrWhiteSpace(request.Key))
            {
                where.Add("e.entity_key = @Key");
            }
            if (!string.IsNullOrWhiteSpace(request.Agency))
            {
                where.Add(Shared.AgencyPicker.Sql);
            }
            if (!string.IsNullOrWhiteSpace(request.Actor))
            {
                where.Add("(lower(e.actor) like '%' || lower(@Actor) || '%' or lower(u.display_name) like '%' || lower(@Actor) || '%')");
            }
            if (!string.IsNullOrWhiteSpace(request.Action))
            {
                where.Add("e.action = @Action");
            }
            if (request.From is not null)
            {
                where.Add("e.at >= @FromText");
            }
            if (request.To is not null)
            {
                where.Add("e.at < @ToText");
            }
            var page = Math.Max(1, request.Page);
            var events = (await db.Connection.QueryAsync<Event>(db.Command(
                $"""
                select e.id, e.at, e.actor, u.display_name actor_name, e.action, e.entity, e.entity_key, a.code agency_code, e.from_version, e.to_version, e.summary,
                    (select o.display_name from app_user o where e.entity = 'account' and o.email = e.entity_key) account_name,
                    (select m.consultation_id from comment m where e.entity = 'comment' and m.id = cast(e.entity_key as integer)) consultation_id
                from audit_event e left join agency a on a.id = e.agency_id left join app_user u on u.id = e.user_id
                where {string.Join(" and ", where)}
                order by e.id desc limit @Take offset @Skip
                """,
                new
                {
                    request.Entity, request.Key, request.Agency, request.Actor, request.Action,
                    FromText = request.From?.ToString("yyyy-MM-dd"),
                    ToText = request.To?.AddDays(1).ToString("yyyy-MM-dd"),
                    Take = PageSize + 1,
                    Skip = (page - 1) * PageSize,
                }, cancellationToken))).ToList();
            var actions = (await db.Connection.QueryAsync<string>(db.Command("select distinct action from audit_event order by action", null, cancellationToken))).ToList();
            return new Result(request with { Page = page }, events.Take(PageSize).ToList(), events.Count > PageSize, actions);
        }
    }
}
