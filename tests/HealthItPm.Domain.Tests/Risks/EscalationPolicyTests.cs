using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Risks;

public class EscalationPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");
    private static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");
    private static readonly EscalationPolicy Policy = new([Sponsor, Cio], Project.DefaultAcknowledgementSla);

    private static Risk NewRisk(RiskCategory category, int p, int i) =>
        Risk.Log(
            new RiskId(new ProjectCode("EHR"), 1),
            Guarded.From("Risk"),
            null,
            category,
            new RiskRating(p, i),
            null,
            null,
            null,
            Pm,
            Now);

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
    public void Critical_or_safety_and_privacy_impact_four_escalate_at_once_to_the_sponsor(
        RiskCategory category,
        int p,
        int i,
        bool escalates)
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
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now);

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
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now);
        risk.Acknowledge(Sponsor, Now.AddHours(1));

        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(30), Today, false));
    }

    [Fact]
    public void A_mitigation_past_due_reminds_the_owner_once_then_escalates_after_the_sla()
    {
        var risk = NewRisk(RiskCategory.Schedule, 3, 3);
        risk.AssignOwner(Cio, Pm, Now);
        risk.PlanMitigation(Guarded.From("Add a second trainer"), Today.AddDays(-1), Pm, Now);

        var remind = Assert.IsType<EscalationStep.RemindOwner>(Policy.Next(risk, Now, Today, false));
        Assert.Equal(Cio, remind.Owner);
        risk.MarkOwnerReminded(Now);
        Assert.IsType<EscalationStep.Wait>(Policy.Next(risk, Now.AddHours(1), Today, false));
        var escalate = Assert.IsType<EscalationStep.Escalate>(Policy.Next(risk, Now.AddHours(4), Today, false));
        Assert.Equal(new EscalationReason.MitigationPastDue(Today.AddDays(-1)), escalate.Reason);
    }

    [Fact]
    public void Accepted_closed_or_without_a_chain_nothing_happens()
    {
        var accepted = NewRisk(RiskCategory.PatientSafety, 5, 5);
        accepted.Accept(Guarded.From("Clinical leadership accepts for 2 weeks"), Sponsor, Now);

        Assert.IsType<EscalationStep.Wait>(Policy.Next(accepted, Now, Today, false));
        Assert.IsType<EscalationStep.Wait>(new EscalationPolicy([], Project.DefaultAcknowledgementSla)
            .Next(NewRisk(RiskCategory.PatientSafety, 5, 5), Now, Today, false));
    }

    [Fact]
    public void In_business_hours_a_friday_evening_escalation_climbs_on_monday_morning()
    {
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var policy = new EscalationPolicy([Sponsor, Cio], TimeSpan.FromHours(4), chicago);
        var risk = NewRisk(RiskCategory.Vendor, 5, 3);

        // Friday 2026-11-27 16:00 in Chicago (22:00 UTC): one business hour that day, three on Monday.
        var friday = new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);
        risk.Escalate(1, new EscalationReason.CriticalRisk(), friday);

        Assert.IsType<EscalationStep.Wait>(policy.Next(risk, friday.AddDays(2), Today, false));
        Assert.IsType<EscalationStep.Wait>(policy.Next(risk, new DateTimeOffset(2026, 11, 30, 16, 59, 0, TimeSpan.Zero), Today, false));
        var climbed = Assert.IsType<EscalationStep.Escalate>(policy.Next(
            risk,
            new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero),
            Today,
            false));
        Assert.Equal(
            (2, Cio, new EscalationReason.NotAcknowledged(TimeSpan.FromHours(4), InBusinessHours: true)),
            (climbed.Level, climbed.To, climbed.Reason));
    }

    [Fact]
    public void Patient_safety_escalations_count_around_the_clock_even_in_business_hours_mode()
    {
        var policy = new EscalationPolicy([Sponsor, Cio], TimeSpan.FromHours(4), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var risk = NewRisk(RiskCategory.PatientSafety, 4, 5);
        var saturdayNight = new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
        risk.Escalate(1, new EscalationReason.CriticalRisk(), saturdayNight);

        var climbed = Assert.IsType<EscalationStep.Escalate>(policy.Next(risk, saturdayNight.AddHours(4), Today, false));
        Assert.Equal(new EscalationReason.NotAcknowledged(TimeSpan.FromHours(4), InBusinessHours: false), climbed.Reason);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(90)]
    [InlineData(1440)]
    public void The_reason_names_the_sla_that_ran_out(int minutes)
    {
        var risk = NewRisk(RiskCategory.Vendor, 5, 5);
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now);

        var climbed = Assert.IsType<EscalationStep.Escalate>(new EscalationPolicy([Sponsor, Cio], TimeSpan.FromMinutes(minutes))
            .Next(risk, Now.AddMinutes(minutes), Today, false));

        Assert.Equal(new EscalationReason.NotAcknowledged(TimeSpan.FromMinutes(minutes), InBusinessHours: false), climbed.Reason);
    }

    [Fact]
    public void The_projects_policy_uses_its_own_sla_and_business_hours()
    {
        var project = new HealthItPm.Domain.Tests.Projects.ProjectBuilder().Build();
        project.SetEscalation([project.EscalationChain[0]], TimeSpan.FromHours(2), inBusinessHours: true);

        var policy = EscalationPolicy.Of(project);

        Assert.Equal(TimeSpan.FromHours(2), policy.AcknowledgementSla);
        Assert.Equal(project.TimeZone, policy.BusinessHoursIn!.Id);
    }
}

public class BusinessHoursTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(new DateTime(2026, month, day, hour, minute, 0), Chicago.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    [Theory]
    [InlineData(11, 25, 9, 11, 25, 11, 120)]
    [InlineData(11, 25, 6, 11, 25, 9, 60)]
    [InlineData(11, 25, 16, 11, 26, 9, 120)]
    [InlineData(11, 27, 16, 11, 30, 9, 120)]
    [InlineData(11, 28, 10, 11, 29, 15, 0)]
    [InlineData(11, 23, 8, 11, 28, 8, 45 * 60)]
    [InlineData(11, 25, 12, 11, 25, 12, 0)]
    public void Only_weekday_office_hours_count(
        int fromMonth,
        int fromDay,
        int fromHour,
        int toMonth,
        int toDay,
        int toHour,
        int minutes) =>
        Assert.Equal(
            TimeSpan.FromMinutes(minutes),
            BusinessHours.Between(Local(fromMonth, fromDay, fromHour), Local(toMonth, toDay, toHour), Chicago));

    [Fact]
    public void Daylight_saving_changes_do_not_stretch_or_shrink_a_working_day()
    {
        // Clocks went back on Sunday 2026-11-01: Friday and Monday are both nine-hour days.
        Assert.Equal(TimeSpan.FromHours(18), BusinessHours.Between(Local(10, 30, 7), Local(11, 2, 18), Chicago));
    }

    [Fact]
    public void A_span_that_ends_before_it_starts_counts_nothing() =>
        Assert.Equal(TimeSpan.Zero, BusinessHours.Between(Local(11, 25, 12), Local(11, 25, 10), Chicago));
}
