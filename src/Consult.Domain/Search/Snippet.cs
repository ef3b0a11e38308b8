using Consult.Domain.Text;

namespace Consult.Domain.Search;

public sealed record SnippetPart(string Text, bool IsMatch);

/// <summary>
/// Cuts a short excerpt around the first matching words of a text and marks every match.
/// Matching runs on folded text and maps straight back to the original, which keeps its marks.
/// </summary>
public static class Snippet
{
    public static IReadOnlyList<SnippetPart> Build(string original, IReadOnlyList<string> highlightTokens, int maxChars = 240)
    {
        if (string.IsNullOrEmpty(original))
        {
            return [];
        }
        var folded = VietnameseFolding.Fold(original);
        var hits = Tokenizer.Spans(folded).Where(s => IsHit(folded, s, highlightTokens));

        var start = 0;
        var end = Math.Min(original.Length, maxChars);
        var matches = new List<(int Start, int Length)>();
        foreach (var hit in hits)
        {
            if (matches.Count == 0)
            {
                start = SnapToWordStart(original, Math.Max(0, hit.Start - (maxChars / 4)));
                end = Math.Min(original.Length, start + maxChars);
            }
            if (hit.Start + hit.Length > end)
            {
                break;
            }
            matches.Add(hit);
        }
        end = SnapToWordEnd(original, end);

        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("… ", false));
        }
        var cursor = start;
        foreach (var (mStart, mLength) in matches)
        {
            if (mStart > cursor)
            {
                parts.Add(new SnippetPart(original[cursor..mStart], false));
            }
            parts.Add(new SnippetPart(original.Substring(mStart, mLength), true));
            cursor = mStart + mLength;
        }
        if (end > cursor)
        {
            parts.Add(new SnippetPart(original[cursor..end], false));
        }
        if (end < original.Length)
        {
            parts.Add(new SnippetPart(" …", false));
        }
        return parts;
    }

    private static bool IsHit(string folded, (int Start, int Length) span, IReadOnlyList<string> tokens)
    {
        var word = folded.AsSpan(span.Start, span.Length);
        foreach (var token in tokens)
        {
            var isMatch = token.EndsWith('*')
                ? word.StartsWith(token.AsSpan(0, token.Length - 1), StringComparison.Ordinal)
                : word.SequenceEqual(token);
            if (isMatch)
            {
                return true;
            }
        }
        return false;
    }

    private static int SnapToWordStart(string text, int index)
    {
        while (index > 0 && !char.IsWhiteSpace(text[index - 1]))
        {
            index--;
        }
        return index;
    }

    private static int SnapToWordEnd(string text, int index)
    {
        var limit = Math.Min(text.Length, index + 20);
        while (index < limit && !char.IsWhiteSpace(text[index]))
        {
            index++;
        }
        return index;
    }
}
