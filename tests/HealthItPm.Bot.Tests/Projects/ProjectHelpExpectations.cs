using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>What help offers each person of the projects' commands (plan, people, budget).</summary>
public sealed class ProjectHelpExpectations : HelpExpectations
{
    private static readonly string[] OnAProject = ["project list", "kpis", "milestones", "stakeholders", "status", "use EHR"];

    private static readonly string[] Managing =
    [
        .. OnAProject, "budget", "budget set", "kpi add", "kpi record", "milestone add", "milestone done", "milestone progress", "phase",
        "project new", "spend", "stakeholder add @Nina Patel", "stakeholder remove",
    ];

    public override IReadOnlyList<string> Admin => [.. Managing, "pm allow"];

    public override IReadOnlyList<string> Pm => Managing;

    public override IReadOnlyList<string> Leader => [.. OnAProject, "budget"];

    public override IReadOnlyList<string> Nurse => OnAProject;

    public override IReadOnlyList<string> Nobody => ["project list"];
}
