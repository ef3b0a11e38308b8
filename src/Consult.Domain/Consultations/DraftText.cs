using System.Text.RegularExpressions;

namespace Consult.Domain.Consultations;

/// <summary>A point (điểm) of a clause: "a) …".</summary>
public sealed record DraftPoint(string Letter, string Text);

/// <summary>A clause (khoản) of an article: "2. …", with its points.</summary>
public sealed record DraftClause(string Number, string Text, IReadOnlyList<DraftPoint> Points)
{
    public string Anchor(DraftArticle article) => $"{article.Anchor}-khoan-{Number}";
    public string Label(DraftArticle article) => $"Điều {article.Number} khoản {Number}";
}

/// <summary>An article (điều) of a draft, under its chapter (chương) and section (mục) when the draft has them.</summary>
public sealed record DraftArticle(string Number, string Heading, string? Chapter, string? Section, string Body, IReadOnlyList<DraftClause> Clauses)
{
    public string Anchor => $"dieu-{Number}";
    public string Label => $"Điều {Number}. {Heading}".TrimEnd(' ', '.');
}

/// <summary>
/// Splits a draft legal document into its structure as Vietnamese drafting writes it: "Chương I", "Mục 1", "Điều 5. Tên
/// điều", clauses "1.", points "a)". Pure: the same text always gives the same articles and anchors, so comments stay
/// attached to the article or clause they were written on.
/// </summary>
public static partial class DraftText
{
    [GeneratedRegex(@"^Chương\s+([IVXLC]+|\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChapterLine();

    [GeneratedRegex(@"^Mục\s+(\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^Điều\s+(\d+[a-zđ]?)\s*[.:]?\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^(\d+)\.\s+(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseLine();

    [GeneratedRegex(@"^([a-zđ])\)\s+(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex PointLine();

    public static IReadOnlyList<DraftArticle> Parse(string? text)
    {
        var articles = new List<DraftArticle>();
        string? chapter = null, section = null;
        // "Chương I" or "Mục 1" alone on its line: its title is the next line.
        var titleFollows = false;
        (string Number, string Heading, List<string> Body, List<(string Number, List<string> Text, List<DraftPoint> Points)> Clauses)? current = null;

        void Finish()
        {
            if (current is { } a)
            {
                articles.Add(new DraftArticle(a.Number, a.Heading, chapter, section, string.Join("\n", a.Body),
                    a.Clauses.Select(c => new DraftClause(c.Number, string.Join("\n", c.Text), c.Points)).ToList()));
            }
            current = null;
        }

        foreach (var raw in Text.VietnameseFolding.Compose(text).Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (ChapterLine().IsMatch(line))
            {
                Finish();
                (chapter, section, titleFollows) = (line, null, ChapterLine().Match(line).Length == line.Length);
            }
            else if (SectionLine().IsMatch(line))
            {
                Finish();
                (section, titleFollows) = (line, SectionLine().Match(line).Length == line.Length);
            }
            else if (titleFollows)
            {
                titleFollows = false;
                if (section is not null)
                {
                    section = $"{section}. {line}";
                }
                else
                {
                    chapter = $"{chapter}. {line}";
                }
            }
            else if (ArticleLine().Match(line) is { Success: true } article)
            {
                Finish();
                current = (article.Groups[1].Value, article.Groups[2].Value.Trim(), [], []);
            }
            else if (current is not { } a)
            {
                continue; // the preamble (căn cứ…) before the first article belongs to no article
            }
            else if (ClauseLine().Match(line) is { Success: true } clause)
            {
                a.Clauses.Add((clause.Groups[1].Value, [clause.Groups[2].Value], []));
            }
            else if (PointLine().Match(line) is { Success: true } point && a.Clauses.Count > 0)
            {
                a.Clauses[^1].Points.Add(new DraftPoint(point.Groups[1].Value, point.Groups[2].Value));
            }
            else if (a.Clauses.Count > 0)
            {
                a.Clauses[^1].Text.Add(line);
            }
            else
            {
                a.Body.Add(line);
            }
        }
        Finish();
        return articles;
    }
}
