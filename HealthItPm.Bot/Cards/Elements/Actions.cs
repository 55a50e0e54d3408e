using System.Text.Json.Serialization;

namespace HealthItPm.Bot.Cards.Elements;

public enum ActionStyle
{
    [JsonStringEnumMemberName("default")] Default,
    [JsonStringEnumMemberName("positive")] Positive,
}

/// <summary>Which inputs a button sends: all of the card's (<c>auto</c>) or none, for one-tap answers.</summary>
public enum AssociatedInputs
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("none")] None,
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
public abstract record CardAction(string Title)
{
    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>The data a button sends, the verb among it so that one router serves Execute and its Submit fallback.</summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, object> Data) : CardAction(Title);

/// <summary>
/// A Universal Action with an <c>Action.Submit</c> fallback for clients that predate
/// <c>Action.Execute</c>; both carry the verb in their data, and the same inputs.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    public ExecuteAction(string title, string verb, IReadOnlyDictionary<string, object>? data = null)
        : base(title)
    {
        Verb = verb;
        Data = new Dictionary<string, object>(data ?? new Dictionary<string, object>()) { ["verb"] = verb };
    }

    public string Verb { get; }

    /// <summary>Strings and numbers, written as JSON strings and numbers.</summary>
    public IReadOnlyDictionary<string, object> Data { get; }

    public ActionStyle? Style { get; init; }

    // Declared as the base type so that it is written with its own type.
    public CardAction Fallback => new SubmitAction(Title, Data) { AssociatedInputs = AssociatedInputs };
}

/// <summary>Teams invokes the verb when one of <see cref="UserIds"/> opens the card, so each sees it current.</summary>
public sealed record Refresh(RefreshAction Action, IReadOnlyList<string> UserIds);

/// <summary>The refresh's Action.Execute: invoked by Teams, never tapped, so it needs no fallback.</summary>
public sealed record RefreshAction(string Title, string Verb, IReadOnlyDictionary<string, object> Data)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Action.Execute";
}
