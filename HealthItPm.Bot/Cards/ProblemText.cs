using System.Globalization;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Texts;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Puts a problem from the domain into words, the one place that does: its sentence from its feature's words, or from
/// Problems.resx when no feature claims its code (<see cref="FeatureWords.ProblemCodes"/>), in the current UI culture,
/// its values formatted for the current culture (the turn runs in the reader's: Teams/ReaderCultureMiddleware) — numbers,
/// moments, durations, and the words for a phase, a role or a kind of PHI (a free-text field and a kind of round: in their
/// feature's, <see cref="FeatureWords"/>). Every string value is something a person typed or could have
/// (a project's name, a milestone, a time zone, the masked part of a PHI finding) and is escaped
/// completely: no link, emphasis or date function survives from it.
/// </summary>
public static class ProblemText
{
    private static readonly TextResource Texts = new(typeof(Problems));

    private static readonly TimeSpan LongestInHours = TimeSpan.FromHours(72);

    /// <summary>
    /// The problem as markdown for a notice: the same sentence, but a moment in it is a Teams date function, which
    /// Teams shows in the reader's own zone and format (<see cref="Of"/>, for a form's note, words it in UTC).
    /// </summary>
    public static Markdown Worded(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var culture = CultureInfo.CurrentCulture;
        var (words, name) = Sentence(problem.Code);
        return words.Markdown(
            name,
            [.. problem.Values.Select(v => v is DateTimeOffset at ? Markdown.When(at) : Markdown.Worded(Value(v, culture)))]);
    }

    public static string Of(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var culture = CultureInfo.CurrentCulture;
        var (words, name) = Sentence(problem.Code);
        return string.Format(culture, words[name], [.. problem.Values.Select(v => Value(v, culture))]);
    }

    // A feature words the codes its domain folder declares (FeatureWords.ProblemCodes); the shared file words the rest.
    private static (TextResource Words, string Name) Sentence(Enum code) => FeatureWords.Problem(code) ?? (Texts, code.ToString());

    /// <summary>A value as a problem's or a reason's sentence names it: escaped if people could have typed it.</summary>
    internal static string Value(object value, CultureInfo culture) => value switch
    {
        string text => CardElements.Escape(text),
        ProjectCode or RiskId => CardElements.Escape(value.ToString()!),
        int number => number.ToString(culture),
        TimeSpan span => Duration(span, culture),
        DateTimeOffset at => Format(culture, "Moment_Utc", at.UtcDateTime.ToString("g", culture)),
        RoundKind kind => FeatureWords.Noun(kind),
        FreeText field => FeatureWords.Field(field),
        Enum kind => Text($"{kind.GetType().Name}_{kind}"),
        IReadOnlyList<PhiPointedOut> found => string.Join("; ", Findings(found, culture)),
        _ => throw new ArgumentException($"A problem's value of type {value.GetType().Name} has no wording.", nameof(value)),
    };

    private static IReadOnlyList<string> Findings(IReadOnlyList<PhiPointedOut> found, CultureInfo culture) =>
        [.. found.Select(f => Format(culture, "PhiFinding", Text($"{nameof(PhiKind)}_{f.Kind}"), CardElements.Escape(f.Masked)))];

    // Up to three days reads in hours, as acknowledgement times are counted; longer spans in days.
    private static string Duration(TimeSpan span, CultureInfo culture) =>
        span > LongestInHours && span.Ticks % TimeSpan.TicksPerDay == 0 ? Count("Day", span.Days, culture)
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? Count("Hour", (int)span.TotalHours, culture)
        : Count("Minute", (int)span.TotalMinutes, culture);

    private static string Count(string unit, int count, CultureInfo culture) =>
        Format(culture, count == 1 ? $"Duration_{unit}" : $"Duration_{unit}s", count.ToString(culture));

    // The sentence comes from resources in the reader's language, so there is no one format to cache.
    private static string Format(CultureInfo culture, string name, params object[] values) => string.Format(culture, Text(name), values);

    private static string Text(string name) => Texts[name];
}
