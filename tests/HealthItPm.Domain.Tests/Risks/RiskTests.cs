using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Risks;

public class RiskRatingTests
{
    [Theory]
    [InlineData(1, 1, 1, RiskBand.Low)]
    [InlineData(2, 2, 4, RiskBand.Low)]
    [InlineData(1, 5, 5, RiskBand.Medium)]
    [InlineData(3, 3, 9, RiskBand.Medium)]
    [InlineData(2, 5, 10, RiskBand.High)]
    [InlineData(3, 4, 12, RiskBand.High)]
    [InlineData(3, 5, 15, RiskBand.Critical)]
    [InlineData(5, 5, 25, RiskBand.Critical)]
    public void Score_is_probability_times_impact_and_bands_follow_it(int probability, int impact, int score, RiskBand band)
    {
        var rating = new RiskRating(probability, impact);

        Assert.Equal((score, band), (rating.Score, rating.Band));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(3, 6)]
    public void Probability_and_impact_are_one_to_five(int probability, int impact) =>
        Assert.Throws<DomainException>(() => new RiskRating(probability, impact));

    [Theory]
    [InlineData("EHR-R7", "EHR", 7)]
    [InlineData(" pacs2-R12 ", "PACS2", 12)]
    public void Risk_ids_read_as_people_write_them(string text, string project, int number)
    {
        Assert.True(RiskId.TryParse(text, out var id));
        Assert.Equal((project, number), (id.Project.Value, id.Number));
        Assert.Equal($"{project}-R{number}", id.ToString());
    }

    [Theory]
    [InlineData("EHR-7")]
    [InlineData("EHR-R0")]
    [InlineData("EHR-Rx")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_risk_id(string? text) => Assert.False(RiskId.TryParse(text, out _));
}

public class RiskTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");

    private static Risk NewRisk(RiskCategory category = RiskCategory.Vendor, int p = 3, int i = 3) =>
        Risk.Log(
            new RiskId(new ProjectCode("EHR"), 7),
            Guarded.From("Interface engine vendor late"),
            null,
            category,
            new RiskRating(p, i),
            null,
            null,
            null,
            Pm,
            Now);

    [Fact]
    public void Every_change_is_in_the_history_with_who_when_and_before_after()
    {
        var risk = NewRisk();

        risk.Rate(new RiskRating(4, 4), Pm, Now.AddHours(1));
        risk.AssignOwner(Sponsor, Pm, Now.AddHours(2));
        risk.PlanMitigation(Guarded.From("Weekly vendor call; fallback flat-file feed"), new DateOnly(2026, 12, 10), Pm, Now.AddHours(3));

        Assert.Equal(
            [
                RiskEventKind.Logged,
                RiskEventKind.Rated,
                RiskEventKind.OwnerAssigned,
                RiskEventKind.MitigationPlanned,
                RiskEventKind.StatusChanged],
            risk.History.Select(e => e.Kind));
        var rating = risk.History[1];
        Assert.Equal(
            (Pm, Now.AddHours(1), new RiskRating(3, 3), new RiskRating(4, 4)),
            (rating.By!.Value, rating.At, rating.RatingBefore, rating.RatingAfter));
        var owner = risk.History[2];
        Assert.Equal(((PersonId?)null, (PersonId?)Sponsor), (owner.OwnerBefore, owner.OwnerAfter));
        var mitigation = risk.History[3];
        Assert.Equal(("Weekly vendor call; fallback flat-file feed", new DateOnly(2026, 12, 10)), (mitigation.Note, mitigation.Due));
        var status = risk.History[4];
        Assert.Equal((RiskStatus.Open, RiskStatus.Mitigating, Pm), (status.StatusBefore, status.StatusAfter, status.By));
        Assert.Equal(RiskStatus.Mitigating, risk.Status);
    }

    [Fact]
    public void Acknowledging_twice_says_who_did_and_when()
    {
        var risk = NewRisk();
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now);
        risk.Acknowledge(Sponsor, Now.AddMinutes(5));

        var error = Assert.Throws<DomainException>(() => risk.Acknowledge(Pm, Now.AddMinutes(6)));

        Assert.Equal(Problem.AlreadyAcknowledged(risk.Id, Now.AddMinutes(5)), error.Problem);
    }

    [Fact]
    public void Accepting_needs_a_reason_and_a_closed_risk_changes_no_more()
    {
        var risk = NewRisk();

        Assert.Throws<DomainException>(() => risk.Accept(Guarded.From("  "), Sponsor, Now));
        risk.Accept(Guarded.From("Vendor contract penalty covers it"), Sponsor, Now);
        Assert.Equal(RiskStatus.Accepted, risk.Status);
        risk.Close(Pm, Now.AddDays(2));

        Assert.Throws<DomainException>(() => risk.Rate(new RiskRating(1, 1), Pm, Now.AddDays(3)));
        Assert.Throws<DomainException>(() => risk.Close(Pm, Now.AddDays(3)));
    }

    [Fact]
    public void Escalation_only_goes_up_and_not_from_accepted()
    {
        var risk = NewRisk();
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now);

        Assert.Throws<DomainException>(() => risk.Escalate(1, new EscalationReason.CriticalRisk(), Now));
        Assert.Throws<DomainException>(() => NewRisk().Acknowledge(Pm, Now));
        var accepted = NewRisk();
        accepted.Accept(Guarded.From("Tolerable"), Sponsor, Now);
        Assert.Throws<DomainException>(() => accepted.Escalate(1, new EscalationReason.CriticalRisk(), Now));
    }
}

public class ConcernTests
{
    private static readonly PersonId Nurse = new("22222222-2222-2222-2222-222222222222");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_concern_is_triaged_once()
    {
        var concern = Concern.Raise(
            new ProjectCode("EHR"),
            1,
            Guarded.From("Night shift has not had downtime training"),
            Nurse,
            "Nina Patel",
            Now);

        var logged = concern.LoggedAs(new RiskId(new ProjectCode("EHR"), 4));

        Assert.Equal((ConcernState.LoggedAsRisk, "EHR-R4"), (logged.State, logged.Risk.ToString()));
        Assert.Equal(
            Problem.ConcernAlreadyLogged(logged.Risk!.Value),
            Assert.Throws<DomainException>(() => logged.Dismissed(Guarded.From("dup"))).Problem);
        Assert.Throws<DomainException>(() => concern.Dismissed(null));
    }
}
