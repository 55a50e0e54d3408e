using HealthItPm.Bot.Cards.Elements;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>One input of a form card. Ids are the keys of the submitted data.</summary>
public abstract record FormField(string Id, string Label, bool Required);

public sealed record TextField(string Id, string Label, bool Required, int MaxLength, string? Placeholder = null, bool Multiline = false)
    : FormField(Id, Label, Required);

public sealed record NumberField(string Id, string Label, bool Required, decimal Min, decimal Max, string? Placeholder = null)
    : FormField(Id, Label, Required);

/// <summary>
/// An amount of money, typed as text: Input.Number would clear "$2,400,000" or "2.4M" without a word,
/// so the amount is read by the bot and a wrong one gets its message beside the field.
/// </summary>
public sealed record MoneyField(string Id, string Label, bool Required, decimal Min, decimal Max, string? Placeholder = null)
    : FormField(Id, Label, Required);

public sealed record DateField(string Id, string Label, bool Required)
    : FormField(Id, Label, Required);

public sealed record TimeField(string Id, string Label, bool Required)
    : FormField(Id, Label, Required);

public sealed record ChoiceField(
    string Id,
    string Label,
    bool Required,
    IReadOnlyList<(string Title, string Value)> Choices,
    bool MultiSelect = false,
    bool Compact = true)
    : FormField(Id, Label, Required);

/// <summary>
/// A form as shown: its fields with the values to show in them (the person's own, when the form is
/// shown again) and the messages beside the fields that need a change.
/// </summary>
public sealed record FormModel(
    string Title,
    string? Intro,
    IReadOnlyList<FormField> Fields,
    string SubmitTitle,
    string Verb,
    IReadOnlyDictionary<string, string> Hidden,
    IReadOnlyDictionary<string, string>? Values = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    Markdown? FormError = null)
{
    /// <summary>Buttons besides the submit one: the same verb and inputs, with their own data added (e.g. a form's next step).</summary>
    public IReadOnlyList<FormButton> MoreButtons { get; init; } = [];

    /// <summary>A last button that leaves the form, e.g. back to the card it replaced; it carries its own verb and data.</summary>
    public CardAction? Cancel { get; init; }
}

/// <summary>A button of a form that submits it with <paramref name="Data"/> added to the hidden values.</summary>
public sealed record FormButton(string Title, IReadOnlyDictionary<string, string> Data);
