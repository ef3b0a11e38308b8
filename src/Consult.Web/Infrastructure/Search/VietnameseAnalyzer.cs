using Consult.Domain.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Consult.Web.Infrastructure.Search;

/// <summary>
/// Hands Lucene the tokens of <see cref="SearchText"/>, so documents are analysed exactly as queries are:
/// the accented field keeps marks, the pair fields hold syllable pairs, every other field is folded.
/// </summary>
public sealed class VietnameseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new SearchTextTokenizer(reader, IndexFields.FormOf(fieldName)));

    private sealed class SearchTextTokenizer : Tokenizer
    {
        private readonly TokenForm _form;
        private readonly ICharTermAttribute _term;
        private IEnumerator<string>? _tokens;

        public SearchTextTokenizer(TextReader input, TokenForm form) : base(input)
        {
            _form = form;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            if (_tokens is null || !_tokens.MoveNext())
            {
                return false;
            }
            _term.SetEmpty().Append(_tokens.Current);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _tokens = SearchText.Tokens(m_input.ReadToEnd(), _form).GetEnumerator();
        }
    }
}
