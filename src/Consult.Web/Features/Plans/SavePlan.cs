using System.ComponentModel.DataAnnotations;
using Consult.Domain.Text;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>Creates a plan, or changes its title, year and summary while it is a draft or returned.</summary>
public static class SavePlan
{
    public sealed record Command : IRequest<long>, ICommand
    {
        public long? Id { get; init; }

        /// <summary>The agency proposing the plan: the editor's own.</summary>
        public string? Agency { get => _agency.Length > 0 ? _agency : null; init => _agency = AgencyCode.Normalize(value); }

        /// <summary>Normalised as it is bound, so the permission is checked on the code that is written.</summary>
        private readonly string _agency = "";

        [Display(Name = "Tên phương án")]
        [Required(ErrorMessage = "Nhập tên phương án.")]
        [StringLength(500, ErrorMessage = "Tên phương án dài quá 500 ký tự.")]
        public string Title { get; init; } = "";

        [Display(Name = "Năm")]
        [Required(ErrorMessage = "Nhập năm của phương án.")]
        [Range(2020, 2100, ErrorMessage = "Năm phải từ 2020 đến 2100.")]
        public int? Year { get; init; }

        [Display(Name = "Tóm tắt")]
        [StringLength(10_000, ErrorMessage = "Tóm tắt dài quá 10.000 ký tự.")]
        public string? Summary { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, agencies: [Agency ?? ""], plans: Id is { } id ? [id] : []);
    }

    public sealed class Handler(Db db, PlanStore plans, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var values = new { request.Id, request.Agency, title = request.Title.Trim(), request.Year, summary = request.Summary?.Trim() ?? "", now = clock.GetUtcNow() };
            if (request.Id is null)
            {
                var id = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                    """
                    insert into plan (agency_id, title, year, summary, status, created_at, updated_at)
                    select id, @title, @Year, @summary, 'draft', @now, @now from agency where code = @Agency
                    returning id
                    """, values, cancellationToken)) ?? throw new UserInputException(nameof(Command.Agency), $"Không có cơ quan mã \"{request.Agency}\".");
                var agencyId = await db.Connection.ExecuteScalarAsync<int>(db.Command("select agency_id from plan where id = @id", new { id }, cancellationToken));
                await audit.RecordAsync(new AuditEntry("create", PlanStore.AuditEntity, id.ToString(), values.title) { AgencyId = agencyId, ToVersion = 1 }, cancellationToken);
                return id;
            }
            var plan = await plans.CurrentAsync(request.Id.Value, request.ExpectedVersion, PlanStatuses.IsEditable,
                "Phương án đã trình hoặc đã được phê duyệt: không sửa được nữa.", cancellationToken);
            await db.Connection.ExecuteAsync(db.Command("update plan set title = @title, year = @Year, summary = @summary where id = @Id", values, cancellationToken));
            await plans.StepAsync(plan, "update", values.title, null, cancellationToken);
            return plan.Id;
        }
    }
}
