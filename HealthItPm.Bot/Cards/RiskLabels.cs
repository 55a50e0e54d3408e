using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Cards;

/// <summary>How risk values read on cards and in form choices.</summary>
public static class RiskLabels
{
    private static TextResource Texts => CardTexts.Labels;

    public static string Category(RiskCategory category) => Texts[$"Category_{category}"];

    public static string Band(RiskBand band) => Texts[$"Band_{band}"];

    public static string Status(RiskStatus status) => Texts[$"Status_{status}"];

    /// <summary>A rating as every risk card words it: "Critical 20 (P4×I5)".</summary>
    public static string Rating(RiskRating rating) =>
        Texts.Format("Rating", Band(rating.Band), rating.Score, rating.Probability, rating.Impact);

    public static Severity SeverityOf(RiskBand band) => band switch
    {
        RiskBand.Critical or RiskBand.High => Severity.High,
        RiskBand.Medium => Severity.Medium,
        _ => Severity.Low,
    };

    /// <summary>The score badge: "🔴 Critical 20 (P4×I5)", marked and coloured by its band.</summary>
    public static TextBlock Badge(RiskRating rating) => CardElements.Badge(Markdown.Literal(Rating(rating)), SeverityOf(rating.Band));
}
