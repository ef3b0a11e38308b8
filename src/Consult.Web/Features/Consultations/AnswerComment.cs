using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Security;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>After the window closes, the agency's lead answers each comment (giải trình): a verdict and its explanation.</summary>
public static class AnswerComment
{
    public static readonly IReadOnlyDictionary<string, string> Verdicts = new Dictionary<string, string>
    {
        ["accepted"] = "Tiếp thu",
        ["partly"] = "Tiếp thu một phần",
        ["not_accepted"] = "Không tiếp thu",
    };

    public sealed record Command : IRequest<Unit>, ICommand
    {
        /// <summary>The consultation the comment belongs to: its agency is the one that may answer.</summary>
        public long ConsultationId { get; init; }
        public long CommentId { get; init; }

        [Display(Name = "Kết quả")]
        [Required(ErrorMessage = "Chọn tiếp thu, tiếp thu một phần hoặc không tiếp thu.")]
        public string? Verdict { get; init; }

        [Display(Name = "Giải trình")]
        [Required(ErrorMessage = "Nhập nội dung giải trình; không chấp nhận trả lời không có giải trình.")]
        [StringLength(10_000, ErrorMessage = "Giải trình dài quá 10.000 ký tự.")]
        public string Explanation { get; init; } = "";

        [BindNever] public string CommentBody { get; init; } = "";

        public Permission Permission => Permission.AgencyWork(Roles.Lead, consultations: [ConsultationId]);
    }

    public sealed class Handler(Db db, CurrentUser user, Notifier notifier, AuditLog audit, TimeProvider clock, IOptions<ConsultationOptions> options)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var sheet = await ConsultationSheets.LoadAsync(db, user, clock, options.Value, request.ConsultationId, cancellationToken);
            var comment = sheet?.Comments.FirstOrDefault(c => c.Id == request.CommentId)
                ?? throw new UserInputException("", "Ý kiến này không thuộc đợt lấy ý kiến.");
            if (sheet!.Status is not (ConsultationStatus.Closed or ConsultationStatus.Answered))
            {
                throw new UserInputException("", "Giải trình sau khi kết thúc lấy ý kiến.");
            }
            if (comment.Verdict is not null)
            {
                throw new UserInputException("", "Ý kiến này đã được giải trình.");
            }
            if (comment.IsWithdrawn)
            {
                throw new UserInputException("", "Người gửi đã rút ý kiến này; không cần giải trình.");
            }
            if (request.Verdict is null || !Verdicts.ContainsKey(request.Verdict))
            {
                throw new UserInputException(nameof(Command.Verdict), "Chọn tiếp thu, tiếp thu một phần hoặc không tiếp thu.");
            }
            var explanation = request.Explanation.Trim();
            if (CommentText.Key(explanation).Length == 0)
            {
                throw new UserInputException(nameof(Command.Explanation), "Nhập nội dung giải trình; không chấp nhận trả lời không có giải trình.");
            }
            await db.Connection.ExecuteAsync(db.Command(
                """
                insert into answer (comment_id, verdict, explanation, answered_on, answered_at, answered_by)
                values (@CommentId, @Verdict, @explanation, @today, @now, @userId)
                """, new { request.CommentId, request.Verdict, explanation, today = clock.Today().ToString(Domain.Text.IsoDate.Pattern), now = clock.GetUtcNow(), userId = user.Id }, cancellationToken));
            await audit.RecordAsync(new AuditEntry("answer", "comment", request.CommentId.ToString(), Verdicts[request.Verdict]) { AgencyId = sheet.Header.AgencyId }, cancellationToken);
            await notifier.AnswerPostedAsync(request.CommentId, cancellationToken);
            return Unit.Value;
        }
    }
}
