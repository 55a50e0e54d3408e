using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>A piece of a project's set-up without which its status has little to say.</summary>
public enum SetupStep
{
    /// <summary>Nobody but its project managers is on it yet.</summary>
    Stakeholders,

    /// <summary>No budget at completion: no cost figures, no earned value.</summary>
    Budget,

    /// <summary>No milestones: nothing to measure the schedule by.</summary>
    Milestones,
}

/// <summary>What a project still needs set up, in the order to do it, and the action that does each step.</summary>
public static class ProjectSetup
{
    public static IReadOnlyList<SetupStep> Missing(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var missing = new List<SetupStep>();
        if (project.Members.All(m => m.Role == ProjectRole.ProjectManager))
        {
            missing.Add(SetupStep.Stakeholders);
        }

        if (project.BudgetAtCompletion == 0)
        {
            missing.Add(SetupStep.Budget);
        }

        if (project.Milestones.Count == 0)
        {
            missing.Add(SetupStep.Milestones);
        }

        return missing;
    }

    /// <summary>Who may do <paramref name="step"/> is who may do this action.</summary>
    public static ProjectAction ActionOf(SetupStep step) => step switch
    {
        SetupStep.Stakeholders => ProjectAction.ManageStakeholders,
        SetupStep.Budget => ProjectAction.ManageBudget,
        SetupStep.Milestones => ProjectAction.ManageMilestones,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
