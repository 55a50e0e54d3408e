using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

public class ProjectTests
{
    [Fact]
    public void The_creator_becomes_the_first_project_manager_in_planning()
    {
        var project = new ProjectBuilder().Build();

        Assert.Equal(ProjectRole.ProjectManager, project.RoleOf(Pm));
        Assert.Equal(ProjectPhase.Planning, project.Phase);
        Assert.Equal(60, project.Schedule.DaysToGoLive(Today));
        Assert.Null(project.RoleOf(Outsider));
    }

    [Fact]
    public void A_new_project_cannot_go_live_in_the_past()
    {
        var error = Assert.Throws<DomainException>(() => Project.Create(
            new ProjectCode("EHR"), Guarded.From("EHR"), ProjectKind.Ehr, new ProjectSchedule(
                Today.AddDays(-10),
                Today.AddDays(-1),
                Today.AddDays(5)), "UTC",
            new ProjectMember(Pm, "Priya", ProjectRole.ProjectManager, StakeholderRole.It, null), Today));

        Assert.Equal(Problem.GoLiveInPast(), error.Problem);
    }

    [Theory]
    [InlineData(0, -1, 5)]
    [InlineData(0, 10, 5)]
    public void Dates_out_of_order_are_refused(int start, int goLive, int end) =>
        Assert.Throws<DomainException>(() => new ProjectSchedule(Today.AddDays(start), Today.AddDays(goLive), Today.AddDays(end)));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_time_zone_is_refused(string zone) =>
        Assert.Throws<DomainException>(() => Project.Create(
            new ProjectCode("EHR"),
            Guarded.From("EHR"),
            ProjectKind.Ehr,
            new ProjectSchedule(Today, Today, Today),
            zone,
            
            new ProjectMember(Pm, "Priya", ProjectRole.ProjectManager, StakeholderRole.It, null), Today));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_name_is_required(string name) =>
        Assert.Throws<DomainException>(() => Project.Create(
            new ProjectCode("EHR"),
            Guarded.From(name),
            ProjectKind.Ehr,
            new ProjectSchedule(Today, Today, Today),
            "UTC",
            
            new ProjectMember(Pm, "Priya", ProjectRole.ProjectManager, StakeholderRole.It, null), Today));

    [Fact]
    public void A_name_over_the_limit_says_the_limit()
    {
        var error = Assert.Throws<DomainException>(() => Project.Create(
            new ProjectCode("EHR"),
            Guarded.From(new string('x', 81)),
            ProjectKind.Ehr,
            new ProjectSchedule(Today, Today, Today),
            "UTC",
            
            new ProjectMember(Pm, "Priya", ProjectRole.ProjectManager, StakeholderRole.It, null), Today));

        Assert.Equal(Problem.TooLong(ProjectFreeText.ProjectName, 80, 81), error.Problem);
    }

    [Fact]
    public void Duplicate_milestone_names_are_refused_whatever_their_case()
    {
        var project = new ProjectBuilder().WithMilestone("Go-live", Today.AddDays(60), 10).Build();

        var error = Assert.Throws<DomainException>(() => project.AddMilestone(new Milestone(
            Guarded.From("GO-LIVE"),
            Today.AddDays(61),
            1)));

        Assert.Equal(Problem.MilestoneExists("GO-LIVE"), error.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_milestone_weight_must_be_positive(int weight) =>
        Assert.Throws<DomainException>(() => new Milestone(Guarded.From("Build"), Today, weight));

    [Fact]
    public void Milestones_are_kept_in_date_order_and_completed_by_name()
    {
        var project = new ProjectBuilder()
            .WithMilestone("Go-live", Today.AddDays(60), 40)
            .WithMilestone("Build", Today.AddDays(-5), 20)
            .Build();

        project.CompleteMilestone("build", Today.AddDays(-1), Today);

        Assert.Equal(["Build", "Go-live"], project.Milestones.Select(m => m.Name.Value));
        Assert.Equal(Today.AddDays(-1), project.Milestones[0].DoneDate);
        Assert.Throws<DomainException>(() => project.CompleteMilestone("Go-live", Today.AddDays(1), Today));
        Assert.Throws<DomainException>(() => project.CompleteMilestone("Nope", Today, Today));
    }

    [Fact]
    public void Budget_and_spend_must_be_positive_and_spend_not_in_the_future()
    {
        var project = new ProjectBuilder().Build();

        Assert.Throws<DomainException>(() => project.SetBudget(0));
        Assert.Throws<DomainException>(() => new SpendEntry(-1, Today, null));
        Assert.Throws<DomainException>(() => project.RecordSpend(new SpendEntry(10, Today.AddDays(1), null), Today));
        Assert.Throws<DomainException>(() => new SpendEntry(10, Today, Guarded.From(new string('n', 201))));
    }

    [Fact]
    public void The_last_project_manager_cannot_be_removed()
    {
        var project = new ProjectBuilder().Build();

        Assert.Throws<DomainException>(() => project.RemoveMember(Pm));
        project.RemoveMember(Nurse);
        Assert.Null(project.RoleOf(Nurse));
        Assert.Throws<DomainException>(() => project.RemoveMember(Nurse));
    }

    [Fact]
    public void Adding_a_pm_as_a_stakeholder_would_demote_them_and_is_refused()
    {
        var project = new ProjectBuilder().Build();

        var error = Assert.Throws<DomainException>(() => project.AddMember(new ProjectMember(
            Pm, "Priya Shah", ProjectRole.Stakeholder, StakeholderRole.It, null)));

        Assert.Equal(Problem.AlreadyMember("Priya Shah", ProjectRole.ProjectManager), error.Problem);
    }

    [Fact]
    public void A_stakeholder_can_be_promoted_and_their_department_updated()
    {
        var project = new ProjectBuilder().Build();

        project.AddMember(new ProjectMember(
            Nurse,
            "Nina Patel",
            ProjectRole.ProjectManager,
            StakeholderRole.Nurse,
            Guarded.From("Nursing Informatics")));

        Assert.Equal(ProjectRole.ProjectManager, project.RoleOf(Nurse));
        Assert.Equal(2, project.ProjectManagers.Count());
    }

    [Fact]
    public void A_restored_project_is_the_project_that_was_stored()
    {
        var project = new ProjectBuilder().WithMilestone("Go-live", Today.AddDays(60), 40).WithBudget(500).WithSpend(100, Today).Build();
        project.AddKpi(new Kpi(Guarded.From("No-show rate"), Guarded.From("%"), 18, 12, KpiDirection.LowerIsBetter));

        var restored = Project.Restore(project.ToState());

        Assert.Equal(
            project.ToState() with { Members = [], Milestones = [], Spend = [], Kpis = [], EscalationChain = null, PhaseHistory = null },
            restored.ToState() with { Members = [], Milestones = [], Spend = [], Kpis = [], EscalationChain = null, PhaseHistory = null });
        Assert.Equal(project.PhaseHistory, restored.PhaseHistory);
        Assert.Equal(project.EscalationChain, restored.EscalationChain);
        Assert.Equal(project.Members.OrderBy(m => m.Person.Value), restored.Members.OrderBy(m => m.Person.Value));
        Assert.Equal(project.Milestones, restored.Milestones);
        Assert.Equal(project.Spend, restored.Spend);
        Assert.Equal(project.Kpis.Select(k => k.Name), restored.Kpis.Select(k => k.Name));
    }

    [Fact]
    public void Health_combines_earned_value_and_milestones()
    {
        var project = new ProjectBuilder()
            .WithMilestone("Build", Today.AddDays(-20), 50)
            .WithMilestone("Go-live", Today.AddDays(60), 50)
            .WithBudget(1000)
            .WithSpend(100, Today.AddDays(-30))
            .Build();

        var health = project.Health(Today);

        Assert.Equal(Rag.Red, health.Status);
        Assert.Contains(health.Findings, f => f.Reason == new RagReason.MilestoneLate(Guarded.From("Build"), 20));
        Assert.Contains(health.Findings, f => f.Reason == new RagReason.IndexBelow(PerformanceIndex.Spi, 0m, RagRules.RedBelow));
    }
}

public class ProjectCodeTests
{
    [Theory]
    [InlineData("ehr", "EHR")]
    [InlineData(" Pacs2 ", "PACS2")]
    [InlineData("AB", "AB")]
    [InlineData("ABCDEFGHIJ", "ABCDEFGHIJ")]
    public void Codes_are_upper_cased(string value, string expected) => Assert.Equal(expected, new ProjectCode(value).Value);

    [Theory]
    [InlineData("E")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("2EHR")]
    [InlineData("EH-R")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? value)
    {
        Assert.False(ProjectCode.TryParse(value, out _));
        Assert.Throws<DomainException>(() => new ProjectCode(value!));
    }
}

public class KpiTests
{
    [Theory]
    [InlineData(18, 18, 0)]
    [InlineData(15, 18, 0.5)]
    [InlineData(12, 18, 1)]
    [InlineData(10, 18, 1.333333)]
    [InlineData(21, 18, -0.5)]
    public void Progress_runs_from_baseline_to_target_for_lower_is_better(double measured, double baseline, double expected)
    {
        var kpi = new Kpi(Guarded.From("No-show rate"), Guarded.From("%"), (decimal)baseline, 12, KpiDirection.LowerIsBetter)
            .Record(new KpiMeasurement(Today, (decimal)measured));

        Assert.Equal((decimal)expected, decimal.Round(kpi.Progress.Value!.Value, 6));
    }

    [Fact]
    public void Progress_for_higher_is_better_uses_the_latest_measurement_by_date()
    {
        var kpi = new Kpi(Guarded.From("Portal adoption"), Guarded.From("%"), 20, 60, KpiDirection.HigherIsBetter)
            .Record(new KpiMeasurement(Today, 50))
            .Record(new KpiMeasurement(Today.AddDays(-7), 30));

        Assert.Equal(0.75m, kpi.Progress.Value);
        Assert.Equal(50m, kpi.Latest!.Value);
    }

    [Fact]
    public void Without_measurements_progress_is_undefined() =>
        Assert.Equal(
            RatioUndefined.NoMeasurement,
            new Kpi(Guarded.From("Turnaround"), Guarded.From("h"), 24, 8, KpiDirection.LowerIsBetter).Progress.UndefinedBecause);

    [Theory]
    [InlineData(KpiDirection.LowerIsBetter, 10, 12)]
    [InlineData(KpiDirection.LowerIsBetter, 10, 10)]
    [InlineData(KpiDirection.HigherIsBetter, 60, 20)]
    public void A_target_that_is_not_an_improvement_is_refused(KpiDirection direction, int baseline, int target) =>
        Assert.Throws<DomainException>(() => new Kpi(Guarded.From("KPI"), Guarded.From("%"), baseline, target, direction));

    [Fact]
    public void Recording_a_measurement_by_kpi_name_on_the_project()
    {
        var project = new ProjectBuilder().Build();
        project.AddKpi(new Kpi(Guarded.From("Report turnaround"), Guarded.From("h"), 24, 8, KpiDirection.LowerIsBetter));

        project.RecordKpi("report TURNAROUND", new KpiMeasurement(Today, 16), Today);

        Assert.Equal(0.5m, project.Kpis[0].Progress.Value);
        Assert.Throws<DomainException>(() => project.RecordKpi("Unknown", new KpiMeasurement(Today, 1), Today));
        Assert.Throws<DomainException>(() => project.RecordKpi("Report turnaround", new KpiMeasurement(Today.AddDays(1), 1), Today));
        Assert.Throws<DomainException>(() => project.AddKpi(new Kpi(
            Guarded.From("Report Turnaround"),
            Guarded.From("h"),
            24,
            8,
            KpiDirection.LowerIsBetter)));
    }
}

public class EscalationChainTests
{
    private static readonly PersonId Cmio = new("55555555-5555-5555-5555-555555555555");

    [Fact]
    public void By_default_the_chain_is_the_leaders_in_the_order_they_were_added()
    {
        var project = new ProjectBuilder().Build();
        project.AddMember(new ProjectMember(Cmio, "Dr. Ana Ruiz (CMIO)", ProjectRole.Leader, StakeholderRole.Leader, null));

        Assert.Equal([ProjectBuilder.Cio, Cmio], project.EscalationChain);
    }

    [Fact]
    public void A_set_chain_wins_only_leaders_may_be_in_it_and_the_sla_is_fifteen_minutes_to_three_days()
    {
        var project = new ProjectBuilder().Build();
        project.AddMember(new ProjectMember(Cmio, "Dr. Ana Ruiz (CMIO)", ProjectRole.Leader, StakeholderRole.Leader, null));

        project.SetEscalation([Cmio, ProjectBuilder.Cio], TimeSpan.FromHours(2), inBusinessHours: true);

        Assert.Equal([Cmio, ProjectBuilder.Cio], project.EscalationChain);
        Assert.Equal((TimeSpan.FromHours(2), true), (project.AcknowledgementSla, project.SlaInBusinessHours));
        Assert.Throws<DomainException>(() => project.SetEscalation([ProjectBuilder.Nurse], TimeSpan.FromHours(4), false));
        Assert.Throws<DomainException>(() => project.SetEscalation([Cmio, Cmio], TimeSpan.FromHours(4), false));
        Assert.Throws<DomainException>(() => project.SetEscalation([], TimeSpan.FromHours(4), false));
        Assert.Throws<DomainException>(() => project.SetEscalation([Cmio], TimeSpan.FromMinutes(10), false));
        Assert.Throws<DomainException>(() => project.SetEscalation([Cmio], TimeSpan.FromHours(73), false));
        Assert.Equal(project.AcknowledgementSla, Project.Restore(project.ToState()).AcknowledgementSla);
        Assert.True(Project.Restore(project.ToState()).SlaInBusinessHours);
        project.RemoveMember(Cmio);
        Assert.Equal([ProjectBuilder.Cio], project.EscalationChain);
    }
}
