using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>What a person chose on a check-in card: null where nothing was chosen, so nothing is assumed.</summary>
public sealed record CheckInChoices(CheckInStatus? Status, int? Impact, bool TrainingNeeded);

/// <summary>
/// The check-in card's input ids and data keys, defined once: the card is built with them and its submit parsed with them.
/// </summary>
public static class CheckInInputs
{
    private static TextResource Texts => CheckInTexts.Cards;

    public const string Project = RoundKindDescriptor.ProjectInput;
    public const string Round = "round";
    public const string Status = "status";
    public const string Impact = "impact";
    public const string Blockers = "blockers";
    public const string Training = "training";

    /// <summary>
    /// What a Submit carries besides the project and the round, read once, and what the card could not take, in words for
    /// the person.
    /// </summary>
    public static (RoundEntry<CheckInChoices> Entry, IReadOnlyList<string> Problems) Read(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var problems = new List<string>();
        var statusText = Text(data, Status);
        CheckInStatus? status = Enum.TryParse<CheckInStatus>(statusText, out var s) && Enum.IsDefined(s) ? s : null;
        if (status is null)
        {
            problems.Add(Texts[string.IsNullOrEmpty(statusText) ? "Problem_NoStatus" : "Problem_UnreadableStatus"]);
        }

        var impactText = Text(data, Impact);
        int? impact = int.TryParse(impactText, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i is >= 1 and <= 5 ? i : null;
        if (impact is null && !string.IsNullOrEmpty(impactText))
        {
            problems.Add(Texts["Problem_UnreadableImpact"]);
        }

        // Whether the status needs an impact is the domain's rule (CheckInAnswer.Create): it comes back on the card in its words.

        var blockers = Text(data, Blockers);
        if ((blockers?.Length ?? 0) > CheckInAnswer.MaxBlockersLength)
        {
            problems.Add(Texts.Format("Problem_BlockersTooLong", CheckInAnswer.MaxBlockersLength));
            blockers = blockers![..CheckInAnswer.MaxBlockersLength];
        }

        var text = string.IsNullOrEmpty(blockers) ? new Dictionary<FreeText, string>() : new Dictionary<FreeText, string>
        {
            [CheckInRounds.Blockers] = blockers,
        };
        return (new RoundEntry<CheckInChoices>(new CheckInChoices(status, impact, Text(data, Training) == "true"), text), problems);
    }

    private static string? Text(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
