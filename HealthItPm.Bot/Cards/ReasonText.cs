using System.Globalization;
using HealthItPm.Bot.Texts;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Puts the domain's reasons into words: why a project is amber or red, why a figure is n/a, why a risk was escalated. The
/// sentences come from Reasons.resx in the current UI culture, numbers are formatted for the current
/// culture, and the names people typed (a risk title, a milestone, a wave) are escaped as in
/// <see cref="ProblemText"/>.
/// </summary>
public static class ReasonText
{
    private static readonly TextResource Texts = new(typeof(Reasons));

    public static string Of(RagReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var culture = CultureInfo.CurrentCulture;
        string Typed(string text) => ProblemText.Value(text, culture);
        return reason switch
        {
            RagReason.IndexBelow r => Say(culture, $"IndexBelow_{r.Index}", r.Value, r.Threshold),
            RagReason.RiskOpen r =>
                Say(culture, r.Critical ? "RiskOpen_Critical" : "RiskOpen_High", Typed(r.Risk), r.Score, Typed(r.Title.Value)),
            RagReason.MilestoneLate r => Say(culture, "MilestoneLate", Typed(r.Milestone.Value), Days(r.DaysLate, culture)),
            ReadinessReason.StuckAtAwarenessOrDesire r =>
                Say(culture, "StuckAtAwarenessOrDesire", r.Share, Typed(r.Wave), GoLive(r.DaysToGoLive, culture)),
            ReadinessReason.DominantBarrier r =>
                Say(culture, "DominantBarrier", Typed(r.Wave), Of(r.Barrier), GoLive(r.DaysToGoLive, culture)),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.GetType().Name, "A RAG reason with no words."),
        };
    }

    /// <summary>Why a figure (SPI, CPI, EAC, a KPI's progress) cannot be computed yet.</summary>
    public static string Of(RatioUndefined because) => Text($"{nameof(RatioUndefined)}_{because}");

    /// <summary>Why a risk was escalated; it names no text people typed.</summary>
    public static string Of(EscalationReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var culture = CultureInfo.CurrentCulture;
        return reason switch
        {
            EscalationReason.CriticalRisk => Say(culture, "Escalation_CriticalRisk"),
            EscalationReason.SevereImpact r => Say(culture, "Escalation_SevereImpact", RiskLabels.Category(r.Category), r.Impact),
            EscalationReason.NotAcknowledged r => Say(
                culture,
                "Escalation_NotAcknowledged",
                r.InBusinessHours ? BusinessTime(r.Sla, culture) : ProblemText.Value(r.Sla, culture)),
            EscalationReason.MitigationPastDue r => Say(culture, "Escalation_MitigationPastDue", CardFormat.Date(r.Due)),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.GetType().Name, "An escalation reason with no words."),
        };
    }

    /// <summary>An ADKAR element's name.</summary>
    public static string Of(AdkarElement element) => Text($"AdkarElement_{element}");

    /// <summary>A count of days as every card words it ("1 day", "12 days").</summary>
    internal static string Days(int days, CultureInfo culture) => Say(culture, days == 1 ? "Day" : "Days", days);

    private static string GoLive(int days, CultureInfo culture) => days switch
    {
        < 0 => Say(culture, "AfterGoLive", Days(-days, culture)),
        0 => Text("GoLiveToday"),
        _ => Say(culture, "BeforeGoLive", Days(days, culture)),
    };

    // An SLA in business hours reads in whole hours, or in minutes when it is not a whole number of hours.
    private static string BusinessTime(TimeSpan sla, CultureInfo culture) =>
        sla.Ticks % TimeSpan.TicksPerHour == 0
            ? Say(culture, sla == TimeSpan.FromHours(1) ? "BusinessHour" : "BusinessHours", (int)sla.TotalHours)
            : Say(culture, "BusinessMinutes", (int)sla.TotalMinutes);

    // Values arrive ready: typed text escaped, numbers as they are (the sentence may give their format).
    private static string Say(CultureInfo culture, string name, params object[] values) => string.Format(culture, Text(name), values);

    private static string Text(string name) => Texts[name];
}
