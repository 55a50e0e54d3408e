using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>A round that closes once everyone answered: it closes then, keeps its deadline, and is reminded no more.</summary>
public class RoundClosesEarlyTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    private static Round Vote() => new(
        new ProjectCode("EHR"),
        Opens,
        TimeSpan.FromDays(1),
        TimeSpan.FromDays(2),
        false,
        [new Respondent(new PersonId("00000000-0000-0000-0000-000000000001"), "Ada", StakeholderRole.Leader, null)],
        GoLiveRounds.Kind);

    [Fact]
    public void Closed_early_it_closes_then_keeps_its_deadline_and_sends_no_reminder()
    {
        var closed = Vote().ClosedEarly(Opens.AddHours(30));

        Assert.Equal((Opens.AddHours(30), Opens.AddDays(2)), (closed.ClosesAt, closed.Deadline));
        Assert.True(closed.IsOpen(Opens.AddHours(29)));
        Assert.False(closed.IsOpen(Opens.AddHours(30)));
        Assert.False(closed.RemindersDue(Opens.AddHours(31)));
    }

    [Fact]
    public void Closed_early_before_its_reminder_time_it_is_still_a_round_and_a_time_past_the_deadline_changes_nothing()
    {
        Assert.Equal(Opens.AddMinutes(5), Vote().ClosedEarly(Opens.AddMinutes(5)).ClosesAt);
        Assert.Null(Vote().ClosedEarly(Opens.AddDays(3)).ClosedEarlyAt);
        Assert.Equal(Opens.AddDays(2), Vote().ClosedEarly(Opens.AddDays(3)).ClosesAt);
    }

    [Fact]
    public void Only_the_vote_closes_once_everyone_answered()
    {
        Assert.Equal(
            [GoLiveRounds.Kind.Name],
            RoundKinds.All.Where(k => k.ClosesWhenAllAnswered).Select(k => k.Name));
    }
}
