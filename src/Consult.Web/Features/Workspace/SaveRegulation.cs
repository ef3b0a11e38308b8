using System.ComponentModel.DataAnnotations;
using Consult.Domain.Accounts;
using Consult.Domain.Applicability;
using Consult.Domain.Import;
using Consult.Domain.Text;
using Consult.Web.Features.Regulations;
using Consult.Web.Features.Shared;
using Consult.Web.Infrastructure.Mediator;
using Consult.Web.Infrastructure.Validation;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.Workspace;

/// <summary>
/// Creates or edits one regulation from the workspace form. The same checks as an import row apply;
/// publication is left as it is (publishing is a lead's separate step).
/// </summary>
public static class SaveRegulation
{
    public sealed record Command : IRequest<string>, ICommand
    {
        [Display(Name = "Mã quy định")] public string? Code { get; init; }
        [Display(Name = "Loại quy định")] public string? Kind { get; init; }
        [Display(Name = "Tên quy định")] public string? Title { get; init; }
        [Display(Name = "Cơ quan")] public string? Agency { get => _agency.Length > 0 ? _agency : null; init => _agency = AgencyCode.Normalize(value); }

        /// <summary>Normalised as it is bound, so the permission is checked on the code that is written.</summary>
        private readonly string _agency = "";
        // Lists, not IReadOnlyLists: MVC leaves a posted list empty when the property is an IReadOnlyList that already has a value.

        /// <summary>Sectors ticked among those the registry knows.</summary>
        [Display(Name = "Lĩnh vực")] public List<string> Sectors { get; init; } = [];
        [Display(Name = "Lĩnh vực khác (mỗi dòng một lĩnh vực)")] public string? NewSectors { get; init; }
        [Display(Name = "Căn cứ pháp lý")] public List<LegalBasisInput> LegalBasis { get; init; } = [];
        [Display(Name = "Tình trạng hiệu lực")] public string? Status { get; init; }
        [Display(Name = "Ngày có hiệu lực")] public string? EffectiveDate { get; init; }
        [Display(Name = "Nội dung")] public string? Content { get; init; }
        [Display(Name = "Sản phẩm, hàng hóa (KTCN; mỗi dòng: mã HS:tên)")] public string? Products { get; init; }
        [Display(Name = "Thời hạn giải quyết")] public string? ProcessingTime { get; init; }
        [Display(Name = "Phí, lệ phí")] public string? Fees { get; init; }
        [Display(Name = "Cơ quan thực hiện")] public string? ImplementingBody { get; init; }
        [Display(Name = "Thành phần hồ sơ")] public string? Dossier { get; init; }
        [Display(Name = "Kết quả thực hiện")] public string? Result { get; init; }
        [Display(Name = "Tần suất báo cáo")] public string? ReportFrequency { get; init; }
        [Display(Name = "Nơi nhận báo cáo")] public string? ReportRecipient { get; init; }
        [Display(Name = "Ngành nghề kinh doanh")] public string? BusinessLine { get; init; }

        [Display(Name = "Ngành kinh tế áp dụng (mã VSIC, cách nhau bởi dấu phẩy; để trống: mọi ngành)")] public string? BusinessLines { get; init; }
        [Display(Name = "Loại hình áp dụng")] public List<string> LegalForms { get; init; } = [];
        [Display(Name = "Quy mô áp dụng")] public List<string> Sizes { get; init; } = [];
        [Display(Name = "Tỉnh, thành phố áp dụng")] public List<string> Provinces { get; init; } = [];
        [Display(Name = "Giai đoạn áp dụng")] public string? Stage { get; init; }

        /// <summary>The version the form was opened at; 0 for a new regulation.</summary>
        public int ExpectedVersion { get; init; }

        /// <summary>Shown beside the form; never read from it.</summary>
        [BindNever]
        public bool Published { get; init; }

        public Permission Permission => Permission.AgencyWork(Roles.Editor, agencies: [Agency ?? ""], regulations: [Code ?? ""]);

        public static Command From(RegulationSnapshot snapshot, int version) => new()
        {
            Code = snapshot.Code,
            Kind = snapshot.Kind,
            Title = snapshot.Title,
            Agency = snapshot.Agency,
            Sectors = [.. snapshot.Sectors],
            LegalBasis = snapshot.LegalBasis.Select(b => b.Split('#', 2)).Select(parts => new LegalBasisInput { Number = parts[0], Article = parts.ElementAtOrDefault(1) }).ToList(),
            Status = snapshot.Status,
            EffectiveDate = snapshot.EffectiveDate,
            Content = snapshot.Content,
            Products = string.Join("\n", snapshot.Products),
            ProcessingTime = snapshot.Details.ProcessingTime,
            Fees = snapshot.Details.Fees,
            ImplementingBody = snapshot.Details.ImplementingBody,
            Dossier = snapshot.Details.Dossier,
            Result = snapshot.Details.Result,
            ReportFrequency = snapshot.Details.ReportFrequency,
            ReportRecipient = snapshot.Details.ReportRecipient,
            BusinessLine = snapshot.Details.BusinessLine,
            BusinessLines = string.Join(", ", snapshot.Applies?.Lines ?? []),
            LegalForms = [.. (snapshot.Applies?.Forms ?? []).Select(ProfileTerms.Code)],
            Sizes = [.. (snapshot.Applies?.Sizes ?? []).Select(ProfileTerms.Code)],
            Provinces = [.. snapshot.Applies?.Provinces ?? []],
            Stage = snapshot.Applies?.Stage is { } stage ? ProfileTerms.Code(stage) : null,
            ExpectedVersion = version,
        };

        /// <summary>What the form states, in the shape an import row has, so the import's checks apply unchanged.</summary>
        public RegulationInput ToInput() => new RegulationInput
        {
            Code = Code,
            Kind = Kind,
            Title = Title,
            Agency = Agency,
            Sectors = [.. Sectors, .. Lines(NewSectors)],
            LegalBasis = [.. LegalBasis.Where(b => RepeatableRows.IsFilled([b.Number, b.Article])).Select(b => new LegalBasisItem(b.Number ?? "", b.Article))],
            Status = Status,
            EffectiveDate = EffectiveDate,
            Content = Content,
            Products = [.. Lines(Products)],
            Details = new RegulationDetails
            {
                ProcessingTime = ProcessingTime,
                Fees = Fees,
                ImplementingBody = ImplementingBody,
                Dossier = Dossier,
                Result = Result,
                ReportFrequency = ReportFrequency,
                ReportRecipient = ReportRecipient,
                BusinessLine = BusinessLine,
            },
            BusinessLines = (BusinessLines ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries),
            LegalForms = LegalForms,
            Sizes = Sizes,
            Provinces = Provinces,
            Stage = Stage,
        }.WithOnlyItsKindsFields();

        private static IEnumerable<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>The legal basis as rows of the form (<c>_Rows.cshtml</c>).</summary>
        public RepeatableRows LegalBasisRows => new(nameof(LegalBasis), "Căn cứ pháp lý",
            "Văn bản quy phạm pháp luật quy định việc này, mỗi dòng một văn bản; xóa trắng một dòng để bỏ.",
            [new("Number", "Số hiệu văn bản (ví dụ 105/2017/NĐ-CP)"), new("Article", "Điều, khoản (ví dụ Điều 11)")],
            LegalBasis.Select(b => (IReadOnlyList<string?>)[b.Number, b.Article]));
    }

    /// <summary>One row of the legal basis: a document number and, if given, its article.</summary>
    public sealed record LegalBasisInput
    {
        public string? Number { get; init; }
        public string? Article { get; init; }
    }

    public sealed class Handler(RegulationWriter writer) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var (row, errors) = RegulationRowParser.Parse(request.ToInput());
            var messages = errors.Select(e => (ImportColumns.Field(e.Column), Sentence(e.Message))).ToList();
            if (row is not null && !(await writer.AgenciesAsync(cancellationToken)).ContainsKey(row.AgencyCode))
            {
                messages.Add((nameof(Command.Agency), $"Không có cơ quan mã \"{row.AgencyCode}\"."));
            }
            if (row is not null)
            {
                messages.AddRange((await writer.UnknownTagsAsync(row, cancellationToken)).Select(e => (ImportColumns.Field(e.Column), Sentence(e.Message))));
            }
            if (messages.Count > 0)
            {
                throw new UserInputException(messages);
            }
            await writer.SaveAsync(row!, "web", cancellationToken, request.ExpectedVersion, keepPublication: true);
            return row!.Code;
        }

        private static string Sentence(string fragment) => char.ToUpperInvariant(fragment[0]) + fragment[1..];
    }
}
