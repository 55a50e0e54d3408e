using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Tests.CardChecks;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>The go-live gate: the scorecard fresh and at its largest, the status line with its recommendation, and no gate yet.</summary>
public sealed class GoLiveGateCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("status-with-golive-gate", typeof(StatusCard), GoLiveFixtures.StatusWithGate),
        new("golive-scorecard-ehr-template", typeof(ScorecardCard), GoLiveFixtures.FreshEhr),
        new("golive-scorecard-60-criteria-largest", typeof(ScorecardCard), GoLiveFixtures.Largest),
        new("golive-no-gate-yet", typeof(GoLiveForm), GoLiveFixtures.NoGate),
    ];

}
