using Consult.Domain.Search;
using Consult.Domain.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace Consult.Web.Infrastructure.Search;

/// <summary>What one indexed regulation or legal document holds, and how each field is analysed.</summary>
public static class IndexFields
{
    /// <summary>"r{id}" or "d{id}": the key an update replaces.</summary>
    public const string Key = "key";
    /// <summary>The regulation's id as a doc value; 0 for documents.</summary>
    public const string RegulationId = "rid";
    public const string DocumentId = "did";

    // Regulations: every syllable is matched on All; the others only rank.
    public const string All = "all";
    public const string Title = "title";
    public const string Accented = "acc";
    public const string Pairs = "pairs";
    public const string TitlePairs = "tpairs";
    public const string Code = "code";
    public const string Citation = "cite";

    // Legal documents: their own fields, so searching them never walks regulations' postings.
    public const string DocumentAll = "doc_all";
    public const string DocumentCitation = "doc_cite";

    public static TokenForm FormOf(string field) => field switch
    {
        Accented => TokenForm.Accented,
        Pairs or TitlePairs => TokenForm.Pairs,
        _ => TokenForm.Folded,
    };

    // Fields that only rank need no positions: smaller and faster than full text.
    private static readonly FieldType RankingText = new(TextField.TYPE_NOT_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS,
    };

    static IndexFields() => RankingText.Freeze();

    public sealed record RegulationText
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Content { get; init; } = "";
        public string? Extra { get; init; }
        /// <summary>Numbers of the legal documents it is based on, separated by '\n'.</summary>
        public string? Documents { get; init; }
    }

    public sealed record DocumentText
    {
        public long Id { get; init; }
        public string Number { get; init; } = "";
        public string DocType { get; init; } = "";
        public string Title { get; init; } = "";
    }

    /// <summary>
    /// Marks matter most where people read first; indexing them for the title and the opening of the content
    /// keeps the accented field a fraction of the body's size (indexing time is proportional to tokens).
    /// </summary>
    public const int AccentedContentLength = 600;

    public static Document For(RegulationText r)
    {
        var body = r.Title + "\n" + r.Content + (string.IsNullOrEmpty(r.Extra) ? "" : "\n" + r.Extra);
        var opening = r.Title + "\n" + (r.Content.Length <= AccentedContentLength ? r.Content : r.Content[..AccentedContentLength]);
        var document = new Document
        {
            new StringField(Key, "r" + r.Id, Field.Store.NO),
            new NumericDocValuesField(RegulationId, r.Id),
            new TextField(All, body, Field.Store.NO),
            new TextField(Title, r.Title, Field.Store.NO),
            new Field(Accented, opening, RankingText),
            new Field(Pairs, body, RankingText),
            new Field(TitlePairs, r.Title, RankingText),
            new StringField(Code, RegulationCode.Key(r.Code), Field.Store.NO),
        };
        foreach (var number in (r.Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var token in Domain.Text.Citation.IndexTokens(number))
            {
                document.Add(new StringField(Citation, token, Field.Store.NO));
            }
        }
        return document;
    }

    public static Document For(DocumentText d)
    {
        var document = new Document
        {
            new StringField(Key, "d" + d.Id, Field.Store.NO),
            new NumericDocValuesField(DocumentId, d.Id),
            new TextField(DocumentAll, DocumentNumber.Label(d.DocType) + " " + d.Number + "\n" + d.Title, Field.Store.NO),
        };
        foreach (var token in Domain.Text.Citation.IndexTokens(d.Number))
        {
            document.Add(new StringField(DocumentCitation, token, Field.Store.NO));
        }
        return document;
    }

    public static Term KeyOf(RegulationText r) => new(Key, "r" + r.Id);

    public static Term KeyOf(DocumentText d) => new(Key, "d" + d.Id);
}
