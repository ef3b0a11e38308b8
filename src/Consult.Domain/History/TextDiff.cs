namespace Consult.Domain.History;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}

public sealed record DiffPart(DiffKind Kind, string Text);

/// <summary>A word-level difference between two texts, for showing what an edit changed.</summary>
public static class TextDiff
{
    /// <summary>Above this many words on each side the texts are shown as replaced whole; the table would be too big.</summary>
    private const int MaxWords = 2000;

    public static IReadOnlyList<DiffPart> Words(string before, string after)
    {
        var a = Split(before);
        var b = Split(after);
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        var parts = new List<DiffPart>();
        Add(parts, DiffKind.Same, a[..prefix]);
        var middleA = a[prefix..^suffix];
        var middleB = b[prefix..^suffix];
        if (middleA.Length > MaxWords || middleB.Length > MaxWords)
        {
            Add(parts, DiffKind.Removed, middleA);
            Add(parts, DiffKind.Added, middleB);
        }
        else
        {
            Lcs(parts, middleA, middleB);
        }
        Add(parts, DiffKind.Same, a[^suffix..]);
        return parts;
    }

    /// <summary>Words with the whitespace that follows each, so joining the parts gives the texts back.</summary>
    private static string[] Split(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\S+\s*|\s+").Select(m => m.Value).ToArray();

    private static void Lcs(List<DiffPart> parts, string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(parts, DiffKind.Same, [a[x++]]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                Add(parts, DiffKind.Removed, [a[x++]]);
            }
            else
            {
                Add(parts, DiffKind.Added, [b[y++]]);
            }
        }
    }

    private static void Add(List<DiffPart> parts, DiffKind kind, string[] words)
    {
        if (words.Length == 0)
        {
            return;
        }
        var text = string.Concat(words);
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new DiffPart(kind, text));
        }
    }
}
