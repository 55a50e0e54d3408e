using HealthItPm.Bot.Cards.Elements;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The pieces cards are made of, as typed elements. Text the bot writes is <see cref="Markdown"/>
/// made by <see cref="Markdown.Of"/>; text a person typed is escaped by that type, or shown in a
/// TextRun (<see cref="UserText"/>), which Teams never reads as markdown.
/// </summary>
public static class CardElements
{
    public static TextBlock Heading(Markdown text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextStyle.Heading };

    /// <summary>A section title with a separator above it.</summary>
    public static TextBlock Section(Markdown title) =>
        new(title) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true };

    /// <summary>What is wrong with a field, shown right below it (forms, check-in and survey cards alike).</summary>
    public static TextBlock FieldProblem(string message) => FieldProblem(Markdown.Worded(message));

    /// <inheritdoc cref="FieldProblem(string)"/>
    public static TextBlock FieldProblem(Markdown message) => new(message) { Color = TextColor.Attention, Spacing = Spacing.Small };

    /// <summary>
    /// A status read at a glance (a RAG, a risk's band): bold, after a coloured marker (🔴 🟠 🟢). High is in
    /// Attention red and low in Good green; medium is in the default colour, because Teams' light theme draws
    /// Warning in a yellow (#f8d22a) that cannot be read on white.
    /// </summary>
    public static TextBlock Badge(Markdown text, Severity severity) =>
        new(CardTexts.Common.Markdown($"Badge_{(Enum.IsDefined(severity) ? severity : Severity.Unknown)}", text))
        {
            Color = severity switch { Severity.High => TextColor.Attention, Severity.Low => TextColor.Good, _ => null },
            Weight = TextWeight.Bolder,
        };

    /// <summary>What keeps a card from being taken as sent, above its inputs.</summary>
    public static TextBlock Warning(Markdown text) => new(text) { Color = TextColor.Attention };

    public static TextBlock Text(Markdown text, bool subtle = false, Spacing? spacing = null) =>
        new(text) { IsSubtle = subtle ? true : null, Spacing = spacing };

    /// <summary>Text a person typed, shown literally: Teams does not interpret markdown in a TextRun.</summary>
    public static RichTextBlock UserText(string text, bool italic = false) => new([new TextRun(text) { Italic = italic }]);

    /// <summary>Something that happened: when (in the reader's zone, subtle), then what, shown literally.</summary>
    public static RichTextBlock Event(DateTimeOffset at, string text) =>
        new([TextRun.When(at, " · ") with { IsSubtle = true }, new TextRun(text)]);

    public static FactSet Facts(IEnumerable<(Markdown Title, Markdown Value)> facts) =>
        new([.. facts.Select(f => new Fact(f.Title, f.Value))]);

    /// <summary>Facts in plain words (numbers, days, names): shown literally, whoever wrote them.</summary>
    public static FactSet Facts(IEnumerable<(string Title, string Value)> facts) =>
        Facts(facts.Select(f => Fact(f.Title, f.Value)));

    /// <summary>A fact whose title is plain words and whose value the bot wrote as markdown.</summary>
    public static (Markdown Title, Markdown Value) Fact(string title, Markdown value) => (Markdown.Literal(title), value);

    /// <summary>A fact in plain words (numbers, days, names): shown literally, whoever wrote it.</summary>
    public static (Markdown Title, Markdown Value) Fact(string title, string value) => (Markdown.Literal(title), Markdown.Literal(value));

    /// <summary>The data a button sends with its verb, e.g. the project and round a check-in answers.</summary>
    public static IReadOnlyDictionary<string, object> Data(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary>A Universal Action with its Action.Submit fallback (see <see cref="ExecuteAction"/>).</summary>
    public static ExecuteAction Execute(
        string title, string verb, IReadOnlyDictionary<string, object>? data = null, bool primary = false) =>
        new(title, verb, data) { Style = primary ? ActionStyle.Positive : null };

    /// <summary>A button that runs a text command, as if the person had typed it.</summary>
    public static ExecuteAction Command(string title, string command, bool primary = false) =>
        Execute(title, CardVerbs.RunCommand, Data(("command", command)), primary);

    /// <summary>A person's text escaped for a sentence the bot words outside a card (see <see cref="Markdown.Literal"/>).</summary>
    public static string Escape(string text) => Markdown.Literal(text).Text;
}

/// <summary>How much a status calls for attention, for a <see cref="CardElements.Badge"/>.</summary>
public enum Severity
{
    Unknown,
    Low,
    Medium,
    High,
}
