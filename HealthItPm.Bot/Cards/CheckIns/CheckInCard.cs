using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.CheckIns;

/// <summary>A check-in card: the round, the answer to show in it (when changing one), and suspected PHI to point out.</summary>
public sealed record CheckInCardModel(
    string ProjectCode,
    string ProjectName,
    string RoundId,
    DateTimeOffset ClosesAt,
    bool Reminder,
    CheckInStatus? Status = null,
    int? Impact = null,
    string? Blockers = null,
    bool TrainingNeeded = false,
    string? PhiFound = null,
    IReadOnlyList<string>? Problems = null);

/// <summary>
/// The stakeholder's check-in. "On track" answers in one tap; otherwise the status, the impact (both
/// chosen by the person, never pre-selected), optional blockers, training — and Submit. Answered cards
/// are replaced in place by <see cref="CheckInAnsweredCard"/>.
/// </summary>
public static class CheckInCard
{
    /// <summary>Teams shows no counter on a text input: the label says how much fits, so nobody types past it unaware.</summary>
    public static readonly string BlockersLabel = string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"What is blocking you? (optional, up to {CheckInAnswer.MaxBlockersLength:#,0} characters — no patient details)");

    /// <summary>The card a round sends each respondent (or reminds them with).</summary>
    public static JObject ForRound(Round round, string projectName, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(round);
        return Build(new CheckInCardModel(round.Project.Value, projectName, round.Id, round.ClosesAt, reminder));
    }

    public static JObject Build(CheckInCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject>
        {
            CardElements.Heading(model.Reminder ? $"Reminder: {model.ProjectCode} check-in" : $"{model.ProjectCode} check-in"),
            CardElements.Text($"{CardElements.Escape(model.ProjectName)} · takes 10 seconds · open until {CardElements.When(model.ClosesAt)}", subtle: true, spacing: "None"),
        };

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(Warning("Please check: " + string.Join("; ", problems) + "."));
        }

        var target = new JObject { [CheckInInputs.Project] = model.ProjectCode, [CheckInInputs.Round] = model.RoundId };
        var onTrack = CardElements.Execute("✔ On track — nothing in the way", CardVerbs.SubmitCheckIn, new JObject(target.Properties()) { [CheckInInputs.Status] = nameof(CheckInStatus.OnTrack) }, primary: true);
        // One tap: the button sends only "on track", whatever the inputs below hold.
        onTrack["associatedInputs"] = "none";
        onTrack["fallback"]!["associatedInputs"] = "none";
        body.Add(new JObject { ["type"] = "ActionSet", ["actions"] = new JArray(onTrack) });
        body.Add(CardElements.Text("Or tell us what is in the way:", subtle: true));
        body.Add(Choice(CheckInInputs.Status, "How is it going?", model.Status?.ToString(), [("On track", nameof(CheckInStatus.OnTrack)), ("Some concerns", nameof(CheckInStatus.SomeConcerns)), ("Blocked", nameof(CheckInStatus.Blocked))], required: true));
        body.Add(Choice(CheckInInputs.Impact, "Impact on your workflow (1 none – 5 severe; needed with concerns or a block)", model.Impact?.ToString(System.Globalization.CultureInfo.InvariantCulture), [.. Enumerable.Range(1, 5).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), i.ToString(System.Globalization.CultureInfo.InvariantCulture)))], required: false));
        var blockers = new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = CheckInInputs.Blockers,
            ["label"] = BlockersLabel,
            ["placeholder"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Up to {CheckInAnswer.MaxBlockersLength:#,0} characters"),
            ["isMultiline"] = true,
            ["maxLength"] = CheckInAnswer.MaxBlockersLength,
        };
        if (model.Blockers is not null)
        {
            blockers["value"] = model.Blockers;
        }

        body.Add(blockers);
        if (model.PhiFound is { } phi)
        {
            // Beside the text it is about, as every form shows a field's problem.
            body.Add(CardElements.FieldProblem(phi));
        }

        body.Add(new JObject
        {
            ["type"] = "Input.Toggle",
            ["id"] = CheckInInputs.Training,
            ["title"] = "I need more training",
            ["value"] = model.TrainingNeeded ? "true" : "false",
            ["valueOn"] = "true",
            ["valueOff"] = "false",
        });

        return AdaptiveCard.Create(body, [CardElements.Execute("Submit", CardVerbs.SubmitCheckIn, target)]);
    }

    private static JObject Warning(string text) => new() { ["type"] = "TextBlock", ["color"] = "Attention", ["wrap"] = true, ["text"] = text };

    private static JObject Choice(string id, string label, string? value, IReadOnlyList<(string Title, string Value)> choices, bool required)
    {
        var choice = new JObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "expanded",
            ["choices"] = new JArray(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
        };
        if (required)
        {
            choice["isRequired"] = true;
            choice["errorMessage"] = "Pick one.";
        }

        if (value is not null)
        {
            choice["value"] = value;
        }

        return choice;
    }
}
