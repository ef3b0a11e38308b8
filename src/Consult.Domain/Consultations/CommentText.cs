using System.Text.RegularExpressions;
using Consult.Domain.Text;

namespace Consult.Domain.Consultations;

/// <summary>Comments are plain text: checked, compared for repeats, and split into text and web links for display.</summary>
public static partial class CommentText
{
    public const int MaxLength = 10_000;
    /// <summary>Comments this similar (shared word triples) to an earlier one are flagged as repeats.</summary>
    public const double RepeatThreshold = 0.85;

    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    /// <summary>Posted text as it is stored: composed Unicode (marks typed either way compare equal), one kind of line break, no outer spaces.</summary>
    public static string Clean(string? text) => VietnameseFolding.Compose(text ?? "").Replace("\r\n", "\n").Trim();

    /// <summary>What is compared to find repeats: folded words only, so case, marks, spacing and punctuation do not matter.</summary>
    public static string Key(string body) => string.Join(' ', Tokenizer.Tokens(VietnameseFolding.Fold(body)));

    /// <summary>Jaccard similarity of the word triples of two keys (of the words when shorter).</summary>
    public static double Similarity(string keyA, string keyB)
    {
        if (keyA == keyB)
        {
            return 1;
        }
        var a = Shingles(keyA);
        var b = Shingles(keyB);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> Shingles(string key)
    {
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
        {
            return [.. words];
        }
        return Enumerable.Range(0, words.Length - 2).Select(i => $"{words[i]} {words[i + 1]} {words[i + 2]}").ToHashSet();
    }

    public sealed record Part(string Text, bool IsLink);

    /// <summary>The body cut into plain text and http(s) links, for an encoder to render.</summary>
    public static IReadOnlyList<Part> Parts(string body)
    {
        var parts = new List<Part>();
        var at = 0;
        foreach (Match m in Link().Matches(body))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?');
            if (m.Index > at)
            {
                parts.Add(new Part(body[at..m.Index], false));
            }
            parts.Add(new Part(url, true));
            at = m.Index + url.Length;
        }
        if (at < body.Length)
        {
            parts.Add(new Part(body[at..], false));
        }
        return parts;
    }
}

public enum AttachmentType
{
    Pdf,
    Docx,
}

/// <summary>Attachments are recognised by their content, whatever their name says.</summary>
public static class AttachmentCheck
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static string ContentType(AttachmentType type) => type == AttachmentType.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Extension(AttachmentType type) => type == AttachmentType.Pdf ? ".pdf" : ".docx";

    /// <summary>What a real DOCX of a 10 MB upload can expand to; a "zip bomb" declares far more.</summary>
    public const long MaxUncompressedBytes = 100 * 1024 * 1024;

    /// <summary>Text and images compress 2–20 times; a hundredfold is not a document.</summary>
    public const long MaxCompressionRatio = 100;

    /// <summary>PDF by its "%PDF-" header; DOCX as a ZIP holding word/document.xml. Anything else is refused.</summary>
    public static AttachmentType? Recognise(Stream content)
    {
        Span<byte> head = stackalloc byte[5];
        content.Position = 0;
        if (content.ReadAtLeast(head, 5, throwOnEndOfStream: false) < 5)
        {
            return null;
        }
        content.Position = 0;
        if (head.SequenceEqual("%PDF-"u8))
        {
            return AttachmentType.Pdf;
        }
        if (!head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            // Sizes as the central directory declares them: nothing is decompressed to check.
            var uncompressed = zip.Entries.Sum(e => e.Length);
            var compressed = Math.Max(1, zip.Entries.Sum(e => e.CompressedLength));
            var sane = zip.Entries.Count <= 5_000 && uncompressed <= MaxUncompressedBytes && uncompressed / compressed <= MaxCompressionRatio;
            return sane && zip.GetEntry("word/document.xml") is not null ? AttachmentType.Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
