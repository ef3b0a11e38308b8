using System.ComponentModel.DataAnnotations;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Feedback;

/// <summary>Anyone signed in may report a feedback as abusive, once; moderators see the count on it.</summary>
public static class ReportFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do báo cáo")]
        [Required(ErrorMessage = "Nêu lý do báo cáo vi phạm.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string Reason { get; init; } = "";

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await FeedbackRecords.OneAsync(db, user, request.Id, cancellationToken) is not { IsHidden: false })
            {
                throw new UserInputException("", "Không có phản ánh này, hoặc phản ánh đã bị ẩn.");
            }
            await db.Connection.ExecuteAsync(db.Command(
                """
                insert into feedback_report (feedback_id, user_id, reason, created_at) values (@Id, @userId, @reason, @now)
                on conflict (feedback_id, user_id) do nothing
                """, new { request.Id, userId = user.Id, reason = request.Reason.Trim(), now = clock.GetUtcNow() }, cancellationToken));
            return Unit.Value;
        }
    }
}
