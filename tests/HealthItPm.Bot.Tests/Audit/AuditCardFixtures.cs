using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Audit;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>The audit log's card: a page with older entries, the last page over all projects, and nothing recorded.</summary>
public sealed class AuditCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("audit-page-with-older", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel("EHR", CardFixtures.Today.AddDays(-30), CardFixtures.Today, AuditRows(AuditService.PageSize), "202611|0000000000000000001|0123456789abcdef0123456789abcdef"))),
        new("audit-all-projects-last-page", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel(null, CardFixtures.Today.AddDays(-30), CardFixtures.Today, AuditRows(4), null))),
        new("audit-rounds-sent-and-answered", typeof(AuditCard), () => AuditCard.Build(
            new AuditCardModel("EHR", CardFixtures.Today.AddDays(-30), CardFixtures.Today, RoundRows, null))),
        new("audit-nothing-recorded", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel(null, CardFixtures.Today.AddDays(-30), CardFixtures.Today, [], null))),
    ];

    private static readonly IReadOnlyList<AuditKind> AuditKinds =
        [.. FeatureWords.All.SelectMany(f => f.AuditKinds), new AuditKind("RetiredKind")];

    // Every kind of round sent and answered, its subject the round's id (one sent by hand in a minute another opened).
    private static IReadOnlyList<AuditRow> RoundRows =>
        [.. Domain.RoundKinds.All.SelectMany((k, i) => new[]
        {
            new AuditRow(new DateTimeOffset(2026, 12, 7, 21, 30, 0, TimeSpan.Zero), "Priya Shah", k.Answered, "EHR", "20261207T2107Z"),
            new AuditRow(
                new DateTimeOffset(2026, 12, 7, 21, 7, 0, TimeSpan.Zero),
                "Priya Shah",
                k.Started,
                "EHR",
                i % 2 == 0 ? "20261207T2107Z" : "20261207T2107Z+01"),
        })];

    /// <summary>
    /// Audit rows of every kind the features declare in turn, and one no feature declares (an entry of a kind since
    /// retired), with a name that would be a link in markdown.
    /// </summary>
    private static IReadOnlyList<AuditRow> AuditRows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AuditRow(
            new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero).AddMinutes(-7 * i),
            i % 3 == 0 ? "[Sign in again](https://evil.example/login)" : "Priya Shah",
            AuditKinds[i % AuditKinds.Count],
            i % 4 == 0 ? null : "EHR",
            i % 2 == 0 ? "EHR-R7" : null))];
}
