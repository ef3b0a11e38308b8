using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Plans;
using Consult.Domain.Text;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Plans;

/// <summary>
/// Adds or changes one item of a draft or returned plan: the regulation, what to do with it, why, its cost after
/// and the documents to amend. Its cost before is the regulation's current estimate.
/// </summary>
public static class SavePlanItem
{
    public sealed record Command : IRequest<Unit>, ICommand
    {
        public long PlanId { get; init; }
        public long? ItemId { get; init; }

        [Display(Name = "Mã quy định")]
        [Required(ErrorMessage = "Nhập mã quy định của cơ quan.")]
        public string RegulationCode { get; init; } = "";

        [Display(Name = "Phương án xử lý")]
        [Required(ErrorMessage = "Chọn bãi bỏ, đơn giản hóa, sửa đổi hoặc thay thế.")]
        public string? Action { get; init; }

        [Display(Name = "Lý do")]
        [Required(ErrorMessage = "Nêu lý do cắt giảm, đơn giản hóa.")]
        [StringLength(5_000, ErrorMessage = "Lý do dài quá 5.000 ký tự.")]
        public string Reason { get; init; } = "";

        [Display(Name = "Văn bản cần sửa đổi, bổ sung hoặc bãi bỏ")]
        public List<DocumentInput> Documents { get; init; } = []; // a List: MVC leaves a posted list empty in an IReadOnlyList that has a value

        /// <summary>The cost after the change; ignored when the regulation is abolished.</summary>
        public CostForm CostAfter { get; init; } = new();

        public int ExpectedVersion { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, regulations: [RegulationCode ?? ""], plans: [PlanId]);

        /// <summary>The documents as rows of the form (<c>_Rows.cshtml</c>).</summary>
        public RepeatableRows DocumentRows => new(nameof(Documents), "Văn bản cần sửa đổi, bổ sung hoặc bãi bỏ",
            "Mỗi dòng một văn bản, với điều khoản cần sửa và hạn trình ban hành; xóa trắng một dòng để bỏ.",
            [new(nameof(DocumentInput.Number), "Số hiệu (ví dụ 100/2019/NĐ-CP)"), new(nameof(DocumentInput.Article), "Điều, khoản"),
             new(nameof(DocumentInput.Deadline), "Hạn (ngày/tháng/năm)", IsDate: true)],
            Documents.Select(d => (IReadOnlyList<string?>)[d.Number, d.Article, d.Deadline]));
    }

    /// <summary>One document to amend as typed: its number, the article and the deadline.</summary>
    public sealed record DocumentInput
    {
        public string? Number { get; init; }
        public string? Article { get; init; }
        public string? Deadline { get; init; }

        /// <summary>The demo file's form of a row, <c>số hiệu#điều khoản#hạn</c>.</summary>
        public static DocumentInput Parse(string line)
        {
            var parts = line.Split('#', StringSplitOptions.TrimEntries);
            return new() { Number = parts[0], Article = parts.ElementAtOrDefault(1), Deadline = parts.ElementAtOrDefault(2) };
        }
    }

    public sealed record DocumentLine(string Number, string DocType, string Article, string? Deadline);

    public static (IReadOnlyList<DocumentLine> Lines, IReadOnlyList<string> Errors) ReadDocuments(IEnumerable<DocumentInput> inputs)
    {
        var lines = new List<DocumentLine>();
        var errors = new List<string>();
        foreach (var input in inputs.Where(i => RepeatableRows.IsFilled([i.Number, i.Article, i.Deadline])))
        {
            var number = VietnameseFolding.Compose(input.Number?.Trim());
            var deadline = input.Deadline is { } d && d.Trim().Length > 0 ? d.Trim() : null;
            var deadlineDay = default(DateOnly);
            if (!DocumentNumber.IsValid(number))
            {
                errors.Add(number.Length == 0 ? "Một dòng có điều khoản hoặc hạn nhưng thiếu số hiệu văn bản." : $"\"{number}\" không phải số hiệu văn bản (ví dụ 100/2019/NĐ-CP).");
            }
            else if (deadline is not null && !IsoDate.TryRead(deadline, out deadlineDay))
            {
                errors.Add($"Hạn \"{deadline}\" không hợp lệ; dùng dạng ngày/tháng/năm, ví dụ 31/12/2026.");
            }
            else
            {
                lines.Add(new DocumentLine(number, DocumentNumber.InferType(number).ToString(), input.Article?.Trim() ?? "",
                    deadline is null ? null : deadlineDay.ToString(IsoDate.Pattern)));
            }
        }
        return (lines, errors);
    }

    public sealed class Handler(Db db, PlanStore plans) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var plan = await plans.CurrentAsync(request.PlanId, request.ExpectedVersion, PlanStatuses.IsEditable,
                "Phương án đã trình hoặc đã được phê duyệt: không thêm, sửa mục được nữa.", cancellationToken);
            var errors = new List<(string, string)>();
            var regulation = await db.Connection.QuerySingleOrDefaultAsync<(long Id, int AgencyId)?>(db.Command(
                "select id, agency_id from regulation where code_key = @key", new { key = Domain.Text.RegulationCode.Key(request.RegulationCode) }, cancellationToken));
            if (regulation is null)
            {
                errors.Add((nameof(Command.RegulationCode), $"Không có quy định mã \"{request.RegulationCode}\"."));
            }
            else if (regulation.Value.AgencyId != plan.AgencyId)
            {
                errors.Add((nameof(Command.RegulationCode), "Phương án chỉ gồm quy định của cơ quan lập phương án."));
            }
            else if (await db.Connection.ExecuteScalarAsync<bool>(db.Command(
                "select exists (select 1 from plan_item where plan_id = @PlanId and regulation_id = @regulationId and (@ItemId is null or id <> @ItemId))",
                new { request.PlanId, regulationId = regulation.Value.Id, request.ItemId }, cancellationToken)))
            {
                errors.Add((nameof(Command.RegulationCode), "Quy định này đã có trong phương án."));
            }
            var before = regulation is null ? null : await db.Connection.ExecuteScalarAsync<string?>(db.Command(
                "select inputs from cost_estimate where regulation_id = @id", new { id = regulation.Value.Id }, cancellationToken));
            if (regulation is not null && before is null)
            {
                // A plan shows what each regulation costs now and after; without the cost now there is no saving to show.
                errors.Add((nameof(Command.RegulationCode),
                    $"Quy định {request.RegulationCode} chưa có ước tính chi phí tuân thủ hiện hành; hãy cập nhật ước tính trước khi đưa vào phương án."));
            }
            if (!PlanActions.TryParse(request.Action, out var action))
            {
                errors.Add((nameof(Command.Action), "Chọn phương án xử lý trong danh sách."));
            }
            var (documents, documentErrors) = ReadDocuments(request.Documents);
            errors.AddRange(documentErrors.Select(e => (nameof(Command.Documents), e)));
            if (documents.Count == 0 && documentErrors.Count == 0)
            {
                errors.Add((nameof(Command.Documents), "Nêu ít nhất một văn bản cần sửa đổi, bổ sung hoặc bãi bỏ."));
            }
            var hourlyIncome = (await HourlyIncomes.ForYearAsync(db, plan.Year, cancellationToken))?.Value ?? 0;
            var after = CostInputs.None;
            if (action != PlanAction.Abolish)
            {
                var (inputs, costErrors) = request.CostAfter.Read(hourlyIncome, nameof(Command.CostAfter) + ".");
                errors.AddRange(costErrors);
                after = inputs ?? CostInputs.None;
            }
            if (errors.Count > 0)
            {
                throw new UserInputException(errors);
            }


            var values = new
            {
                request.PlanId, request.ItemId, regulationId = regulation!.Value.Id, action = PlanActions.Code(action),
                reason = request.Reason.Trim(), before, after = CostJson.Write(after),
            };
            var itemId = request.ItemId is null
                ? await db.Connection.ExecuteScalarAsync<long>(db.Command(
                    """
                    insert into plan_item (plan_id, regulation_id, action, reason, cost_before, cost_after)
                    values (@PlanId, @regulationId, @action, @reason, @before, @after) returning id
                    """, values, cancellationToken))
                : await db.Connection.ExecuteScalarAsync<long?>(db.Command(
                    """
                    update plan_item set regulation_id = @regulationId, action = @action, reason = @reason, cost_before = @before, cost_after = @after
                    where id = @ItemId and plan_id = @PlanId returning id
                    """, values, cancellationToken)) ?? throw new UserInputException("", "Mục này không còn trong phương án.");
            await db.Connection.ExecuteAsync(db.Command("delete from plan_item_document where item_id = @itemId", new { itemId }, cancellationToken));
            await db.Connection.ExecuteAsync(db.Command(
                "insert into plan_item_document (item_id, position, number, doc_type, article, deadline) values (@itemId, @position, @Number, @DocType, @Article, @Deadline)",
                documents.Select((d, i) => new { itemId, position = i, d.Number, d.DocType, d.Article, d.Deadline }), cancellationToken));
            await plans.StepAsync(plan, request.ItemId is null ? "add-item" : "update-item",
                $"{request.RegulationCode}: {PlanActions.Label(action)}", null, cancellationToken);
            return Unit.Value;
        }
    }
}
