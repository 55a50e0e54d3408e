using System.Globalization;
using HealthItPm.Domain.Readiness;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>What a survey card's Submit carries, read once: the wave, the five scores (null where none was picked) and the comment.</summary>
public sealed record AdkarSubmission(string Project, string Wave, IReadOnlyList<int?> Scores, string? Comment)
{
    public bool Complete => Scores.All(s => s is not null);

    public bool CommentTooLong => (Comment?.Length ?? 0) > AdkarAnswer.MaxCommentLength;
}

/// <summary>
/// The survey card's input ids and data keys, defined once: the card is built with them and its
/// submit is parsed with them, so the two cannot drift apart. Scores outside 1–5 read as not picked.
/// </summary>
public static class AdkarSurveyInputs
{
    public const string Project = "project";
    public const string Wave = "wave";
    public const string Comment = "comment";

    public static string Score(AdkarElement element) => element.ToString().ToLowerInvariant();

    public static AdkarSubmission? Parse(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Text(data, Project) is not { Length: > 0 } project || Text(data, Wave) is not { Length: > 0 and < 40 } wave)
        {
            return null;
        }

        return new AdkarSubmission(
            project,
            wave,
            [.. AdkarAnswer.Elements.Select(e => int.TryParse(Text(data, Score(e)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 5 ? v : (int?)null)],
            Text(data, Comment));
    }

    private static string? Text(JObject data, string key) => data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
