using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Feedback;

/// <summary>The lead of the agency that must answer closes the feedback with its answer.</summary>
public static class AnswerFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Trả lời")]
        [Required(ErrorMessage = "Nhập nội dung trả lời.")]
        [StringLength(10_000, ErrorMessage = "Trả lời dài quá 10.000 ký tự.")]
        public string? Answer { get; init; }

        public int ExpectedVersion { get; init; }

        [BindNever] public FeedbackRow? Feedback { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Lead, feedback: [Id]);
    }

    public sealed class Handler(Db db, CurrentUser user, FeedbackStore store, FeedbackNotices notices, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion, cancellationToken);
            if (f.TransferTo is not null)
            {
                throw new UserInputException("", $"Phản ánh đang chờ {f.TransferToName} nhận; chờ cơ quan đó nhận hoặc trả lại.");
            }
            var answer = CommentText.Clean(request.Answer);
            if (CommentText.Key(answer).Length == 0)
            {
                throw new UserInputException(nameof(Command.Answer), "Nội dung trả lời cần có chữ.");
            }
            await db.Connection.ExecuteAsync(db.Command("update feedback set answer = @answer, answered_on = @today, answered_by = @userId where id = @Id",
                new { answer, today = clock.Today().ToString(IsoDate.Pattern), userId = user.Id, f.Id }, cancellationToken));
            await store.StepAsync(f, "answer", f.AgencyId, null, "", $"{f.AgencyName} đã trả lời phản ánh của bạn", cancellationToken);
            await notices.ToFollowersAsync(f, $"{f.AgencyName} trả lời phản ánh, kiến nghị", cancellationToken);
            await audit.RecordAsync(new AuditEntry("answer", FeedbackStore.AuditEntity, f.Id.ToString(), f.RegulationCode) { AgencyId = f.AgencyId }, cancellationToken);
            return Unit.Value;
        }
    }
}
