using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>The agency that must answer hands the feedback to the agency it belongs to, with a reason; that agency decides.</summary>
public static class TransferFeedback
{
    public sealed record Command : IRequest<string>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Chuyển đến cơ quan")]
        [Required(ErrorMessage = "Chọn cơ quan nhận phản ánh.")]
        public string? ToAgency { get; init; }

        [Display(Name = "Lý do chuyển (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do chuyển; lý do được công khai.")]
        [StringLength(1_000, ErrorMessage = "Lý do dài quá 1.000 ký tự.")]
        public string Reason { get; init; } = "";

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, feedback: [Id]);
    }

    public sealed class Handler(Db db, FeedbackStore store, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion, cancellationToken);
            if (f.TransferTo is not null)
            {
                throw new UserInputException("", $"Phản ánh đang chờ {f.TransferToName} nhận.");
            }
            var code = AgencyCode.Normalize(request.ToAgency ?? "");
            var to = await db.Connection.QuerySingleOrDefaultAsync<(int Id, string Name)?>(db.Command(
                "select id, name from agency where code = @code and (valid_to is null or valid_to >= @today)",
                new { code, today = clock.Today().ToString(IsoDate.Pattern) }, cancellationToken))
                ?? throw new UserInputException(nameof(Command.ToAgency), "Chọn một cơ quan đang hoạt động trong danh sách.");
            if (to.Id == f.AgencyId)
            {
                throw new UserInputException(nameof(Command.ToAgency), "Chọn cơ quan khác với cơ quan đang xử lý.");
            }
            await db.Connection.ExecuteAsync(db.Command("update feedback set transfer_to = @to where id = @Id", new { to = to.Id, f.Id }, cancellationToken));
            await store.StepAsync(f, "transfer", f.AgencyId, to.Id, request.Reason.Trim(), $"Phản ánh của bạn được chuyển đến {to.Name}", cancellationToken);
            await audit.RecordAsync(new AuditEntry("transfer", FeedbackStore.AuditEntity, f.Id.ToString(), $"Chuyển đến {to.Name}: {request.Reason.Trim()}") { AgencyId = f.AgencyId }, cancellationToken);
            return $"Đã chuyển phản ánh đến {to.Name}; phản ánh trở lại cơ quan mình nếu {to.Name} trả lại.";
        }
    }
}
