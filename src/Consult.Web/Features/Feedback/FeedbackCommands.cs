using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Features.Consultations;
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

namespace Consult.Web.Features.Feedback;

/// <summary>What every step on a feedback shares: the row as the form showed it, its history and who hears of it.</summary>
public sealed class FeedbackStore(Db db, CurrentUser user, TimeProvider clock, FeedbackNotices notices)
{
    public const string AuditEntity = "feedback";

    /// <summary>One line of a feedback's history.</summary>
    public const string EventSql = """
        insert into feedback_event (feedback_id, kind, from_agency, to_agency, note, on_day, at, by_user)
        values (@id, @kind, @from, @to, @note, @today, @now, @userId)
        """;

    public static object Event(long id, string kind, int? from, int? to, string note, TimeProvider clock, long? userId) =>
        new { id, kind, from, to, note, today = clock.Today().ToString(IsoDate.Pattern), now = clock.GetUtcNow(), userId };

    /// <summary>The feedback as it is now; a version other than the one the form showed is a conflict.</summary>
    public async Task<FeedbackRow> CurrentAsync(long id, int expectedVersion)
    {
        var f = await FeedbackRecords.OneAsync(db, user, id) ?? throw new UserInputException("", "Không có phản ánh, kiến nghị này.", StatusCodes.Status404NotFound);
        if (f.Version != expectedVersion)
        {
            throw new UserInputException("", "Phản ánh vừa được cơ quan khác hoặc đồng nghiệp xử lý sau khi bạn mở trang; hãy mở lại.", StatusCodes.Status409Conflict);
        }
        if (f.IsHidden)
        {
            throw new UserInputException("", "Phản ánh đã bị ẩn vì vi phạm quy định của cổng; không xử lý tiếp.");
        }
        if (f.Answer is not null)
        {
            throw new UserInputException("", "Phản ánh đã được trả lời.");
        }
        return f;
    }

    /// <summary>Records a step in the history, moves the version on and tells the author.</summary>
    public async Task StepAsync(FeedbackRow f, string kind, int? from, int? to, string note, string authorNotice)
    {
        await db.Connection.ExecuteAsync("update feedback set version = version + 1 where id = @Id", f, db.Transaction);
        await db.Connection.ExecuteAsync(EventSql, Event(f.Id, kind, from, to, note, clock, user.Id), db.Transaction);
        await notices.ToAuthorAsync(f, authorNotice);
    }
}

/// <summary>Notices about feedback: to its author, and to whoever follows its regulation or its agency.</summary>
public sealed class FeedbackNotices(Notifier notifier)
{
    public Task ToAuthorAsync(FeedbackRow f, string text) => notifier.NotifyUserAsync(f.UserId, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id));

    public void ToFollowers(FeedbackRow f, string text) =>
        notifier.NotifyFollowers(
            "((f.target = 'regulation' and f.target_id = @RegulationId) or (f.target = 'agency' and f.target_id = @AgencyId)) and f.user_id <> @UserId",
            new { f.RegulationId, f.AgencyId, f.UserId }, $"{text}: {f.RegulationCode} – {f.RegulationTitle}", FeedbackLinks.Details(f.Id));
}

/// <summary>
/// A business, association or citizen files feedback on a regulation in force: the problem, the proposal, an optional
/// attachment. A provincial office files for its province's businesses. It goes to the agency owning the regulation.
/// </summary>
public static class FileFeedback
{
    public sealed record Command : IRequest<long>, ICommand
    {
        [Display(Name = "Quy định (mã thủ tục hoặc mã quy định)")]
        [Required(ErrorMessage = "Nhập mã quy định được phản ánh.")]
        public string? Regulation { get; init; }

        [Display(Name = "Vướng mắc, bất cập")]
        [Required(ErrorMessage = "Nêu vướng mắc, bất cập khi thực hiện quy định.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Nội dung phản ánh dài quá 10.000 ký tự.")]
        public string? Problem { get; init; }

        [Display(Name = "Kiến nghị, đề xuất")]
        [Required(ErrorMessage = "Nêu kiến nghị, đề xuất sửa đổi.")]
        [StringLength(CommentText.MaxLength, ErrorMessage = "Kiến nghị dài quá 10.000 ký tự.")]
        public string? Proposal { get; init; }

        [Display(Name = "Tệp đính kèm (PDF hoặc DOCX, tối đa 10 MB)")]
        public IFormFile? Attachment { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, AttachmentStore attachments, FeedbackNotices notices, AuditLog audit, TimeProvider clock, IOptions<FeedbackOptions> options)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            if (user.IsStaff)
            {
                throw new UserInputException("", "Tài khoản cán bộ của bộ, ngành không gửi phản ánh, kiến nghị; hãy dùng tài khoản doanh nghiệp, hiệp hội hoặc cá nhân.");
            }
            var errors = new List<(string, string)>();
            var regulation = await db.Connection.QuerySingleOrDefaultAsync<(long Id, int AgencyId, string Status, bool Published)?>(
                "select id, agency_id, status, published from regulation where code_key = @key",
                new { key = RegulationCode.Key(request.Regulation ?? "") }, db.Transaction);
            if (regulation is not { Published: true } r)
            {
                errors.Add((nameof(Command.Regulation), $"Không có quy định mã \"{request.Regulation?.Trim()}\" được công khai."));
            }
            else if (r.Status != "in_force")
            {
                errors.Add((nameof(Command.Regulation), "Chỉ phản ánh, kiến nghị về quy định đang có hiệu lực; dự thảo thì góp ý trong đợt lấy ý kiến."));
            }
            var problem = CommentText.Clean(request.Problem);
            var proposal = CommentText.Clean(request.Proposal);
            if (CommentText.Key(problem).Length == 0)
            {
                errors.Add((nameof(Command.Problem), "Nội dung phản ánh cần có chữ."));
            }
            if (CommentText.Key(proposal).Length == 0)
            {
                errors.Add((nameof(Command.Proposal), "Kiến nghị cần có chữ."));
            }
            else if (regulation is { } known && (await db.Connection.QueryAsync<string>(
                    "select problem from feedback where user_id = @userId and regulation_id = @Id and answer is null",
                    new { userId = user.Id, known.Id }, db.Transaction)).Any(p => CommentText.Similarity(CommentText.Key(p), CommentText.Key(problem)) >= CommentText.RepeatThreshold))
            {
                errors.Add((nameof(Command.Problem), "Bạn đã gửi phản ánh này về quy định và đang chờ trả lời; không gửi lặp lại."));
            }
            var type = await AttachmentStore.CheckOptionalAsync(request.Attachment, nameof(Command.Attachment), errors);
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            var today = clock.Today();
            long? attachmentId = type is { } recognised ? await attachments.KeepAsync(db, request.Attachment!, recognised, cancellationToken) : null;
            var id = await db.Connection.ExecuteScalarAsync<long>(
                """
                insert into feedback (regulation_id, agency_id, user_id, respondent_kind, province_code, problem, proposal, attachment_id, filed_on, filed_at, answer_due)
                select @regulationId, @agencyId, u.id, u.user_kind, @province, @problem, @proposal, @attachmentId, @today, @now, @due from app_user u where u.id = @userId
                returning id
                """,
                new
                {
                    regulationId = regulation!.Value.Id, agencyId = regulation.Value.AgencyId, province = user.ProvinceCode, problem, proposal, attachmentId,
                    today = today.ToString(IsoDate.Pattern), now = clock.GetUtcNow(), userId = user.Id,
                    due = (await FeedbackRecords.DueAsync(db, today, options.Value.AnswerWorkingDays)).ToString(IsoDate.Pattern),
                }, db.Transaction);
            await db.Connection.ExecuteAsync(FeedbackStore.EventSql, FeedbackStore.Event(id, "filed", null, regulation.Value.AgencyId, "", clock, user.Id), db.Transaction);
            notices.ToFollowers((await FeedbackRecords.OneAsync(db, user, id))!, "Phản ánh, kiến nghị mới");
            audit.Record(new AuditEntry("file", FeedbackStore.AuditEntity, id.ToString(), request.Regulation!.Trim()) { AgencyId = regulation.Value.AgencyId });
            return id;
        }
    }
}

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
        public string? Reason { get; init; }

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, feedback: [Id]);
    }

    public sealed class Handler(Db db, FeedbackStore store, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion);
            if (f.TransferTo is not null)
            {
                throw new UserInputException("", $"Phản ánh đang chờ {f.TransferToName} nhận.");
            }
            var code = AgencyCode.Normalize(request.ToAgency ?? "");
            var to = await db.Connection.QuerySingleOrDefaultAsync<(int Id, string Name)?>(
                "select id, name from agency where code = @code and (valid_to is null or valid_to >= @today)",
                new { code, today = clock.Today().ToString(IsoDate.Pattern) }, db.Transaction)
                ?? throw new UserInputException(nameof(Command.ToAgency), "Chọn một cơ quan đang hoạt động trong danh sách.");
            if (to.Id == f.AgencyId)
            {
                throw new UserInputException(nameof(Command.ToAgency), "Chọn cơ quan khác với cơ quan đang xử lý.");
            }
            await db.Connection.ExecuteAsync("update feedback set transfer_to = @to where id = @Id", new { to = to.Id, f.Id }, db.Transaction);
            await store.StepAsync(f, "transfer", f.AgencyId, to.Id, request.Reason!.Trim(), $"Phản ánh của bạn được chuyển đến {to.Name}");
            audit.Record(new AuditEntry("transfer", FeedbackStore.AuditEntity, f.Id.ToString(), $"Chuyển đến {to.Name}: {request.Reason!.Trim()}") { AgencyId = f.AgencyId });
            return $"Đã chuyển phản ánh đến {to.Name}; phản ánh trở lại cơ quan mình nếu {to.Name} trả lại.";
        }
    }
}

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
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion);
            var to = f.TransferTo ?? throw new UserInputException("", "Phản ánh không còn chờ cơ quan bạn nhận.");
            if (request.Accept)
            {
                var due = await FeedbackRecords.DueAsync(db, clock.Today(), options.Value.AnswerWorkingDays);
                await db.Connection.ExecuteAsync("update feedback set agency_id = @to, transfer_to = null, answer_due = @due where id = @Id",
                    new { to, due = due.ToString(IsoDate.Pattern), f.Id }, db.Transaction);
                await store.StepAsync(f, "accept", f.AgencyId, to, "", $"{f.TransferToName} đã nhận xử lý phản ánh của bạn, hạn trả lời {VietnameseDates.Show(due)}");
                audit.Record(new AuditEntry("accept", FeedbackStore.AuditEntity, f.Id.ToString(), $"Nhận từ {f.AgencyName}") { AgencyId = to });
                return $"Đã nhận xử lý; hạn trả lời {VietnameseDates.Show(due)}.";
            }
            var reason = request.Reason?.Trim() ?? "";
            if (reason.Length == 0)
            {
                throw new UserInputException(nameof(Command.Reason), "Nêu lý do trả lại; lý do được công khai.");
            }
            await db.Connection.ExecuteAsync("update feedback set transfer_to = null where id = @Id", f, db.Transaction);
            await store.StepAsync(f, "return", f.AgencyId, to, reason, $"{f.TransferToName} trả lại phản ánh của bạn cho {f.AgencyName}");
            audit.Record(new AuditEntry("return", FeedbackStore.AuditEntity, f.Id.ToString(), $"Trả lại {f.AgencyName}: {reason}") { AgencyId = to });
            return $"Đã trả lại phản ánh cho {f.AgencyName}.";
        }
    }
}

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
            var f = await store.CurrentAsync(request.Id, request.ExpectedVersion);
            if (f.TransferTo is not null)
            {
                throw new UserInputException("", $"Phản ánh đang chờ {f.TransferToName} nhận; chờ cơ quan đó nhận hoặc trả lại.");
            }
            var answer = CommentText.Clean(request.Answer);
            if (CommentText.Key(answer).Length == 0)
            {
                throw new UserInputException(nameof(Command.Answer), "Nội dung trả lời cần có chữ.");
            }
            await db.Connection.ExecuteAsync("update feedback set answer = @answer, answered_on = @today, answered_by = @userId where id = @Id",
                new { answer, today = clock.Today().ToString(IsoDate.Pattern), userId = user.Id, f.Id }, db.Transaction);
            await store.StepAsync(f, "answer", f.AgencyId, null, "", $"{f.AgencyName} đã trả lời phản ánh của bạn");
            notices.ToFollowers(f, $"{f.AgencyName} trả lời phản ánh, kiến nghị");
            audit.Record(new AuditEntry("answer", FeedbackStore.AuditEntity, f.Id.ToString(), f.RegulationCode) { AgencyId = f.AgencyId });
            return Unit.Value;
        }
    }
}

/// <summary>The author says, once, whether the answer satisfied them.</summary>
public static class RateFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Bạn có hài lòng với câu trả lời?")]
        [Required(ErrorMessage = "Chọn hài lòng hoặc không hài lòng.")]
        public bool? Satisfied { get; init; }

        [Display(Name = "Nhận xét (không bắt buộc)")]
        [StringLength(2_000, ErrorMessage = "Nhận xét dài quá 2.000 ký tự.")]
        public string? Remark { get; init; }

        public Permission Permission => Permission.AuthorOfFeedback(Id);
    }

    public sealed class Handler(Db db, AuditLog audit, TimeProvider clock, CurrentUser user) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rated = await db.Connection.ExecuteAsync(
                """
                update feedback set satisfied = @Satisfied, rating_remark = @remark, rated_at = @now, version = version + 1
                where id = @Id and answer is not null and satisfied is null
                """, new { request.Id, request.Satisfied, remark = request.Remark?.Trim() ?? "", now = clock.GetUtcNow() }, db.Transaction);
            if (rated == 0)
            {
                throw new UserInputException("", "Phản ánh chưa được trả lời, hoặc bạn đã đánh giá câu trả lời.");
            }
            var verdict = request.Satisfied == true ? "Hài lòng" : "Không hài lòng";
            await db.Connection.ExecuteAsync(FeedbackStore.EventSql, FeedbackStore.Event(request.Id, "rate", null, null, verdict, clock, user.Id), db.Transaction);
            audit.Record(new AuditEntry("rate", FeedbackStore.AuditEntity, request.Id.ToString(), verdict));
            return Unit.Value;
        }
    }
}

/// <summary>Anyone signed in may report a feedback as abusive, once; moderators see the count on it.</summary>
public static class ReportFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do báo cáo")]
        [Required(ErrorMessage = "Nêu lý do báo cáo vi phạm.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string? Reason { get; init; }

        public Permission Permission => Permission.SignedIn;
    }

    public sealed class Handler(Db db, CurrentUser user, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            if (await FeedbackRecords.OneAsync(db, user, request.Id) is not { IsHidden: false })
            {
                throw new UserInputException("", "Không có phản ánh này, hoặc phản ánh đã bị ẩn.");
            }
            await db.Connection.ExecuteAsync(
                """
                insert into feedback_report (feedback_id, user_id, reason, created_at) values (@Id, @userId, @reason, @now)
                on conflict (feedback_id, user_id) do nothing
                """, new { request.Id, userId = user.Id, reason = request.Reason!.Trim(), now = clock.GetUtcNow() }, db.Transaction);
            return Unit.Value;
        }
    }
}

/// <summary>A moderator hides abusive feedback with a public reason; it stays in the record and needs no answer.</summary>
public static class HideFeedback
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long Id { get; init; }

        [Display(Name = "Lý do ẩn (được công khai)")]
        [Required(ErrorMessage = "Nêu lý do ẩn phản ánh; lý do được công khai.")]
        [StringLength(500, ErrorMessage = "Lý do dài quá 500 ký tự.")]
        public string? Reason { get; init; }

        public Permission Permission => Permission.HoldingRole(Roles.Reviewer, Roles.Admin);
    }

    public sealed class Handler(Db db, CurrentUser user, AuditLog audit, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var reason = request.Reason!.Trim();
            var hidden = await db.Connection.ExecuteAsync(
                "update feedback set hidden_at = @now, hidden_by = @userId, hidden_reason = @reason, version = version + 1 where id = @Id and hidden_at is null",
                new { request.Id, now = clock.GetUtcNow(), userId = user.Id, reason }, db.Transaction);
            if (hidden == 0)
            {
                throw new UserInputException("", "Phản ánh không còn hoặc đã được ẩn.");
            }
            await db.Connection.ExecuteAsync(FeedbackStore.EventSql, FeedbackStore.Event(request.Id, "hide", null, null, reason, clock, user.Id), db.Transaction);
            audit.Record(new AuditEntry("hide", FeedbackStore.AuditEntity, request.Id.ToString(), reason));
            return Unit.Value;
        }
    }
}
