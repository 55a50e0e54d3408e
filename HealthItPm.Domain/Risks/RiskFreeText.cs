using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

/// <summary>The free text people type about risks and concerns.</summary>
public static class RiskFreeText
{
    public static FreeText RiskTitle { get; } = new(nameof(RiskTitle));

    public static FreeText RiskDescription { get; } = new(nameof(RiskDescription));

    public static FreeText Mitigation { get; } = new(nameof(Mitigation));

    public static FreeText AcceptReason { get; } = new(nameof(AcceptReason));

    public static FreeText DismissReason { get; } = new(nameof(DismissReason));

    public static FreeText Concern { get; } = new(nameof(Concern));

    public static IReadOnlyList<FreeText> All { get; } = [RiskTitle, RiskDescription, Mitigation, AcceptReason, DismissReason, Concern];
}
