using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>How ADKAR elements, statements and interventions read on cards.</summary>
public static class AdkarFormat
{
    private static TextResource Texts => ReadinessTexts.Cards;

    public static string Element(AdkarElement element) => ReasonText.Of(element);

    /// <summary>One letter per element, for compact rows ("A D K A R").</summary>
    public static string Letter(AdkarElement element) => Texts[$"Letter_{element}"];

    /// <summary>The statement a person scores for the element, written for the project.</summary>
    public static string Statement(AdkarElement element, string project) => Texts.Format($"Statement_{element}", project);

    public static string Intervention(Intervention intervention) => Texts[$"Intervention_{intervention}"];

    public static string Percent(decimal share) => CardFormat.Percent(share);

    /// <summary>A mean score, to two decimals: "3.71".</summary>
    public static string Score(decimal value) => Texts.Format("Format_Score", value);

    /// <summary>Percentage points, whole: "12".</summary>
    public static string Points(decimal points) => Texts.Format("Format_Points", points);

    /// <summary>A signed change: "+0.4", "−0.2", "±0.0".</summary>
    public static string Change(decimal value, Func<decimal, string> format) =>
        value > 0 ? "+" + format(value) : value < 0 ? "\u2212" + format(-value) : "\u00b1" + format(0);
}
