using System.Text;

namespace Crawler.Bench.Reddit;

/// <summary>
/// Made-up words, names and tokens drawn with a skewed frequency, as in real text: a few words are common,
/// most are rare. Random ids and signatures are as incompressible as Reddit's, so the dump compresses about as
/// much as a real one rather than 20 times over.
/// </summary>
internal sealed class Vocabulary
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ter", "an", "ble", "sh", "ro", "ing", "pre", "st", "ou", "ed", "co", "ph", "ver", "ly", "na", "tion", "gr", "ea", "th", "ul", "qui"];

    private readonly Random _random;
    private readonly string[] _words;
    private readonly string[] _users;

    public Vocabulary(Random random)
    {
        _random = random;
        _words = Enumerable.Range(0, 8_000).Select(_ => Word(1 + _random.Next(4))).ToArray();
        _users = Enumerable.Range(0, 200_000).Select(_ => Word(2 + _random.Next(3)) + (_random.Next(3) == 0 ? "_" + Word(2) : "") + (_random.Next(2) == 0 ? _random.Next(10_000).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")).ToArray();
    }

    public string User() => _users[Skewed(_users.Length)];

    /// <summary>Text of about <paramref name="length"/> characters, words separated by spaces, with punctuation.</summary>
    public string Sentence(int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            var word = _words[Skewed(_words.Length)];
            text.Append(text.Length == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            text.Append(_random.Next(12) switch { 0 => ". ", 1 => ", ", _ => " " });
        }
        return text.ToString().TrimEnd(' ', ',');
    }

    public string Base36Id(int length) => Draw(Base36, length);

    public string ImageId() => Draw(Base64Url, 43);

    public string Signature() => Convert.ToHexStringLower(Bytes(16));

    public int Skewed(int count) => (int)(count * Math.Pow(_random.NextDouble(), 3));

    private string Word(int syllables) => string.Concat(Enumerable.Range(0, syllables).Select(_ => _random.Next(5) == 0 ? Letters[_random.Next(26)].ToString() : Syllables[_random.Next(Syllables.Length)]));

    private string Draw(string alphabet, int length) => string.Create(length, this, (chars, self) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[self._random.Next(alphabet.Length)];
        }
    });

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
