using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Bot.Cards.Elements;

/// <summary>
/// Text a TextBlock or a fact may show as markdown. It is made only from what a person typed
/// (<see cref="Literal"/>: every markdown character escaped) or by the bot through an interpolated
/// string (<see cref="Of"/>: its holes escaped unless they are markdown already), so a person's text
/// cannot reach a card's markdown unescaped. There is no conversion from a string.
/// </summary>
[JsonConverter(typeof(MarkdownConverter))]
public readonly struct Markdown : IEquatable<Markdown>
{
    private readonly string? text;

    private Markdown(string text) => this.text = text;

    public static Markdown Empty { get; } = new(string.Empty);

    public string Text => text ?? string.Empty;

    /// <summary>
    /// Plain text shown as written — what a person typed, or words and figures the bot wrote without
    /// markdown: nothing in it becomes emphasis, a link, HTML, a list or a date.
    /// </summary>
    public static Markdown Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        AppendEscaped(builder, text);
        return new(builder.ToString());
    }

    /// <summary>Markdown the bot writes: <c>Markdown.Of($"Only the PMs of {project.Name} can do that")</c> escapes the name.</summary>
    public static Markdown Of(ref MarkdownHandler text) => new(text.ToStringAndClear());

    /// <summary>
    /// A sentence of the bot's own from Texts/ (trusted: its emphasis stays) with its composite-format
    /// values put in as <see cref="Of"/> puts holes: <see cref="Markdown"/> as it is, anything else
    /// formatted for the current culture (with the format the sentence gives, as <c>{0:0.00}</c>) and escaped.
    /// Only <see cref="TextResource"/> calls it, so a person's text cannot arrive here as the sentence.
    /// </summary>
    internal static Markdown Sentence(string sentence, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var handler = new MarkdownHandler(sentence.Length, values.Count);
        var literal = new StringBuilder();
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if ((c is '{' or '}') && i + 1 < sentence.Length && sentence[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new FormatException($"A lone '}}' in the sentence \"{sentence}\".");
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = sentence.IndexOf('}', i);
            var hole = end < 0 ? string.Empty : sentence[(i + 1)..end];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            if (!int.TryParse(colon < 0 ? hole : hole[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                || index >= values.Count)
            {
                throw new FormatException($"The sentence \"{sentence}\" names a value it is not given ({values.Count} given).");
            }

            handler.AppendLiteral(literal.ToString());
            literal.Clear();
            switch (values[index])
            {
                case Markdown markdown:
                    handler.AppendFormatted(markdown);
                    break;
                case string text:
                    handler.AppendFormatted(text);
                    break;
                case var value:
                    handler.AppendFormatted(value, colon < 0 ? null : hole[(colon + 1)..]);
                    break;
            }

            i = end;
        }

        handler.AppendLiteral(literal.ToString());
        return Of(ref handler);
    }

    /// <summary>
    /// A sentence the bot worded outside the card (a notice, a problem, a note on a form), its typed
    /// values escaped where it was put together: its emphasis stays, and as a second line of defence
    /// no link, image, HTML or date function survives in it. Brackets not already escaped are escaped.
    /// </summary>
    public static Markdown Worded(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var builder = new StringBuilder(sentence.Length);
        for (var i = 0; i < sentence.Length; i++)
        {
            var c = sentence[i];
            if (c == '\\' && i + 1 < sentence.Length)
            {
                builder.Append(c).Append(sentence[++i]);
                continue;
            }

            if (c is '[' or ']' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return new(WithoutDateFunctions(builder.ToString()));
    }

    /// <summary>
    /// A moment as each reader's Teams shows it, in their own time zone and locale (the Adaptive Cards
    /// DATE and TIME functions), instead of one zone written into the text.
    /// </summary>
    public static Markdown When(DateTimeOffset at)
    {
        var iso = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new($"{{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}");
    }

    public static Markdown Join(Markdown separator, IEnumerable<Markdown> parts) =>
        new(string.Join(separator.Text, parts.Select(p => p.Text)));

    public static Markdown operator +(Markdown left, Markdown right) => new(left.Text + right.Text);

    public static bool operator ==(Markdown left, Markdown right) => left.Equals(right);

    public static bool operator !=(Markdown left, Markdown right) => !left.Equals(right);

    public bool Equals(Markdown other) => Text == other.Text;

    public override bool Equals(object? obj) => obj is Markdown other && Equals(other);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Text;

    /// <summary>
    /// Teams replaces <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> in any text with a formatted moment; a
    /// word joiner between the braces keeps a person's text literal (input never contains one: the
    /// domain strips invisible characters).
    /// </summary>
    internal static string WithoutDateFunctions(string text) =>
        text.Contains("{{", StringComparison.Ordinal) ? text.Replace("{{", "{\u2060{", StringComparison.Ordinal) : text;

    /// <summary>
    /// A text whose patient details were removed holds the domain's marker (<see cref="RemovedText"/>): every place that shows
    /// a person's text shows the reader's words for it instead.
    /// </summary>
    internal static string WithRemovalsWorded(string text) =>
        text.Contains(RemovedText.Code, StringComparison.Ordinal)
            ? text.Replace(RemovedText.Code, CardTexts.Common["Removed_PatientDetails"], StringComparison.Ordinal)
            : text;

    /// <summary>
    /// Neutralises markdown: characters that make emphasis, links, code or HTML are escaped everywhere;
    /// a list, heading or rule marker at the start of the text, the one place it acts, is escaped
    /// (line breaks become spaces, so there is one start).
    /// </summary>
    internal static void AppendEscaped(StringBuilder builder, string text)
    {
        text = WithRemovalsWorded(text);
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '~'
                || (builder.Length + escaped.Length == 0 && StartsBlock(text, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        // A hole must not complete a date function with the brace written before it either.
        if (builder.Length > 0 && builder[^1] == '{' && text.StartsWith('{'))
        {
            builder.Append('\u2060');
        }

        builder.Append(WithoutDateFunctions(escaped.ToString()));
    }

    // "# x", "- x", "+ x", "##", "---": a heading, a list item or a rule, but not "-5" or "#2".
    private static bool StartsBlock(string text, int i) =>
        text[i] is '#' or '-' or '+' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == text[i]);

    private sealed class MarkdownConverter : JsonConverter<Markdown>
    {
        public override Markdown Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Cards are written, never read.");

        public override void Write(Utf8JsonWriter writer, Markdown value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Text);
    }
}

/// <summary>
/// Builds <see cref="Markdown"/> from an interpolated string:
/// literal parts as written, holes escaped unless they are markdown.
/// </summary>
[InterpolatedStringHandler]
public ref struct MarkdownHandler
{
    private readonly StringBuilder builder;

    public MarkdownHandler(int literalLength, int formattedCount) => builder = new StringBuilder(literalLength + (formattedCount * 16));

    public readonly void AppendLiteral(string value) => builder.Append(value);

    public readonly void AppendFormatted(Markdown value) => builder.Append(value.Text);

    public readonly void AppendFormatted(string? value) => Markdown.AppendEscaped(builder, value ?? string.Empty);

    /// <summary>Numbers, moments and other values, formatted in the current culture (the reader's) and escaped.</summary>
    public readonly void AppendFormatted<T>(T value, string? format = null) =>
        Markdown.AppendEscaped(
            builder,
            value is IFormattable formattable
                ? formattable.ToString(format, CultureInfo.CurrentCulture)
                : value?.ToString() ?? string.Empty);

    internal readonly string ToStringAndClear() => builder.ToString();
}
