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
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Feedback;

/// <summary>The agency a feedback was transferred to accepts it (its deadline starts again from today) or returns it with a reason.</summary>
public static class DecideTransfer
{
    public sealed record Command : IRequest<string>, ICommand
    {
        public long Id { get; init; }

        /// <summary>True to accept; false to return it to the agency that sent it.</summary>
        public bool Accept { get; init; }

        [Display(Name = "Lý do trả lại (được công khai)")]
        [StringLength(1_000, ErrorMessage = "Lý do dài quá 1.000 ký tự.")]
        public string? Reason { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, feedbackOffered: [Id]);
    }

    public sealed class Handler(Db db, FeedbackStore store, AuditLog audit, TimeProvider clock, IOptions<FeedbackOptions> options) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion, cancellationToken);
            var to = f.TransferTo ?? throw new UserInputException("", "Phản ánh không còn chờ cơ quan bạn nhận.");
            if (request.Accept)
            {
                var due = await FeedbackRecords.DueAsync(db, clock.Today(), options.Value.AnswerWorkingDays, cancellationToken);
                await db.Connection.ExecuteAsync(db.Command("update feedback set agency_id = @to, transfer_to = null, answer_due = @due where id = @Id",
                    new { to, due = due.ToString(IsoDate.Pattern), f.Id }, cancellationToken));
                await store.StepAsync(f, "accept", f.AgencyId, to, "", $"{f.TransferToName} đã nhận xử lý phản ánh của bạn, hạn trả lời {VietnameseDates.Show(due)}", cancellationToken);
                await audit.RecordAsync(new AuditEntry("accept", FeedbackStore.AuditEntity, f.Id.ToString(), $"Nhận từ {f.AgencyName}") { AgencyId = to }, cancellationToken);
                return $"Đã nhận xử lý; hạn trả lời {VietnameseDates.Show(due)}.";
            }
            var reason = request.Reason?.Trim() ?? "";
            if (reason.Length == 0)
            {
                throw new UserInputException(nameof(Command.Reason), "Nêu lý do trả lại; lý do được công khai.");
            }
            await db.Connection.ExecuteAsync(db.Command("update feedback set transfer_to = null where id = @Id", f, cancellationToken));
            await store.StepAsync(f, "return", f.AgencyId, to, reason, $"{f.TransferToName} trả lại phản ánh của bạn cho {f.AgencyName}", cancellationToken);
            await audit.RecordAsync(new AuditEntry("return", FeedbackStore.AuditEntity, f.Id.ToString(), $"Trả lại {f.AgencyName}: {reason}") { AgencyId = to }, cancellationToken);
            return $"Đã trả lại phản ánh cho {f.AgencyName}.";
        }
    }
}
