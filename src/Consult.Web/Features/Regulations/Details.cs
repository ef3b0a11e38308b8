using Consult.Domain.Applicability;
using Consult.Domain.Import;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Regulations;

/// <summary>Everything about one regulation: requirements, legal basis, products, history, related regulations.</summary>
public static class Details
{
    public sealed record Query(string Code) : IRequest<Result?>;

    public sealed record Regulation
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Content { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Published { get; init; }
        public string? PublishedOn { get; init; }
        public string? EffectiveOn { get; init; }
        public int Version { get; init; }
        public string UpdatedAt { get; init; } = "";
        public int AgencyId { get; init; }
        public string AgencyCode { get; init; } = "";
        public string AgencyName { get; init; } = "";
        public string? AppliesStage { get; init; }

        public RegulationKind KindValue => RegulationKinds.FromCode(Kind);
        public RegulationStatus StatusValue => RegulationStatuses.FromCode(Status);
    }

    public sealed record Basis
    {
        public long DocumentId { get; init; }
        public string Number { get; init; } = "";
        public string DocType { get; init; } = "";
        public string Title { get; init; } = "";
        public string Article { get; init; } = "";
        public bool Illustrative { get; init; }
        public string TypeLabel => DocumentNumber.Label(DocType);
    }

    public sealed record Product
    {
        public string HsCode { get; init; } = "";
        public string Name { get; init; } = "";
    }

    public sealed record Related
    {
        public string Code { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Title { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Published { get; init; }
        public RegulationKind KindValue => RegulationKinds.FromCode(Kind);
        public RegulationStatus StatusValue => RegulationStatuses.FromCode(Status);
    }

    public sealed record Version(int Number, DateTimeOffset SavedAt, string Source, IReadOnlyList<string> Changes);

    public sealed record Result(
        Regulation Regulation,
        RegulationDetails Details,
        IReadOnlyList<string> Sectors,
        IReadOnlyList<Basis> LegalBasis,
        IReadOnlyList<Product> Products,
        IReadOnlyList<Related> RelatedRegulations,
        IReadOnlyList<Version> Versions,
        ApplicabilityTags Applies);

    public sealed class Handler(Db db, CurrentUser user) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var regulation = await db.Connection.QuerySingleOrDefaultAsync<Regulation>(db.Command(
                """
                select r.*, a.code agency_code, a.name agency_name
                from regulation r join agency a on a.id = r.agency_id
                where r.code_key = @key
                """, new { key = RegulationCode.Key(request.Code) }, cancellationToken));
            if (regulation is null || !user.Sees(regulation.Published, regulation.AgencyId))
            {
                return null;
            }
            using var rest = await db.Connection.QueryMultipleAsync(db.Command(
                $"""
                select processing_time, fees, implementing_body, dossier, result, report_frequency, report_recipient, business_line
                from regulation where id = @id;
                select s.name from regulation_sector rs join sector s on s.id = rs.sector_id where rs.regulation_id = @id order by s.name;
                select d.id document_id, d.number, d.doc_type, d.title, b.article, d.illustrative
                from regulation_basis b join legal_document d on d.id = b.legal_document_id
                where b.regulation_id = @id order by b.position;
                select hs_code, name from regulation_product where regulation_id = @id order by position;
                select distinct r.code, r.kind, r.title, r.status, r.published
                from regulation_basis mine
                join regulation_basis other on other.legal_document_id = mine.legal_document_id and other.regulation_id <> mine.regulation_id
                join regulation r on r.id = other.regulation_id
                where mine.regulation_id = @id and {Visibility.Regulations}
                order by r.kind, r.code
                limit 50;
                select v.version, v.saved_at, coalesce(u.display_name, v.source) source, v.changes from regulation_version v left join app_user u on u.id = v.saved_by where v.regulation_id = @id order by v.version desc;
                select dimension, value from regulation_applies where regulation_id = @id order by dimension, value;
                """, user.Visibility.With(new { id = regulation.Id }), cancellationToken));
            var details = await rest.ReadSingleAsync<RegulationDetails>();
            var sectors = (await rest.ReadAsync<string>()).ToList();
            var basis = (await rest.ReadAsync<Basis>()).ToList();
            var products = (await rest.ReadAsync<Product>()).ToList();
            var related = (await rest.ReadAsync<Related>()).ToList();
            var history = (await rest.ReadAsync<(int Version, DateTimeOffset SavedAt, string Source, string Changes)>())
                .Select(v => new Version(v.Version, v.SavedAt, v.Source, RegulationSnapshot.SplitChanges(v.Changes)))
                .ToList();
            var applies = ApplicabilityTags.FromStored(await rest.ReadAsync<(string, string)>(), regulation.AppliesStage);
            return new Result(regulation, details, sectors, basis, products, related, history, applies);
        }
    }

    /// <summary>The answer of <c>/api/v1/regulations/{code}</c>.</summary>
    public static object Json(Result result)
    {
        var r = result.Regulation;
        return new
        {
            code = r.Code,
            kind = r.Kind,
            title = r.Title,
            content = r.Content,
            agency = new { code = r.AgencyCode, name = r.AgencyName },
            status = r.Status,
            published = r.Published,
            publishedOn = r.PublishedOn,
            effectiveDate = r.EffectiveOn,
            sectors = result.Sectors,
            details = result.Details,
            legalBasis = result.LegalBasis.Select(b => new { number = b.Number, type = b.DocType, title = b.Title, article = b.Article.Length > 0 ? b.Article : null }),
            products = result.Products.Select(p => new { hsCode = p.HsCode, name = p.Name }),
            appliesTo = new
            {
                lines = result.Applies.Lines,
                forms = result.Applies.Forms.Select(ProfileTerms.Code),
                sizes = result.Applies.Sizes.Select(ProfileTerms.Code),
                provinces = result.Applies.Provinces,
                stage = result.Applies.Stage is { } stage ? ProfileTerms.Code(stage) : null,
            },
            version = r.Version,
            versions = result.Versions.Select(v => new { version = v.Number, savedAt = v.SavedAt, source = v.Source, changes = v.Changes }),
        };
    }
}
