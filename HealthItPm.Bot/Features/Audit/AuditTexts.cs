using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>Names AuditCards.resx: the audit log's own words.</summary>
public static class AuditCards;

/// <summary>Where this feature's words come from.</summary>
internal static class AuditTexts
{
    public static TextResource Cards { get; } = new(typeof(AuditCards));
}
