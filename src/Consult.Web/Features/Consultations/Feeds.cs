using System.Text;
using System.Xml;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consult.Web.Features.Consultations;

/// <summary>The newest entries of a feed: new public regulations, open consultations, new answers or feedback and its answers, per agency and sector.</summary>
public static class FeedEntries
{
    public sealed record Entry
    {
        public string Id { get; init; } = "";
        public string Title { get; init; } = "";
        public string Url { get; init; } = "";
        public DateTimeOffset Updated { get; init; }
        public string Summary { get; init; } = "";
    }

    public sealed record Query(string Feed, string? Agency, int? Sector) : IRequest<IReadOnlyList<Entry>>;

    public sealed class Handler(Db db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Entry>>
    {
        private static readonly IReadOnlyDictionary<string, string> Sql = new Dictionary<string, string>
        {
            ["regulations"] = """
                select 'regulation-' || r.id id, r.code || ' – ' || r.title title, '/regulations/' || r.code url, r.updated_at updated, a.name summary
                from regulation r join agency a on a.id = r.agency_id
                where r.published = true and (@Agency is null or a.code = @Agency)
                    and (@Sector is null or exists (select 1 from regulation_sector rs where rs.regulation_id = r.id and rs.sector_id = @Sector))
                order by r.change_seq desc limit 50
                """,
            ["consultations"] = """
                select 'consultation-' || c.id id, c.title, '/consultations/' || c.id url, c.created_at updated,
                    a.name || ': lấy ý kiến đến ngày ' || c.closes_on summary
                from consultation c join agency a on a.id = c.agency_id
                where c.published = true and c.closed_on is null and c.opens_on <= @today and @today <= c.closes_on
                    and (@Agency is null or a.code = @Agency)
                    and (@Sector is null or exists (select 1 from consultation_item i join regulation_sector rs on rs.regulation_id = i.regulation_id
                                                    where i.consultation_id = c.id and rs.sector_id = @Sector))
                order by c.id desc limit 50
                """,
            ["answers"] = """
                select 'answer-' || n.comment_id id, a.name || ' giải trình: ' || c.title title, '/consultations/' || c.id || '#comment-' || n.comment_id url,
                    n.answered_at updated, n.explanation summary
                from answer n join comment m on m.id = n.comment_id join consultation c on c.id = m.consultation_id join agency a on a.id = c.agency_id
                where c.published = true and m.hidden_at is null and (@Agency is null or a.code = @Agency)
                order by n.answered_at desc limit 50
                """,
            ["feedback"] = """
                select 'feedback-' || f.id || '-' || f.version id,
                    case when f.answer is null then 'Phản ánh, kiến nghị về ' else a.name || ' trả lời phản ánh về ' end || r.code || ' – ' || r.title title,
                    '/feedback/' || f.id url, (select max(e.at) from feedback_event e where e.feedback_id = f.id) updated,
                    case when f.hidden_at is not null then 'Đã ẩn: ' || f.hidden_reason when f.answer is null then f.problem else f.answer end summary
                from feedback f join regulation r on r.id = f.regulation_id join agency a on a.id = f.agency_id
                where r.published = true and (@Agency is null or a.code = @Agency)
                    and (@Sector is null or exists (select 1 from regulation_sector rs where rs.regulation_id = r.id and rs.sector_id = @Sector))
                order by updated desc limit 50
                """,
        };

        public async Task<IReadOnlyList<Entry>> Handle(Query request, CancellationToken cancellationToken) =>
            (await db.Connection.QueryAsync<Entry>(db.Command(Sql[request.Feed],
                new { request.Agency, request.Sector, today = clock.Today().ToString(Domain.Text.IsoDate.Pattern) }, cancellationToken))).ToList();
    }
}

/// <summary>Atom feeds for feed readers.</summary>
public sealed class FeedsController(IMediator mediator, TimeProvider clock, SiteLinks links) : Controller
{
    private static readonly IReadOnlyDictionary<string, string> Titles = new Dictionary<string, string>
    {
        ["regulations"] = "Quy định mới được công khai",
        ["consultations"] = "Đang lấy ý kiến",
        ["answers"] = "Giải trình mới",
        ["feedback"] = "Phản ánh, kiến nghị và trả lời",
    };

    [HttpGet("feeds/{feed:regex(^(regulations|consultations|answers|feedback)$)}.atom")]
    public async Task<IActionResult> Feed(string feed, string? agency, int? sector) =>
        Atom(Titles[feed], await mediator.Send(new FeedEntries.Query(feed, agency, sector)));

    /// <summary>The regulations that apply to a business profile (the "Áp dụng cho tôi" query), the latest changed first.</summary>
    [HttpGet("feeds/applicable.atom")]
    public async Task<IActionResult> Applicable([FromQuery] Applicable.ApplicableRegulations.Query query)
    {
        var result = await mediator.Send(query);
        if (result.Errors.Count > 0)
        {
            return BadRequest(string.Join(" ", result.Errors));
        }
        var entries = result.Items.OrderByDescending(i => i.UpdatedAt).Take(50).Select(i => new FeedEntries.Entry
        {
            Id = $"regulation-{i.Id}-{i.UpdatedAt.ToUnixTimeSeconds()}",
            Title = $"{i.Code} – {i.Title}",
            Url = RegulationLinks.Details(i.Code),
            Updated = i.UpdatedAt,
            Summary = i.Agency + (i.UnderConsultation ? "; đang lấy ý kiến" : "") + (i.InPlan ? "; trong phương án đã được phê duyệt" : ""),
        }).ToList();
        return Atom("Quy định áp dụng cho hồ sơ doanh nghiệp", entries);
    }

    private ContentResult Atom(string title, IReadOnlyList<FeedEntries.Entry> list)
    {
        var site = links.Base;
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", ns);
            xml.WriteElementString("title", ns, $"{title} – Cổng tham vấn và tra cứu quy định kinh doanh");
            xml.WriteElementString("id", ns, site + Request.Path + Request.QueryString);
            xml.WriteElementString("updated", ns, XmlConvert.ToString(list.Count > 0 ? list.Max(e => e.Updated) : clock.GetUtcNow()));
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", site + Request.Path + Request.QueryString);
            xml.WriteEndElement();
            foreach (var entry in list)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, $"{site}/#{entry.Id}");
                xml.WriteElementString("title", ns, entry.Title);
                xml.WriteElementString("updated", ns, XmlConvert.ToString(entry.Updated));
                xml.WriteStartElement("link", ns);
                xml.WriteAttributeString("href", site + entry.Url);
                xml.WriteEndElement();
                xml.WriteElementString("summary", ns, entry.Summary);
                xml.WriteStartElement("author", ns);
                xml.WriteElementString("name", ns, "Cổng tham vấn và tra cứu quy định kinh doanh");
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Content(builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""), "application/atom+xml; charset=utf-8");
    }
}
