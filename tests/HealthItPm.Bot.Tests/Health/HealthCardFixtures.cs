using HealthItPm.Bot.Features.Health;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;

namespace HealthItPm.Bot.Tests.Health;

/// <summary>The delivery pipeline's health card (admins): in trouble and quiet.</summary>
public sealed class HealthCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("health-pipeline-in-trouble", typeof(HealthCard), () => HealthCard.Build(new HealthItPm.Bot.Delivery.PipelineSnapshot(
            0, 1240, TimeSpan.FromMinutes(14), 2,
            [new(CardFixtures.Now.AddMinutes(-3), "KeptFailing", DeliveryWork.To(
                new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"),
                new DeliveryTopic("checkin.card", "EHR|20261125T1400Z"),
                new PersonId("7c9e6679-7425-40de-944b-e07fc1f90ae7"))),
             new(CardFixtures.Now.AddMinutes(-9), "Unreadable", null)],
            new Dictionary<string, long> { ["Sent"] = 4810, ["Unreachable"] = 12, ["NotDelivered"] = 2, ["Throttled"] = 37, ["LongestRetryAfter"] = 45 }), CardFixtures.Now)),
        new("health-pipeline-quiet", typeof(HealthCard), () => HealthCard.Build(new HealthItPm.Bot.Delivery.PipelineSnapshot(
            2, 0, null, 0, [], new Dictionary<string, long>()), CardFixtures.Now)),
    ];

}
