using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Domain.CheckIns;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// What a check-in card's Submit carries, read once: the round, what the person chose (null where
/// nothing was chosen, so nothing is assumed) and what the card could not take, in words for them.
/// </summary>
public sealed record CheckInSubmission(string Project, string Round, CheckInStatus? Status, int? Impact, string? Blockers, bool TrainingNeeded, IReadOnlyList<string> Problems);

/// <summary>The check-in card's input ids and data keys, defined once: the card is built with them and its submit parsed with them.</summary>
public static class CheckInInputs
{
    private static TextResource Texts => CheckInTexts.Cards;

    public const string Project = "project";
    public const string Round = "round";
    public const string Status = "status";
    public const string Impact = "impact";
    public const string Blockers = "blockers";
    public const string Training = "training";

    /// <summary>The submission, or null when it does not name a round (not a check-in card's data).</summary>
    public static CheckInSubmission? Parse(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Text(data, Project) is not { Length: > 0 } project || Text(data, Round) is not { Length: > 0 and < 40 } round)
        {
            return null;
        }

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
        else if (impact is null && status is CheckInStatus.SomeConcerns or CheckInStatus.Blocked)
        {
            problems.Add(Texts["Problem_NoImpact"]);
        }

        var blockers = Text(data, Blockers);
        if ((blockers?.Length ?? 0) > CheckInAnswer.MaxBlockersLength)
        {
            problems.Add(Texts.Format("Problem_BlockersTooLong", CheckInAnswer.MaxBlockersLength));
            blockers = blockers![..CheckInAnswer.MaxBlockersLength];
        }

        return new CheckInSubmission(project, round, status, impact, string.IsNullOrEmpty(blockers) ? null : blockers, Text(data, Training) == "true", problems);
    }

    private static string? Text(JObject data, string key) => data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
