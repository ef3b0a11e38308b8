using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Consultations;
using Consult.Domain.Text;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Audit;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;
using Microsoft.Extensions.Options;

namespace Consult.Web.Features.Consultations;

/// <summary>
/// An agency lead prepares a consultation on a draft legal document (its regulations and articles), on a simplification
/// plan (its regulations) or on one regulation in force; it can be changed until it is opened.
/// </summary>
public static class SaveConsultation
{
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>
    {
        ["document"] = "Dự thảo văn bản quy phạm pháp luật (nhập số hiệu)",
        ["plan"] = "Phương án cắt giảm, đơn giản hóa (nhập số phương án)",
        ["regulation"] = "Quy định đang có hiệu lực (nhập mã quy định)",
    };

    public sealed record Command : IRequest<long>, ICommand
    {
        public long? Id { get; init; }
        public string? Agency { get => _agency.Length > 0 ? _agency : null; init => _agency = AgencyCode.Normalize(value); }

        /// <summary>Normalised as it is bound, so the permission is checked on the code that is written.</summary>
        private readonly string _agency = "";

        [Display(Name = "Lấy ý kiến về")]
        [Required(ErrorMessage = "Chọn nội dung lấy ý kiến.")]
        public string? Subject { get; init; }

        [Display(Name = "Số hiệu văn bản, số phương án hoặc mã quy định")]
        [Required(ErrorMessage = "Nhập văn bản, phương án hoặc quy định được lấy ý kiến.")]
        public string? SubjectRef { get; init; }

        [Display(Name = "Tiêu đề")]
        [Required(ErrorMessage = "Nhập tiêu đề đợt lấy ý kiến.")]
        [StringLength(500, ErrorMessage = "Tiêu đề dài quá 500 ký tự.")]
        public string Title { get; init; } = "";

        [Display(Name = "Tóm tắt")]
        [StringLength(10_000, ErrorMessage = "Tóm tắt dài quá 10.000 ký tự.")]
        public string? Summary { get; init; }

        [Display(Name = "Ngày bắt đầu")]
        [Required(ErrorMessage = "Nhập ngày bắt đầu lấy ý kiến.")]
        public string? OpensOn { get; init; }

        [Display(Name = "Ngày kết thúc")]
        [Required(ErrorMessage = "Nhập ngày kết thúc lấy ý kiến.")]
        public string? ClosesOn { get; init; }

        [Display(Name = "Các điều khoản của dự thảo được lấy ý kiến (mỗi dòng một điều)")]
        public string? Articles { get; init; }

        [Display(Name = "Toàn văn dự thảo")]
        [StringLength(500_000, ErrorMessage = "Toàn văn dài quá 500.000 ký tự.")]
        public string? DraftText { get; init; }

        /// <summary>The draft as a Word file; its text replaces what is in <see cref="DraftText"/>.</summary>
        [Display(Name = "Hoặc tải lên dự thảo (DOCX)")]
        public IFormFile? DraftFile { get; init; }

        [Display(Name = "Tờ trình (PDF hoặc DOCX)")]
        public IFormFile? ExplanatoryReport { get; init; }

        [Display(Name = "Báo cáo đánh giá tác động, kèm ước tính chi phí tuân thủ (PDF hoặc DOCX)")]
        public IFormFile? ImpactAssessment { get; init; }

        [Display(Name = "Bảng so sánh, thuyết minh (PDF hoặc DOCX)")]
        public IFormFile? ComparisonTable { get; init; }

        /// <summary>The papers published beside the draft, by their kind in <c>consultation_document</c>.</summary>
        public IEnumerable<(string Kind, string Field, IFormFile File)> Documents =>
            new[] { ("explanatory_report", nameof(ExplanatoryReport), ExplanatoryReport), ("impact_assessment", nameof(ImpactAssessment), ImpactAssessment),
                    ("comparison_table", nameof(ComparisonTable), ComparisonTable) }
            .Where(d => d.Item3 is { Length: > 0 }).Select(d => (d.Item1, d.Item2, d.Item3!));

        public int ExpectedVersion { get; init; }

        /// <summary>The round a new one follows, when a re-issued draft is consulted again.</summary>
        public long? PreviousId { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Lead, agencies: [Agency ?? ""],
            consultations: [.. new[] { Id, PreviousId }.OfType<long>()]);
    }

    public sealed class Handler(Db db, ConsultationStore store, AuditLog audit, TimeProvider clock, AttachmentStore attachments, IOptions<ConsultationOptions> options)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command request, CancellationToken cancellationToken)
        {
            var errors = new List<(string, string)>();
            if (request.DraftFile is { Length: > 0 } draftFile)
            {
                var (type, _) = await AttachmentStore.CheckAsync(draftFile);
                await using var docx = draftFile.OpenReadStream();
                if (type != AttachmentType.Docx || DraftDocx.Text(docx) is not { } text)
                {
                    errors.Add((nameof(Command.DraftFile), "Dự thảo tải lên phải là tệp Word (DOCX) đọc được, tối đa 10 MB."));
                }
                else
                {
                    request = request with { DraftText = text };
                }
            }
            var documents = new List<(string Kind, IFormFile File, AttachmentType Type)>();
            foreach (var (kind, field, file) in request.Documents)
            {
                var (type, problem) = await AttachmentStore.CheckAsync(file, "Tệp");
                if (type is { } recognised)
                {
                    documents.Add((kind, file, recognised));
                }
                else
                {
                    errors.Add((field, problem!));
                }
            }
            var agencyId = await db.Connection.ExecuteScalarAsync<int?>(db.Command("select id from agency where code = @Agency", request, cancellationToken));
            if (!IsoDate.TryRead(request.OpensOn, out var opens))
            {
                errors.Add((nameof(Command.OpensOn), IsoDate.Invalid(request.OpensOn)));
            }
            if (!IsoDate.TryRead(request.ClosesOn, out var closes))
            {
                errors.Add((nameof(Command.ClosesOn), IsoDate.Invalid(request.ClosesOn)));
            }
            else if (closes < opens)
            {
                errors.Add((nameof(Command.ClosesOn), "Ngày kết thúc phải sau ngày bắt đầu."));
            }
            else if (ConsultationWindowLength.Days(opens, closes) is var days && days < options.Value.MinimumWindowDays)
            {
                errors.Add((nameof(Command.ClosesOn), ConsultationWindowLength.TooShort(days, options.Value.MinimumWindowDays)));
            }
            var (subject, items) = await SubjectAsync(request, agencyId ?? 0, errors, cancellationToken);
            if (request.PreviousId is { } previous && request.Id is null && await db.Connection.ExecuteScalarAsync<bool>(db.Command(
                    "select not exists (select 1 from consultation where id = @previous and published = true and (closed_on is not null or closes_on < @today)) or exists (select 1 from consultation where previous_id = @previous)",
                    new { previous, today = clock.Today().ToString(IsoDate.Pattern) }, cancellationToken)))
            {
                errors.Add(("", "Chỉ mở vòng mới sau khi vòng trước đã kết thúc, và mỗi vòng chỉ có một vòng tiếp theo."));
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }

            var values = new
            {
                request.Id, agencyId, subject = request.Subject, subject.DocumentId, subject.PlanId, subject.RegulationId,
                title = request.Title.Trim(), summary = request.Summary?.Trim() ?? "", draft = request.DraftText?.Replace("\r\n", "\n").Trim() ?? "",
                opens = opens.ToString(IsoDate.Pattern), closes = closes.ToString(IsoDate.Pattern), now = clock.GetUtcNow(), request.PreviousId,
            };
            long id;
            if (request.Id is { } existing)
            {
                var header = await store.CurrentAsync(existing, request.ExpectedVersion, cancellationToken);
                if (header.Published)
                {
                    throw new UserInputException("", "Đợt lấy ý kiến đã công bố: không sửa được nội dung nữa.");
                }
                await db.Connection.ExecuteAsync(db.Command(
                    """
                    update consultation set subject = @subject, legal_document_id = @DocumentId, plan_id = @PlanId, regulation_id = @RegulationId,
                        title = @title, summary = @summary, opens_on = @opens, closes_on = @closes, draft_text = @draft
                    where id = @Id;
                    delete from consultation_item where consultation_id = @Id;
                    """, values, cancellationToken));
                await store.StepAsync(header, "update", values.title, cancellationToken);
                id = existing;
            }
            else
            {
                id = await db.Connection.ExecuteScalarAsync<long>(db.Command(
                    """
                    insert into consultation (agency_id, subject, legal_document_id, plan_id, regulation_id, title, summary, opens_on, closes_on, created_at, previous_id, draft_text)
                    values (@agencyId, @subject, @DocumentId, @PlanId, @RegulationId, @title, @summary, @opens, @closes, @now, @PreviousId, @draft) returning id
                    """, values, cancellationToken));
                await audit.RecordAsync(new AuditEntry("create", ConsultationStore.AuditEntity, id.ToString(), values.title) { AgencyId = agencyId, ToVersion = 1 }, cancellationToken);
            }
            await db.Connection.ExecuteAsync(db.Command(
                "insert into consultation_item (consultation_id, position, regulation_id, label, anchor) values (@id, @position, @RegulationId, @Label, @Anchor)",
                items.Select((item, i) => new { id, position = i, item.RegulationId, item.Label, item.Anchor }), cancellationToken));
            foreach (var (kind, file, type) in documents)
            {
                var attachmentId = await attachments.KeepAsync(db, file, type, cancellationToken);
                await db.Connection.ExecuteAsync(db.Command(
                    """
                    insert into consultation_document (consultation_id, kind, attachment_id) values (@id, @kind, @attachmentId)
                    on conflict (consultation_id, kind) do update set attachment_id = excluded.attachment_id
                    """, new { id, kind, attachmentId }, cancellationToken));
            }
            return id;
        }

        private sealed record Subject(long? DocumentId, long? PlanId, long? RegulationId);

        private sealed record Item(long? RegulationId, string Label, string? Anchor = null);

        /// <summary>The consulted record, which must belong to the agency, and the items it brings.</summary>
        private async Task<(Subject, IReadOnlyList<Item>)> SubjectAsync(Command request, int agencyId, List<(string, string)> errors, CancellationToken cancellationToken)
        {
            var reference = request.SubjectRef?.Trim() ?? "";
            void Refuse(string message) => errors.Add((nameof(Command.SubjectRef), message));
            async Task<List<Item>> RegulationsAsync(string sql, object parameters) =>
                (await db.Connection.QueryAsync<(long Id, string Code, string Title)>(db.Command(sql, parameters, cancellationToken)))
                .Select(r => new Item(r.Id, $"{r.Code} – {r.Title}")).ToList();

            switch (request.Subject)
            {
                case "regulation":
                    var regulation = await db.Connection.QuerySingleOrDefaultAsync<(long Id, int AgencyId, string Code, string Title)?>(db.Command(
                        "select id, agency_id, code, title from regulation where code_key = @key", new { key = RegulationCode.Key(reference) }, cancellationToken));
                    if (regulation is not { } r || r.AgencyId != agencyId)
                    {
                        Refuse($"Không có quy định mã \"{reference}\" của cơ quan.");
                        break;
                    }
                    return (new Subject(null, null, r.Id), [new Item(r.Id, $"{r.Code} – {r.Title}")]);
                case "plan":
                    var planId = long.TryParse(reference, out var p) ? await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                        "select id from plan where id = @p and agency_id = @agencyId", new { p, agencyId }, cancellationToken)) : null;
                    if (planId is null)
                    {
                        Refuse($"Không có phương án số \"{reference}\" của cơ quan.");
                        break;
                    }
                    return (new Subject(null, planId, null), await RegulationsAsync(
                        "select r.id, r.code, r.title from plan_item i join regulation r on r.id = i.regulation_id where i.plan_id = @planId order by i.id", new { planId }));
                case "document":
                    var documentId = await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                        "select id from legal_document where number_key = @key and agency_id = @agencyId", new { key = DocumentNumber.Key(reference), agencyId }, cancellationToken));
                    if (documentId is null)
                    {
                        Refuse($"Không có văn bản số \"{reference}\" do cơ quan cập nhật.");
                        break;
                    }
                    var items = await RegulationsAsync(
                        "select distinct r.id, r.code, r.title from regulation_basis b join regulation r on r.id = b.regulation_id where b.legal_document_id = @documentId order by r.code", new { documentId });
                    // A draft's text gives its articles and clauses to comment on; without it, the articles listed.
                    var articles = Domain.Consultations.DraftText.Parse(request.DraftText);
                    if (!string.IsNullOrWhiteSpace(request.DraftText) && articles.Count == 0)
                    {
                        errors.Add((nameof(Command.DraftText), "Không tìm thấy điều nào trong toàn văn: mỗi điều bắt đầu một dòng bằng \"Điều 1.\", \"Điều 2.\"…"));
                    }
                    items.AddRange(articles.Count > 0
                        ? articles.SelectMany(a => a.Clauses.Select(c => new Item(null, c.Label(a), c.Anchor(a))).Prepend(new Item(null, a.Label, a.Anchor)))
                        : (request.Articles ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new Item(null, a)));
                    return (new Subject(documentId, null, null), items);
                default:
                    errors.Add((nameof(Command.Subject), "Chọn nội dung lấy ý kiến trong danh sách."));
                    break;
            }
            return (new Subject(null, null, null), []);
        }
    }
}
