using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// The bot's own moments as Teams shows them: the Adaptive Cards <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> functions,
/// which Teams and the Agents Playground evaluate in the text of a TextBlock (or a TextRun) in each reader's zone,
/// and only when the function is unbroken: a word joiner between the braces (what a person's text gets) shows it raw.
/// </summary>
internal static partial class CardDates
{
    // The Adaptive Cards rule: upper case, no spaces inside the braces, a strict RFC 3339 moment.
    [GeneratedRegex(@"\{\{(?:DATE|TIME)\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)(?:, ?(?:COMPACT|LONG|SHORT))?\)\}\}")]
    private static partial Regex Function();

    /// <summary>
    /// Asserts that the card shows at least one moment as a date function that Teams evaluates: each in the
    /// text of a TextBlock or TextRun, unbroken, with a valid moment; and no other <c>{{</c> anywhere. Returns the
    /// moments, for the test to compare with the ones the bot means (a function a word joiner broke is none of them).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> ShownAsDates(JObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var moments = new List<DateTimeOffset>();
        foreach (var value in card.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String))
        {
            var text = (string)value!;
            if (!text.Contains("{{", StringComparison.Ordinal))
            {
                continue;
            }

            var owner = (JObject)value.Parent!.Parent!;
            var where = $"{(string?)owner["type"]}.{((JProperty)value.Parent).Name}";
            Assert.True(where is "TextBlock.text" or "TextRun.text", $"A date function at {value.Path} ({where}), where Teams does not evaluate it: {text}");
            var rest = Function().Replace(text, match =>
            {
                moments.Add(DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
                return string.Empty;
            });
            Assert.False(rest.Contains("{{", StringComparison.Ordinal), $"A '{{{{' that is no well-formed DATE or TIME function at {value.Path}: {text}");
        }

        Assert.True(moments.Count > 0, "The card shows no moment as a date function.");
        return moments;
    }
}
