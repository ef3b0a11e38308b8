using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// A lead ends an open window before its closing day, or moves its closing day later; either needs a reason, which the
/// consultation's page shows with the dates (a window people rely on does not change silently).
/// </summary>
public static class ChangeWindow
{
    public sealed record Command : IRequest<string>, ICommand
    {
        public long Id { get; init; }
        public int ExpectedVersion { get; init; }
        /// <summary>close_early or extend.</summary>
        public string Kind { get; init; } = "";

        [Display(Name = "Ngày kết thúc mới")]
        public string? ClosesOn { get; init; }

        [Display(Name = "Lý do (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do; lý do được công khai trên trang lấy ý kiến.")]
        [StringLength(1_000, ErrorMessage = "Lý do dài quá 1.000 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.AgencyWork(Roles.Lead, consultations: [Id]);
    }

    public sealed class Handler(Db db, ConsultationStore store, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var header = await store.CurrentAsync(request.Id, request.ExpectedVersion, cancellationToken);
            var today = clock.Today();
            var closes = DateOnly.Parse(header.ClosesOn);
            if (!header.Published || header.ClosedOn is not null || today > closes)
            {
                throw new UserInputException("", "Đợt lấy ý kiến đã kết thúc hoặc chưa công bố: không đổi được thời gian nữa.");
            }
            var after = closes;
            string done;
            switch (request.Kind)
            {
                case "close_early" when header.Opens <= today:
                    after = today;
                    await db.Connection.ExecuteAsync(db.Command("update consultation set closed_on = @today where id = @Id",
                        new { header.Id, today = today.ToString(IsoDate.Pattern) }, cancellationToken));
                    await store.StepAsync(header, "close", $"Kết thúc lấy ý kiến ngày {VietnameseDates.Show(today)}: {request.Reason.Trim()}", cancellationToken);
                    done = "Đã kết thúc lấy ý kiến; hãy giải trình từng ý kiến.";
                    break;
                case "extend":
                    if (!IsoDate.TryRead(request.ClosesOn, out after) || after <= closes)
                    {
                        throw new UserInputException(nameof(Command.ClosesOn), IsoDate.TryRead(request.ClosesOn, out _)
                            ? $"Ngày kết thúc mới phải sau ngày {VietnameseDates.Show(closes)}."
                            : IsoDate.Invalid(request.ClosesOn));
                    }
                    await db.Connection.ExecuteAsync(db.Command("update consultation set closes_on = @after where id = @Id",
                        new { header.Id, after = after.ToString(IsoDate.Pattern) }, cancellationToken));
                    await store.StepAsync(header, "extend", $"Gia hạn lấy ý kiến đến ngày {VietnameseDates.Show(after)}: {request.Reason.Trim()}", cancellationToken);
                    done = $"Đã gia hạn lấy ý kiến đến ngày {VietnameseDates.Show(after)}.";
                    break;
                default:
                    throw new UserInputException("", "Không thực hiện được thao tác này ở trạng thái hiện tại của đợt lấy ý kiến.");
            }
            await db.Connection.ExecuteAsync(db.Command(
                """
                insert into consultation_change (consultation_id, kind, on_day, closes_on_before, closes_on_after, reason, changed_by, changed_at)
                values (@Id, @Kind, @today, @before, @after, @reason, @userId, @now)
                """,
                new
                {
                    header.Id, request.Kind, today = today.ToString(IsoDate.Pattern), before = header.ClosesOn, after = after.ToString(IsoDate.Pattern),
                    reason = request.Reason.Trim(), userId = user.Id, now = clock.GetUtcNow(),
                }, cancellationToken));
            return done;
        }
    }
}
