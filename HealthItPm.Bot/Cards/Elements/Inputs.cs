using System.Text.Json.Serialization;

namespace HealthItPm.Bot.Cards.Elements;

/// <summary>An input: its id is the key its value is submitted under. Labels and choices are plain text in Teams.</summary>
public abstract record Input(string Id) : Element
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

public sealed record TextInput(string Id) : Input(Id)
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}

public enum ChoiceStyle
{
    [JsonStringEnumMemberName("compact")] Compact,
    [JsonStringEnumMemberName("expanded")] Expanded,
    [JsonStringEnumMemberName("filtered")] Filtered,
}

public sealed record ChoiceSetInput(string Id, IReadOnlyList<Choice> Choices) : Input(Id)
{
    public ChoiceStyle? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    /// <summary>Choice titles wrap onto more lines instead of being cut at the card's edge.</summary>
    public bool? Wrap { get; init; }

    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    /// <summary>Teams' people search: choices looked up as the person types, beside those listed.</summary>
    [JsonPropertyName("choices.data")]
    public DataQuery? ChoicesData { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record DataQuery(string Dataset)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Data.Query";
}

public sealed record ToggleInput(string Id, string Title) : Input(Id)
{
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}

public sealed record DateInput(string Id) : Input(Id)
{
    public string? Value { get; init; }
}

public sealed record TimeInput(string Id) : Input(Id)
{
    public string? Value { get; init; }
}

public sealed record NumberInput(string Id) : Input(Id)
{
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public string? Placeholder { get; init; }

    public decimal? Value { get; init; }
}
