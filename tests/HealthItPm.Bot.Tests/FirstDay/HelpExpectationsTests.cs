using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.CheckIns;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>
/// Every command of a kind of round the host registers is offered to someone by the help expectations found in the test
/// folders, so the help test asserts who sees it; a kind registered without expectations fails here, by name.
/// </summary>
public class HelpExpectationsTests
{
    private static IReadOnlyList<RoundKindDescriptor> Registered() => [.. HostComposition.Services.GetServices<RoundKindDescriptor>()];

    private static IReadOnlyList<CommandDefinition> Commands() => [.. HostComposition.Services.GetServices<CommandDefinition>()];

    [Fact]
    public void Every_kinds_commands_are_offered_to_someone_by_its_expectations()
    {
        using var _ = new InCulture("en-US");

        Assert.Empty(HelpExpectations.Gaps(Registered(), Commands(), HelpExpectations.Found));
        Assert.Contains(HelpExpectations.Found, f => f is CheckInHelpExpectations);
    }

    [Fact]
    public void A_kind_registered_without_help_expectations_is_named()
    {
        using var _ = new InCulture("en-US");
        var withoutCheckIns = HelpExpectations.Found.Where(f => f is not CheckInHelpExpectations).ToList();

        var gaps = HelpExpectations.Gaps(Registered(), Commands(), withoutCheckIns);

        Assert.Equal(4, gaps.Count);
        Assert.Contains(
            "Round kind 'CheckIn' (CheckInRoundKind): no help expectations offer 'checkin now' to anyone (a HelpExpectations in its test folder).",
            gaps);
        var withNowOnly = HelpExpectations.Gaps(Registered(), Commands(), [.. withoutCheckIns, new OnlyNow()]);

        Assert.Equal(3, withNowOnly.Count);
        Assert.DoesNotContain(withNowOnly, g => g.Contains("'checkin now'", StringComparison.Ordinal));
        Assert.DoesNotContain(HelpExpectations.Found, f => f is OnlyNow);
    }

    private sealed class OnlyNow : HelpExpectations
    {
        public override IReadOnlyList<string> Pm => ["checkin now"];
    }
}
