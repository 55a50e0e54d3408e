using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.GoLive;

/// <summary>The go/no-go decision rule of docs/go-live-gate.md, case by case, and the vote's own rules.</summary>
public class GoLiveDecisionTests
{
    private static readonly DateTimeOffset Opens = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Sponsor = new("00000000-0000-0000-0000-000000000001");
    private static readonly PersonId Cmio = new("00000000-0000-0000-0000-000000000002");
    private static readonly PersonId Cno = new("00000000-0000-0000-0000-000000000003");
    private static readonly PersonId Pharmacy = new("00000000-0000-0000-0000-000000000004");
    private static readonly PersonId Security = new("00000000-0000-0000-0000-000000000005");

    // The sponsor, and the CMIO owning a must-criterion: either one's no-go decides.
    private static readonly VotePanel Panel = new(Sponsor, [Cmio], Recommendation.GoWithConditions, [], [4], 1);

    private static readonly GoLiveVote Go = GoLiveVote.Create(VoteChoice.Go, null, null);

    private static GoLiveVote WithConditions(string conditions) =>
        GoLiveVote.Create(VoteChoice.GoWithConditions, Guarded.From(conditions), null);

    private static GoLiveVote NoGo(string reason) => GoLiveVote.Create(VoteChoice.NoGo, null, Guarded.From(reason));

    private static GivenAnswer<GoLiveVote> Cast(PersonId person, GoLiveVote vote, int minute = 0) =>
        new(new RespondentKey(person.Value), vote, Opens.AddMinutes(minute), StakeholderRole.Leader, null);

    private static GoLiveDecision Decide(params GivenAnswer<GoLiveVote>[] votes) => GoLiveDecision.Decide(Panel, votes);

    [Fact]
    public void A_no_go_from_the_sponsor_decides_whatever_the_majority()
    {
        var decision = Decide(Cast(Sponsor, NoGo("Pharmacy interface untested")), Cast(Cmio, Go, 1), Cast(Cno, Go, 2), Cast(Pharmacy, Go, 3));

        Assert.Equal((VoteChoice.NoGo, DecidedBy.Veto), (decision.Choice, decision.By));
        Assert.Equal([Sponsor.Value], decision.Vetoes.Select(v => v.Respondent.Value));
    }

    [Fact]
    public void A_no_go_from_a_must_criterion_owner_decides_whatever_the_majority()
    {
        var decision = Decide(Cast(Sponsor, Go), Cast(Cmio, NoGo("Order sets not signed off"), 1), Cast(Cno, Go, 2), Cast(Pharmacy, Go, 3));

        Assert.Equal((VoteChoice.NoGo, DecidedBy.Veto), (decision.Choice, decision.By));
        Assert.Empty(decision.Conditions);
    }

    [Fact]
    public void Without_a_veto_the_majority_of_votes_cast_decides_and_a_no_go_of_others_is_one_vote()
    {
        // For going: sponsor, CMIO, CNO (3); no-go: pharmacy, security (2).
        var decision = Decide(
            Cast(Sponsor, Go), Cast(Cmio, Go, 1), Cast(Cno, Go, 2), Cast(Pharmacy, NoGo("Too early"), 3), Cast(Security, NoGo("Roles"), 4));

        Assert.Equal((VoteChoice.Go, DecidedBy.Majority), (decision.Choice, decision.By));
    }

    [Fact]
    public void More_no_go_than_go_votes_is_a_no_go()
    {
        var decision = Decide(Cast(Cno, Go), Cast(Pharmacy, NoGo("Too early"), 1), Cast(Security, NoGo("Roles"), 2));

        Assert.Equal((VoteChoice.NoGo, DecidedBy.Majority), (decision.Choice, decision.By));
    }

    [Fact]
    public void A_tie_is_a_no_go()
    {
        var decision = Decide(Cast(Cno, WithConditions("Super-users on nights")), Cast(Pharmacy, NoGo("Too early"), 1));

        Assert.Equal((VoteChoice.NoGo, DecidedBy.Tie), (decision.Choice, decision.By));
        Assert.Empty(decision.Conditions);
    }

    [Fact]
    public void No_vote_cast_is_a_no_go()
    {
        Assert.Equal((VoteChoice.NoGo, DecidedBy.NoVotes), (Decide().Choice, Decide().By));
    }

    [Fact]
    public void A_go_majority_with_a_condition_raised_is_go_with_conditions_carrying_every_condition_in_the_order_given()
    {
        var decision = Decide(
            Cast(Sponsor, Go),
            Cast(Cmio, WithConditions("Pharmacy verifies the first 48 hours"), 2),
            Cast(Cno, WithConditions("Super-users on nights"), 1),
            Cast(Pharmacy, NoGo("Too early"), 3));

        Assert.Equal((VoteChoice.GoWithConditions, DecidedBy.Majority), (decision.Choice, decision.By));
        Assert.Equal(
            ["Super-users on nights", "Pharmacy verifies the first 48 hours"],
            decision.Conditions.Select(c => c.Answer.Conditions!.Value));
    }

    [Fact]
    public void A_changed_vote_counts_as_its_latest_a_must_owner_withdrawing_a_no_go_lifts_the_veto()
    {
        var round = new Round(
            new ProjectCode("EHR"),
            Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            false,
            new[] { Sponsor, Cmio, Cno }.Select(p => new Respondent(p, p.Value, StakeholderRole.Leader, null)),
            GoLiveRounds.Kind,
            Panel.Format());
        GivenAnswer<GoLiveVote>[] stored =
        [
            round.Accept(Cmio, NoGo("Order sets not signed off"), Opens.AddMinutes(1)),
            round.Accept(Sponsor, Go, Opens.AddMinutes(2)),
            round.Accept(Cno, Go, Opens.AddMinutes(3)),
            round.Accept(Cmio, WithConditions("Order sets signed off by Friday"), Opens.AddMinutes(4)),
        ];

        var before = GoLiveTally.Of(round, round.Counted(stored[..3]));
        var after = GoLiveTally.Of(round, round.Counted(stored));

        Assert.Equal((VoteChoice.NoGo, DecidedBy.Veto, 1), (before.Decision, before.DecidedBy, before.Vetoes));
        Assert.Equal(
            (VoteChoice.GoWithConditions, DecidedBy.Majority, 2, 1, 0, 0, 3),
            (after.Decision, after.DecidedBy, after.Go, after.GoWithConditions, after.NoGo, after.Vetoes, after.Panel));
    }

    [Fact]
    public void Go_with_conditions_needs_its_conditions_and_no_go_its_reason()
    {
        Assert.Equal(
            CommonProblem.Required,
            Assert.Throws<DomainException>(() => GoLiveVote.Create(VoteChoice.GoWithConditions, null, Guarded.From("x"))).Problem.Code);
        Assert.Equal(
            CommonProblem.Required, Assert.Throws<DomainException>(() => GoLiveVote.Create(VoteChoice.NoGo, Guarded.From("x"), null)).Problem.Code);
    }

    [Fact]
    public void The_panel_kept_as_the_rounds_name_reads_back_the_same()
    {
        var kept = VotePanel.Parse(Panel.Format())!;

        Assert.Equal(
            (Panel.Sponsor, Panel.Recommendation, Panel.CriticalItems),
            (kept.Sponsor, kept.Recommendation, kept.CriticalItems));
        Assert.Equal(Panel.MustOwners, kept.MustOwners);
        Assert.Equal(Panel.Conditions, kept.Conditions);
        Assert.Null(VotePanel.Parse("pre go-live"));
        Assert.Null(VotePanel.Parse("not-a-person;;Go;;;0"));
    }
}
