using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Readiness;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>What a person picked on a survey card: a score for each of the five elements in order, null where none was picked.</summary>
public sealed record AdkarChoices(IReadOnlyList<int?> Scores)
{
    public bool Complete => Scores.All(s => s is not null);
}

/// <summary>
/// The survey card's input ids and data keys, defined once: the card is built with them and its
/// submit is parsed with them, so the two cannot drift apart. Scores outside 1–5 read as not picked.
/// </summary>
public static class AdkarSurveyInputs
{
    public const string Project = RoundKindDescriptor.ProjectInput;
    public const string Wave = "wave";
    public const string Comment = "comment";

    private static TextResource Texts => ReadinessTexts.Cards;

    public static string Score(AdkarElement element) => element.ToString().ToLowerInvariant();

    /// <summary>
    /// What a Submit carries besides the project and the wave, read once, and what the card could not take, in words for
    /// the person.
    /// </summary>
    public static (RoundEntry<AdkarChoices> Entry, IReadOnlyList<string> Problems) Read(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int? ScoreOf(AdkarElement element) =>
            int.TryParse(Text(data, Score(element)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 5
                ? v
                : null;
        var choices = new AdkarChoices([.. AdkarAnswer.Elements.Select(ScoreOf)]);
        var problems = new List<string>();
        if (!choices.Complete)
        {
            problems.Add(Texts["Problem_PickEveryScore"]);
        }

        var comment = Text(data, Comment);
        if ((comment?.Length ?? 0) > AdkarAnswer.MaxCommentLength)
        {
            problems.Add(Texts.Format("Problem_CommentTooLong", AdkarAnswer.MaxCommentLength));
            comment = comment![..AdkarAnswer.MaxCommentLength];
        }

        var text = string.IsNullOrEmpty(comment) ? new Dictionary<FreeText, string>() : new Dictionary<FreeText, string>
        {
            [AdkarRounds.Comment] = comment,
        };
        return (new RoundEntry<AdkarChoices>(choices, text), problems);
    }

    private static string? Text(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
