using System.Globalization;
using System.Text;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// The text as the patterns see it, with a map back to the text as typed. Lookalike characters
/// would otherwise hide an identifier: a full-width "１２３", a zero-width space inside an SSN, an en
/// dash between digit groups, a right-to-left mark before a name. Every character here remembers
/// which characters of the original it came from, so findings point at (and mask) what was typed.
/// </summary>
internal sealed class NormalizedText
{
    private readonly int[] starts;
    private readonly int[] ends;

    private NormalizedText(string text, int[] starts, int[] ends)
    {
        Text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public string Text { get; }

    /// <summary>NFKC per text element, invisible format characters dropped, dashes, quotes and
    /// digits folded to ASCII, and every run of white space collapsed to one space.</summary>
    public static NormalizedText From(string original)
    {
        var text = new StringBuilder(original.Length);
        var starts = new List<int>(original.Length);
        var ends = new List<int>(original.Length);
        var elements = StringInfo.GetTextElementEnumerator(original);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var start = elements.ElementIndex;
            var end = start + element.Length;
            var visible = string.Concat(element.Where(c => !IsInvisible(c)));
            foreach (var c in visible.IsNormalized(NormalizationForm.FormKC) ? visible : visible.Normalize(NormalizationForm.FormKC))
            {
                var folded = Fold(c);
                if (folded == ' ' && text.Length > 0 && text[^1] == ' ')
                {
                    ends[^1] = end;
                    continue;
                }

                text.Append(folded);
                starts.Add(start);
                ends.Add(end);
            }
        }

        return new NormalizedText(text.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>The span of the original text that a span of this text came from.</summary>
    public (int Index, int Length) ToOriginal(int index, int length)
    {
        var start = starts[index];
        return (start, ends[index + length - 1] - start);
    }

    // Zero-width and bidirectional controls (the ranges Unicode's confusables guidance names), the soft
    // hyphen and the word joiner: they change nothing a person sees and break every pattern.
    private static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF' or '\u00AD' or '\u2060';

    private static char Fold(char c) => c switch
    {
        _ when char.IsWhiteSpace(c) => ' ',
        >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE58' or '\uFE63' => '-',
        '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
        >= '0' and <= '9' => c,
        _ when char.IsDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
        _ => c,
    };
}
