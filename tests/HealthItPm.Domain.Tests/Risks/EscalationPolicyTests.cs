using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Risks;

public class EscalationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");
    private static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");
    private static readonly EscalationPolicy Policy = EscalationPolicy.Default([Sponsor, Cio]);

    private static Risk NewRisk(RiskCategory category, int p, int i) =>
        Risk.Log(new RiskId(new ProjectCode("EHR"), 1), "Risk", null, category, new RiskRating(p, i), null, null, null, Pm, Now);

    [Theory]
    [InlineData(RiskCategory.Vendor, 3, 5, true)]
    [InlineData(RiskCategory.Vendor, 5, 3, true)]
    [InlineData(RiskCategory.Vendor, 2, 5, false)]
    [InlineData(RiskCategory.PatientSafety, 1, 4, true)]
    [InlineData(RiskCategory.PatientSafety, 5, 3, true)]
    [InlineData(RiskCategory.PatientSafety, 4, 3, false)]
    [InlineData(RiskCategory.PrivacyRegulatory, 1, 4, true)]
    [InlineData(RiskCategory.PrivacyRegulatory, 2, 3, false)]
    [InlineData(RiskCategory.Schedule, 3, 4, false)]
    public void Critical_or_safety_and_privacy_impact_four_escalate_at_once_to_the_sponsor(RiskCategory category, int p, int i, bool escalates)
    {
        var step = Policy.Next(NewRisk(category, p, i), Now, Today, false);

        if (escalates)
        {
            var escalate = Assert.IsType<EscalationStep.Escalate>(step);
            Assert.Equal((1, Sponsor), (escalate.Level, escalate.To));
        }
        else
        {
            Assert.IsType<EscalationStep.Wait>(step);
        }
    }

    [Fact]
    public void An_unacknowledged_escalation_climbs_the_chain_after_the_sla_then_reports_exhaustion_once()
    {
        var risk = NewRisk(RiskCategory.PatientSafety, 4, 5);
        risk.Escalate(1, "critical risk", Now);

        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(3.9), Today, false));
        var second = Assert.IsType<EscalationStep.Escalate>(Policy.Next(risk, Now.AddHours(4), Today, false));
        Assert.Equal((2, Cio), (second.Level, second.To));

        risk.Escalate(2, second.Reason, Now.AddHours(4));
        Assert.IsType<EscalationStep.ChainExhausted>(Policy.Next(risk, Now.AddHours(8), Today, chainExhaustionReported: false));
        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(9), Today, chainExhaustionReported: true));
    }

    [Fact]
    public void An_acknowledged_escalation_stays_put()
    {
        var risk = NewRisk(RiskCategory.PatientSafety, 4, 5);
        risk.Escalate(1, "critical risk", Now);
        risk.Acknowledge(Sponsor, Now.AddHours(1));

        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(30), Today, false));
    }

    [Fact]
    public void A_mitigation_past_due_reminds_the_owner_once_then_escalates_after_the_sla()
    {
        var risk = NewRisk(RiskCategory.Schedule, 3, 3);
        risk.AssignOwner(Cio, Pm, Now);
        risk.PlanMitigation("Add a second trainer", Today.AddDays(-1), Pm, Now);

        var remind = Assert.IsType<EscalationStep.RemindOwner>(Policy.Next(risk, Now, Today, false));
        Assert.Equal(Cio, remind.Owner);
        risk.MarkOwnerReminded(Now);
        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(1), Today, false));
        var escalate = Assert.IsType<EscalationStep.Escalate>(Policy.Next(risk, Now.AddHours(4), Today, false));
        Assert.Contains("past due", escalate.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_closed_or_without_a_chain_nothing_happens()
    {
        var accepted = NewRisk(RiskCategory.PatientSafety, 5, 5);
        accepted.Accept("Clinical leadership accepts for 2 weeks", Sponsor, Now);

        Assert.IsType<EscalationStep.Wait>(Policy.Next(accepted, Now, Today, false));
        Assert.IsType<EscalationStep.Wait>(EscalationPolicy.Default([]).Next(NewRisk(RiskCategory.PatientSafety, 5, 5), Now, Today, false));
    }
}
