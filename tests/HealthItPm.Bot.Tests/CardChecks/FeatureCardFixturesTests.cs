using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Readiness;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// Each kind of round the host registers has its cards among the fixtures the card checks parse and render, found in the
/// kind's test folder; a kind registered without them fails here, by name.
/// </summary>
public class FeatureCardFixturesTests
{
    private static IReadOnlyList<RoundKindDescriptor> Registered() => [.. HostComposition.Services.GetServices<RoundKindDescriptor>()];

    [Fact]
    public void Every_kind_the_host_registers_has_fixtures_of_its_cards_and_they_are_checked()
    {
        Assert.Empty(FeatureCardFixtures.Gaps(Registered(), FeatureCardFixtures.Found));
        Assert.All(FeatureCardFixtures.Found.SelectMany(f => f.Cards), c => Assert.Contains(c, CardFixtures.All));
    }

    [Fact]
    public void A_kind_without_fixtures_or_whose_fixtures_lack_its_card_is_named()
    {
        var withoutAdkar = FeatureCardFixtures.Found.Where(f => f is not AdkarCardFixtures).ToList();
        var named = $"Round kind '{AdkarRounds.Kind.Name}' ({nameof(AdkarRoundKind)})";

        Assert.Equal(
            [$"{named}: no card fixtures in its test folder (a FeatureCardFixtures whose Kinds names it)."],
            FeatureCardFixtures.Gaps(Registered(), withoutAdkar));
        Assert.Equal(
            [$"{named}: its card fixtures show no card with its Submit ({new AdkarRoundKind().SubmitVerb})."],
            FeatureCardFixtures.Gaps(Registered(), [.. withoutAdkar, new WithoutItsCard()]));
        Assert.DoesNotContain(FeatureCardFixtures.Found, f => f is WithoutItsCard);
    }

    private sealed class WithoutItsCard : FeatureCardFixtures
    {
        public override IReadOnlyList<RoundKind> Kinds => [AdkarRounds.Kind];

        public override IReadOnlyList<CardFixture> Cards { get; } = [new("adkar-nothing", typeof(JObject), () => new JObject())];
    }
}
