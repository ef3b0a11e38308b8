using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.Web.Features.Regulations;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Admin;

/// <summary>
/// An agency merged into another, or split among several, from a day on: its regulations move to their new owners
/// (a new version of each, so history keeps the old one), and its open duties — plans not yet carried out,
/// consultations still open or unanswered, feedback not yet answered (and transfers offered to it), its legal documents —
/// to the main successor. Published index periods and
/// past reports keep the agency as it was. Without <see cref="Command.Confirm"/> nothing is written: the answer is the
/// preview of what would move.
/// </summary>
public static class ReorganiseAgency
{
    public sealed record Command : IRequest<Result>, ICommand
    {
        [BindNever]
        public string Code { get; init; } = "";

        [Display(Name = "Cơ quan tiếp nhận chính")]
        [Required(ErrorMessage = "Chọn cơ quan tiếp nhận.")]
        public string? Successor { get; init; }

        [Display(Name = "Ngày bắt đầu thuộc cơ quan tiếp nhận (dd/mm/yyyy)")]
        [Required(ErrorMessage = "Nhập ngày, ví dụ 01/03/2025.")]
        public string? EffectiveOn { get; init; }

        /// <summary>For a split: the agency code that takes the regulations of a sector (by sector id); others go to the successor.</summary>
        public Dictionary<string, string> Sectors { get; init; } = [];

        public bool Confirm { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Admin);
    }

    public sealed record Destination(AgencyRef Agency, IReadOnlyList<string> Sectors, int Regulations);

    /// <summary>What a reorganisation would move, shown under the form before it is confirmed.</summary>
    public sealed record Preview(Command Form, Result Result);

    public sealed record Result(AgencyRef From, AgencyRef To, DateOnly EffectiveOn, IReadOnlyList<Destination> Destinations,
        int Plans, int Consultations, int Feedback, int Documents, bool Done);

    /// <summary>The sectors of an agency's regulations, for the split part of the form.</summary>
    public sealed record SectorsQuery(string Code) : IRequest<IReadOnlyList<SectorRef>>;

    private sealed record Owned
    {
        public string Code { get; init; } = "";
        public int? SectorId { get; init; }
    }

    public sealed class Handler(Db db, RegulationReader reader, RegulationWriter writer, AuditLog audit) :
        IRequestHandler<Command, Result>, IRequestHandler<SectorsQuery, IReadOnlyList<SectorRef>>
    {
        private const string OpenPlans = "agency_id = @From and status not in ('executed')";
        private const string OpenConsultations = """
            agency_id = @From and (closes_on >= @On or exists (
                select 1 from comment m where m.consultation_id = consultation.id and m.hidden_at is null and m.withdrawn_at is null
                and not exists (select 1 from answer n where n.comment_id = m.id)))
            """;
        private const string OpenFeedback = "agency_id = @From and answer is null and hidden_at is null";

        public async Task<IReadOnlyList<SectorRef>> Handle(SectorsQuery request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<SectorRef>(db.Command(
                """
                select distinct s.id, s.name from sector s join regulation_sector rs on rs.sector_id = s.id
                join regulation r on r.id = rs.regulation_id join agency a on a.id = r.agency_id
                where a.code = @Code order by s.name
                """, request, cancellationToken))).ToList();

        public async Task<Result> Handle(Command request, CancellationToken cancellationToken)
        {
            var agencies = await ReferenceData.AgenciesAsync(db, cancellationToken);
            AgencyRef? Find(string? code) => agencies.FirstOrDefault(a => a.Code == AgencyCode.Normalize(code));
            var from = Find(request.Code) ?? throw new UserInputException("", $"Không có cơ quan mã \"{request.Code}\".");
            var errors = new List<(string, string)>();
            var to = Find(request.Successor);
            if (to is null || to.Id == from.Id)
            {
                errors.Add((nameof(Command.Successor), "Chọn một cơ quan khác để tiếp nhận."));
            }
            if (!IsoDate.TryRead(request.EffectiveOn, out var on))
            {
                errors.Add((nameof(Command.EffectiveOn), IsoDate.Invalid(request.EffectiveOn)));
            }
            var split = new Dictionary<int, AgencyRef>();
            foreach (var (sector, code) in request.Sectors.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
            {
                if (!int.TryParse(sector, out var sectorId) || Find(code) is not { } target || target.Id == from.Id)
                {
                    errors.Add(($"Sectors[{sector}]", $"\"{code}\" không phải cơ quan tiếp nhận hợp lệ."));
                    continue;
                }
                split[sectorId] = target;
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            // A regulation follows its first sector.
            var owned = (await db.Connection.QueryAsync<Owned>(db.Command(
                """
                select r.code, (select min(rs.sector_id) from regulation_sector rs where rs.regulation_id = r.id) sector_id
                from regulation r where r.agency_id = @Id order by r.code
                """, from, cancellationToken))).ToList();
            AgencyRef DestinationOf(Owned r) => r.SectorId is { } s && split.TryGetValue(s, out var target) ? target : to!;
            var sectorNames = (await Handle(new SectorsQuery(from.Code), cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
            var destinations = owned.GroupBy(DestinationOf)
                .Select(g => new Destination(g.Key, [.. g.Select(r => r.SectorId).OfType<int>().Distinct().Select(id => sectorNames.GetValueOrDefault(id, "")).Order()], g.Count()))
                .OrderByDescending(d => d.Regulations).ToList();
            var scope = new { From = from.Id, On = on.ToString(IsoDate.Pattern) };
            var plans = await db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) from plan where {OpenPlans}", scope, cancellationToken));
            var consultations = await db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) from consultation where {OpenConsultations}", scope, cancellationToken));
            var feedback = await db.Connection.ExecuteScalarAsync<int>(db.Command($"select count(*) from feedback where {OpenFeedback}", scope, cancellationToken));
            var documents = await db.Connection.ExecuteScalarAsync<int>(db.Command("select count(*) from legal_document where agency_id = @From", scope, cancellationToken));
            if (!request.Confirm)
            {
                return new Result(from, to!, on, destinations, plans, consultations, feedback, documents, Done: false);
            }

            foreach (var regulation in owned)
            {
                var current = await reader.CurrentAsync(regulation.Code, cancellationToken) ?? throw new InvalidOperationException($"{regulation.Code} vanished");
                await writer.SaveAsync(current.Snapshot.ToRow() with { AgencyCode = DestinationOf(regulation).Code }, $"reorganise:{from.Code}", cancellationToken);
            }
            var moved = new { scope.From, scope.On, To = to!.Id };
            await db.Connection.ExecuteAsync(db.Command($"update plan set origin_agency_id = coalesce(origin_agency_id, agency_id), agency_id = @To where {OpenPlans}", moved, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command($"update consultation set agency_id = @To where {OpenConsultations}", moved, cancellationToken));
            // Feedback keeps its due day: the successor inherits the duty as it stood. A transfer offered to the merged
            // agency is offered to the successor instead, unless the successor is the one that offered it.
            await db.Connection.ExecuteAsync(db.Command($"update feedback set agency_id = @To where {OpenFeedback}", moved, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command(
                "update feedback set transfer_to = case when agency_id = @To then null else @To end where transfer_to = @From and answer is null",
                moved, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command("update legal_document set agency_id = @To where agency_id = @From", moved, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command(
                "update agency set valid_to = @lastDay, successor_id = @To, described = true where id = @From",
                new { moved.From, moved.To, lastDay = on.AddDays(-1).ToString(IsoDate.Pattern) }, cancellationToken));
            ChangeSequence.Changed(db);
            await audit.RecordAsync(new AuditEntry("reorganise", AuditLog.Agency, from.Code,
                $"Từ {VietnameseDates.Show(on)} thuộc {to.Name}: " + string.Join("; ", destinations.Select(d => $"{d.Regulations} quy định sang {d.Agency.Code}"))
                + $"; {plans} phương án, {consultations} đợt lấy ý kiến, {feedback} phản ánh, {documents} văn bản sang {to.Code}") { AgencyId = from.Id }, cancellationToken);
            return new Result(from, to, on, destinations, plans, consultations, feedback, documents, Done: true);
        }
    }
}
