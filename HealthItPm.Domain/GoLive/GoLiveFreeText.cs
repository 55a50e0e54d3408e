using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.GoLive;

/// <summary>The go-live gate's free-text fields, each checked for patient details.</summary>
public static class GoLiveFreeText
{
    public static FreeText GoLiveCriterion { get; } = new(nameof(GoLiveCriterion));

    public static FreeText GoLiveEvidence { get; } = new(nameof(GoLiveEvidence));

    public static FreeText GoLiveSubject { get; } = new(nameof(GoLiveSubject));

    public static IReadOnlyList<FreeText> All { get; } = [GoLiveCriterion, GoLiveEvidence, GoLiveSubject];
}
