using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Tests.Projects;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.GoLive;

/// <summary>Who is asked to attest, what an attestation round asks about, and what an answer needs.</summary>
public class AttestationTests
{
    private static readonly DateOnly Today = ProjectBuilder.Today;
    private static readonly PersonId Pm = ProjectBuilder.Pm;

    [Fact]
    public void The_attested_criteria_not_met_are_due_stale_ones_too_never_a_computed_one()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today.AddDays(-30));
        var attested = gate.Criteria.Where(c => !c.IsComputed).Select(c => c.Number).ToList();
        gate.Attest(attested[0], Pm, AttestedState.Met, Guarded.From("Signed off"), Today.AddDays(-1));
        gate.Attest(attested[1], Pm, AttestedState.AtRisk, Guarded.From("Two units left"), Today.AddDays(-1));
        gate.Attest(attested[2], Pm, AttestedState.Met, Guarded.From("Drill passed"), Today.AddDays(-20));

        var due = GoLiveAttestations.Due(Scorecard.Of(gate, new GateFacts(project, Today, [], null, null)));

        // Met and current: not asked. At risk, stale (met 20 days ago, counting 14) and never attested: asked.
        Assert.Equal(attested.Skip(1), due.Select(c => c.Number));
        Assert.DoesNotContain(due, c => c.IsComputed);
    }

    [Fact]
    public void An_attestation_round_names_the_criteria_it_asks_about_in_numbers_and_nothing_else_parses()
    {
        Assert.Equal("2,7,11", AttestRequest.Format([11, 2, 7]));
        Assert.Equal([2, 7, 11], AttestRequest.Parse("2,7,11"));
        Assert.Empty(AttestRequest.Parse("2,x"));
        Assert.Empty(AttestRequest.Parse(null));
    }

    [Fact]
    public void An_answer_needs_evidence_and_a_defined_state_and_the_kind_keeps_every_word()
    {
        Assert.Throws<DomainException>(() => AttestAnswer.Create(3, AttestedState.Met, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => AttestAnswer.Create(3, (AttestedState)9, Guarded.From("x")));
        var answer = AttestAnswer.Create(3, AttestedState.NotMet, Guarded.From("Interface down"));
        Assert.Same(answer, AttestRounds.Kind.Seal(answer, false));
        Assert.False(AttestRounds.Kind.ClosesWhenAllAnswered);
    }

    [Fact]
    public void An_owner_asks_only_about_their_own_criteria_of_the_round()
    {
        var project = new ProjectBuilder().Build();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today);
        var attested = gate.Criteria.Where(c => !c.IsComputed).Select(c => c.Number).Take(3).ToList();
        var round = new Round(
            project.Code,
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromDays(2),
            TimeSpan.FromDays(4),
            false,
            [new Respondent(Pm, "Priya", StakeholderRole.It, null)],
            AttestRounds.Kind,
            AttestRequest.Format(attested.Take(2)));

        Assert.Equal(attested.Take(2), GoLiveAttestations.AskedOf(gate, round, Pm).Select(c => c.Number));
        Assert.Empty(GoLiveAttestations.AskedOf(gate, round, ProjectBuilder.Nurse));
    }
}
