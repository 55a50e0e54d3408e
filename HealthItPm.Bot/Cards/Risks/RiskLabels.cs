using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary>How risk values read on cards and in form choices.</summary>
public static class RiskLabels
{
    public static string Category(RiskCategory category) => category switch
    {
        RiskCategory.PatientSafety => "Patient safety",
        RiskCategory.PrivacyRegulatory => "Privacy / regulatory",
        RiskCategory.TechnicalIntegration => "Technical / integration",
        _ => category.ToString(),
    };

    public static TextColor BandColor(RiskBand band) => band switch
    {
        RiskBand.Critical or RiskBand.High => TextColor.Attention,
        RiskBand.Medium => TextColor.Warning,
        _ => TextColor.Good,
    };

    /// <summary>The score badge: "Critical 20 (P4×I5)" in the band's colour.</summary>
    public static TextBlock Badge(RiskRating rating) =>
        new(Markdown.Of($"{rating.Band} {rating.Score} (P{rating.Probability}×I{rating.Impact})")) { Color = BandColor(rating.Band), Weight = TextWeight.Bolder };
}
