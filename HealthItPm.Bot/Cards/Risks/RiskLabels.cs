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

    public static string BandColor(RiskBand band) => band switch
    {
        RiskBand.Critical or RiskBand.High => "Attention",
        RiskBand.Medium => "Warning",
        _ => "Good",
    };

    /// <summary>The score badge: "Critical 20 (P4×I5)" in the band's colour.</summary>
    public static Newtonsoft.Json.Linq.JObject Badge(RiskRating rating) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = $"{rating.Band} {rating.Score} (P{rating.Probability}×I{rating.Impact})",
        ["color"] = BandColor(rating.Band),
        ["weight"] = "Bolder",
        ["wrap"] = true,
    };
}
