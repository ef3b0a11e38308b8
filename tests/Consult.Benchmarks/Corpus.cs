using System.Globalization;
using System.Text;
using Consult.Domain.Import;

namespace Consult.Benchmarks;

/// <summary>
/// Synthetic regulations shaped like the real registry: Vietnamese syllables built from onsets,
/// rhymes and tones, words of 1–3 syllables drawn with Zipf's law (function and domain words
/// first), titles of 8–18 syllables, bodies log-normal around 600 syllables. Document i depends
/// only on the seed and i, so a smaller corpus is a prefix of a larger one.
/// </summary>
public sealed class Corpus
{
    private static readonly string[] Onsets =
        ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];

    // '*' follows the vowel that carries the tone.
    private static readonly string[] OpenRhymes =
        ["a*", "a*i", "a*o", "a*n", "a*ng", "a*nh", "a*m", "a*y", "â*n", "â*ng", "â*m", "â*u", "â*y", "e*", "e*n", "e*m", "e*o",
         "ê*", "ê*n", "ê*nh", "ê*u", "i*", "i*n", "i*nh", "i*m", "i*a", "o*", "o*i", "o*n", "o*ng", "o*m", "ô*", "ô*i", "ô*n",
         "ô*ng", "ô*m", "ơ*", "ơ*i", "ơ*n", "ơ*m", "u*", "u*i", "u*n", "u*ng", "u*m", "ư*", "ư*a", "ư*ng", "ươ*ng", "ươ*n",
         "iê*n", "iê*ng", "uyê*n", "oa*", "oa*n", "oa*ng", "oa*i", "uâ*n", "ă*n", "ă*ng", "ă*m", "uô*ng", "uô*n", "ươ*i"];

    private static readonly string[] StopRhymes =
        ["a*t", "a*c", "a*ch", "a*p", "â*t", "â*p", "ă*t", "ă*c", "e*t", "ê*t", "ê*ch", "i*t", "i*ch", "i*p", "o*t", "o*c",
         "ô*t", "ô*c", "ơ*t", "u*t", "u*c", "ư*c", "ươ*c", "iê*t", "oa*t", "uyê*t", "uô*c", "ư*t"];

    private static readonly string[] AllTones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
    private static readonly string[] StopTones = ["\u0301", "\u0323"];

    private static readonly string[] FunctionWords =
        ["của", "và", "các", "được", "theo", "trong", "cho", "có", "là", "với", "về", "những", "một", "này", "đã", "để", "từ", "khi",
         "tại", "hoặc", "thì", "do", "đến", "trên", "sau", "phải", "không", "cũng", "người", "việc"];

    private static readonly string[] DomainWords =
        ["thủ tục", "giấy phép", "doanh nghiệp", "đăng ký", "kinh doanh", "hồ sơ", "cơ quan", "quy định", "điều kiện", "chứng nhận",
         "hàng hóa", "sản phẩm", "kiểm tra", "báo cáo", "thời hạn", "lệ phí", "cấp", "thẩm định", "giải quyết", "nhập khẩu", "xuất khẩu",
         "thương nhân", "tổ chức", "cá nhân", "nhà nước", "quản lý", "văn bản", "hợp đồng", "chất lượng", "an toàn", "thực phẩm",
         "môi trường", "xây dựng", "giao thông", "vận tải", "lao động", "việc làm", "đầu tư", "dự án", "tài chính", "thuế", "hải quan",
         "y tế", "dược", "giáo dục", "đào tạo", "nông nghiệp", "thủy sản", "chăn nuôi", "phân bón", "hóa chất", "xăng dầu", "rượu",
         "thuốc lá", "điện", "viễn thông", "bưu chính", "du lịch", "văn hóa", "công nghệ", "tiêu chuẩn", "quy chuẩn", "kỹ thuật",
         "đo lường", "phòng cháy", "chữa cháy", "an ninh", "trật tự", "ngân hàng", "tín dụng", "bảo hiểm", "chứng khoán", "đất đai",
         "khoáng sản", "tài nguyên", "nước", "sửa đổi", "bổ sung"];

    private static readonly string[] TitleStarts =
        ["Thủ tục", "Điều kiện kinh doanh", "Thủ tục cấp giấy phép", "Yêu cầu về", "Chế độ báo cáo", "Kiểm tra chuyên ngành", "Quy chuẩn kỹ thuật quốc gia về", "Cấm"];

    public static readonly string[] Kinds = ["TTHC", "TTHC", "TTHC", "TTHC", "YCDK", "YCDK", "YCDK", "TCQC", "CDBC", "KTCN", "CAM"];

    public static readonly string[] Agencies =
        ["BCA", "BCT", "BGTVT", "BGDDT", "BKHCN", "BKHDT", "BLDTBXH", "BNNPTNT", "BNV", "BQP", "BTTTT", "BTC", "BTNMT", "BTP",
         "BVHTTDL", "BXD", "BYT", "NHNN", "BHXH"];

    private readonly ulong _seed;
    private readonly string[] _lexicon;
    private readonly double[] _cumulative;

    public Corpus(ulong seed = 20261122, int lexiconSize = 40_000)
    {
        _seed = seed;
        var random = new SplitMix(seed);
        Syllables = BuildSyllables(random);
        var words = new List<string>(FunctionWords);
        words.AddRange(DomainWords);
        var seen = words.ToHashSet();
        while (words.Count < lexiconSize)
        {
            var length = random.NextDouble() switch { < 0.35 => 1, < 0.90 => 2, _ => 3 };
            var word = string.Join(' ', Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)]));
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }
        _lexicon = words.ToArray();
        _cumulative = new double[_lexicon.Length];
        var sum = 0.0;
        for (var k = 0; k < _lexicon.Length; k++)
        {
            sum += 1.0 / (k + 1);
            _cumulative[k] = sum;
        }
    }

    public string[] Syllables { get; }

    /// <summary>The lexicon by rank: index 0 is the most frequent word.</summary>
    public IReadOnlyList<string> Lexicon => _lexicon;

    /// <summary>Syllables, most frequent first, by the Zipf weight of the words that contain them.</summary>
    public IReadOnlyList<string> SyllablesByFrequency()
    {
        var weight = new Dictionary<string, double>();
        for (var k = 0; k < _lexicon.Length; k++)
        {
            foreach (var syllable in _lexicon[k].Split(' '))
            {
                weight[syllable] = weight.GetValueOrDefault(syllable) + 1.0 / (k + 1);
            }
        }
        return weight.OrderByDescending(w => w.Value).Select(w => w.Key).ToList();
    }

    public string Word(SplitMix random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return _lexicon[index < 0 ? ~index : index];
    }

    public static string DocumentNumber(int i) => (i % 4) switch
    {
        0 => $"{i % 300 + 1}/{2010 + i % 13}/NĐ-CP",
        1 => $"{i % 90 + 1}/{2012 + i % 11}/TT-{Agencies[i % Agencies.Length]}",
        2 => $"{i % 70 + 1}/{2010 + i % 13}/QH{12 + i % 4}",
        _ => $"QCVN {i % 99 + 1}:{2010 + i % 13}/{Agencies[i % Agencies.Length]}",
    };

    public static string Code(long id, string kind) => kind == "TTHC" ? $"{1 + id % 3}.{id:D6}" : $"{kind}-{id:D7}";

    /// <summary>One import row, as CSV.</summary>
    public string Row(long id)
    {
        var random = new SplitMix(_seed ^ (ulong)id * 0x9E3779B97F4A7C15UL);
        var kind = Kinds[random.Next(Kinds.Length)];
        var agency = Agencies[(int)(Math.Pow(random.NextDouble(), 1.6) * Agencies.Length)];
        var title = new StringBuilder(TitleStarts[random.Next(TitleStarts.Length)]);
        var titleLength = 8 + random.Next(11);
        while (CountSyllables(title) < titleLength)
        {
            title.Append(' ').Append(Word(random));
        }
        var bodyLength = (int)Math.Clamp(Math.Exp(6.3 + 0.6 * random.NextGaussian()), 200, 3000);
        var body = Body(random, bodyLength);
        var sectors = string.Join(';', Enumerable.Range(0, 1 + random.Next(2)).Select(_ => $"Lĩnh vực {1 + (int)(Math.Pow(random.NextDouble(), 2) * 120)}").Distinct());
        var basis = string.Join(';', Enumerable.Range(0, 1 + random.Next(2)).Select(_ => $"{DocumentNumber(random.Next(3000))}#Điều {1 + random.Next(60)}").Distinct());
        var status = random.NextDouble() switch { < 0.88 => "in_force", < 0.96 => "draft", _ => "repealed" };
        var published = random.NextDouble() < 0.8 ? "true" : "false";
        var effective = new DateOnly(2008, 1, 1).AddDays(random.Next(6200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var products = kind == "KTCN"
            ? string.Join(';', Enumerable.Range(0, 3 + random.Next(30)).Select(p => $"{1000 + random.Next(8000):D4}.{random.Next(100):D2}:{Word(random)} {Word(random)}"))
            : "";
        return string.Join(',', new[] { Code(id, kind), kind, title.ToString(), agency, sectors, basis, status, published, effective, body, products }.Select(Csv.Escape));
    }

    private string Body(SplitMix random, int syllables)
    {
        var body = new StringBuilder(syllables * 6);
        var count = 0;
        while (count < syllables)
        {
            var sentence = 8 + random.Next(18);
            for (var w = 0; w < sentence && count < syllables; w++)
            {
                var word = Word(random);
                if (w == 0)
                {
                    word = char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
                }
                body.Append(word);
                count += 1 + word.Count(c => c == ' ');
                body.Append(random.NextDouble() < 0.08 ? ", " : " ");
            }
            if (random.NextDouble() < 0.05)
            {
                body.Append("theo Điều ").Append(1 + random.Next(60)).Append(" Nghị định số ").Append(DocumentNumber(random.Next(3000))).Append(' ');
            }
            body.Length--;
            body.Append(random.NextDouble() < 0.15 ? ".\n" : ". ");
        }
        return body.ToString().TrimEnd();
    }

    private static int CountSyllables(StringBuilder text) => text.ToString().Split(' ').Length;

    private static string[] BuildSyllables(SplitMix random)
    {
        var result = new HashSet<string>();
        foreach (var onset in Onsets)
        {
            foreach (var (rhymes, tones) in new[] { (OpenRhymes, AllTones), (StopRhymes, StopTones) })
            {
                foreach (var rhyme in rhymes)
                {
                    foreach (var tone in tones)
                    {
                        var star = rhyme.IndexOf('*');
                        var syllable = (onset + rhyme[..star] + tone + rhyme[(star + 1)..]).Normalize(NormalizationForm.FormC);
                        result.Add(syllable);
                    }
                }
            }
        }
        var list = result.ToArray();
        random.Shuffle(list);
        return list;
    }
}

/// <summary>A small, fast, reproducible generator (SplitMix64).</summary>
public sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);

    public double NextGaussian() => Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
