using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthItPm.Bot.Cards.Elements;

/// <summary>An element of a card's body: exactly the Adaptive Cards 1.5 elements (and Teams charts) the bot uses.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
[JsonDerivedType(typeof(HorizontalBarChart), "Chart.HorizontalBar")]
public abstract record Element
{
    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}

public enum Spacing { None, Small, Default, Medium, Large }

public enum TextSize { Default, Small, Medium, Large }

public enum TextWeight { Default, Lighter, Bolder }

public enum TextColor { Default, Accent, Good, Warning, Attention }

public enum TextStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("heading")] Heading,
}

/// <summary>Text that may carry markdown, which is why it is <see cref="Markdown"/> and never a string.</summary>
public sealed record TextBlock(Markdown Text) : Element
{
    public bool? Wrap { get; init; } = true;

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public TextStyle? Style { get; init; }
}

public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : Element;

/// <summary>
/// Text shown literally: Teams does not interpret markdown in a TextRun, so a person's text is safe in
/// it as typed, except the date functions Teams replaces in any text, which are neutralised.
/// </summary>
public sealed record TextRun
{
    public TextRun(string text) => Text = Markdown.WithoutDateFunctions(Markdown.WithRemovalsWorded(text));

    private TextRun(Markdown moment, string after) => Text = moment.Text + Markdown.WithoutDateFunctions(after);

    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public string Text { get; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public TextWeight? Weight { get; init; }

    /// <summary>A moment in the reader's own zone and locale (<see cref="Markdown.When"/>) followed by <paramref name="after"/>.</summary>
    public static TextRun When(DateTimeOffset at, string after) => new(Markdown.When(at), after);
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : Element;

public sealed record Fact(Markdown Title, Markdown Value);

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : Element;

/// <summary>A column of a <see cref="ColumnSet"/> (not an element on its own, so it carries its own type).</summary>
public sealed record Column(IReadOnlyList<Element> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public ColumnWidth? Width { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }
}

public enum VerticalAlignment { Top, Center, Bottom }

/// <summary>A column's width: <c>auto</c>, <c>stretch</c> or a relative weight.</summary>
[JsonConverter(typeof(ColumnWidth.ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int weight) => (Keyword, Weight) = (keyword, weight);

    public static ColumnWidth Auto { get; } = new("auto", 0);

    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    internal string? Keyword { get; }

    internal int Weight { get; }

    public static ColumnWidth Weighted(int weight) => new(null, weight);

    internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
    {
        public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Cards are written, never read.");

        public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
        {
            if (value.Keyword is { } keyword)
            {
                writer.WriteStringValue(keyword);
            }
            else
            {
                writer.WriteNumberValue(value.Weight);
            }
        }
    }
}

public enum ContainerStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("emphasis")] Emphasis,
}

public sealed record Container(IReadOnlyList<Element> Items) : Element
{
    public ContainerStyle? Style { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : Element;
