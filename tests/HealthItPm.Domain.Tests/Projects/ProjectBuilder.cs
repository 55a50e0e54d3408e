using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Projects;

/// <summary>Test data: an EHR go-live at a demo hospital, changed only where a test says so.</summary>
public sealed class ProjectBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    public static readonly PersonId Nurse = new("22222222-2222-2222-2222-222222222222");
    public static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");
    public static readonly PersonId Outsider = new("44444444-4444-4444-4444-444444444444");

    private readonly List<Milestone> _milestones = [];
    private readonly List<SpendEntry> _spend = [];
    private decimal _budget;

    public ProjectBuilder WithMilestone(string name, DateOnly planned, decimal weight, DateOnly? done = null)
    {
        _milestones.Add(new Milestone(Guarded.From(name), planned, weight, done));
        return this;
    }

    public ProjectBuilder WithBudget(decimal budget)
    {
        _budget = budget;
        return this;
    }

    public ProjectBuilder WithSpend(decimal amount, DateOnly date)
    {
        _spend.Add(new SpendEntry(amount, date, null));
        return this;
    }

    public Project Build()
    {
        var project = Project.Create(
            new ProjectCode("EHR"),
            Guarded.From("Epic EHR go-live"),
            ProjectKind.Ehr,
            new ProjectSchedule(Today.AddDays(-120), Today.AddDays(60), Today.AddDays(150)),
            "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")),
            Today);
        project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        project.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        foreach (var milestone in _milestones)
        {
            project.AddMilestone(milestone);
        }

        if (_budget > 0)
        {
            project.SetBudget(_budget);
        }

        foreach (var entry in _spend)
        {
            project.RecordSpend(entry, Today);
        }

        return project;
    }
}
