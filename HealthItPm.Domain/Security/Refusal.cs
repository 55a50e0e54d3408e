using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>Why a request was refused, as a code the bot turns into words.</summary>
public enum RefusalCode
{
    /// <summary>Not on a project with this code, or there is none: the same answer either way.</summary>
    NotOnProject,

    /// <summary>No such risk on a project the person is on: the same answer whether the risk or the project exists or not.</summary>
    NoSuchRisk,

    /// <summary>On the project (or in the tenant), but the action is for <see cref="Refusal.Allowed"/> only.</summary>
    OnlyFor,

    /// <summary>The check-in round was not sent to the person.</summary>
    NotSentToYou,

    /// <summary>
    /// Asked without a project: the action is for <see cref="Refusal.Allowed"/> on a project, and the
    /// person is that on none of the projects they are on now.
    /// </summary>
    OnNoProject,
}

/// <summary>
/// A refusal as data: a code, the action, and the values the sentence names, each in its own field
/// (the project's code and name, its PMs' names), never a sentence with names written into it — the
/// bot writes the sentence and escapes every value people typed.
/// </summary>
public sealed record Refusal(
    RefusalCode Code,
    ProjectAction Action,
    ProjectCode? Project = null,
    string? ProjectName = null,
    IReadOnlyList<string>? ProjectManagers = null,
    Who Allowed = Who.AdminsOnly,
    RiskId? Risk = null)
{
    public static Refusal NotOnProject(ProjectAction action, ProjectCode code) => new(RefusalCode.NotOnProject, action, code);

    public static Refusal NoSuchRisk(ProjectAction action, RiskId risk) => new(RefusalCode.NoSuchRisk, action, risk.Project, Risk: risk);

    public static Refusal NotSentToYou(ProjectCode code) => new(RefusalCode.NotSentToYou, ProjectAction.AnswerCheckIn, code);

    public static Refusal OnNoProject(ProjectAction action, Who allowed) => new(RefusalCode.OnNoProject, action, Allowed: allowed);

    public bool Equals(Refusal? other) =>
        other is not null && Code == other.Code && Action == other.Action && Project == other.Project && ProjectName == other.ProjectName
        && Allowed == other.Allowed && Risk == other.Risk && (ProjectManagers ?? []).SequenceEqual(other.ProjectManagers ?? []);

    public override int GetHashCode() => HashCode.Combine(Code, Action, Project, ProjectName, Allowed, Risk);
}
