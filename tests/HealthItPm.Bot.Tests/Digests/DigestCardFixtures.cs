using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Tests.CardChecks;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>The weekly digest: empty, one project, a preview of six, and 60 projects at their largest.</summary>
public sealed class DigestCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("digest-empty", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Empty()))),
        new("digest-one-project", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(1)))),
        new("digest-six-projects-preview", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(6, readiness: false), Preview: true))),
        new("digest-60-projects", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(60)))),
    ];

}
