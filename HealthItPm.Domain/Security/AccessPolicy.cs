using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>The answer to "may this person do this?", with the refusal (as data) when it is no.</summary>
public sealed record AccessDecision(bool Allowed, Refusal? Refusal)
{
    public static AccessDecision Allow { get; } = new(true, null);

    public static AccessDecision Deny(Refusal refusal) => new(false, refusal);
}

/// <summary>
/// Who may do what, decided from one table (<see cref="AccessRules"/>). Admins (from configuration)
/// may do everything on every project. Creating a project takes an allowed PM (in configuration, or
/// granted by an admin). On a project, only people on it now may act at all (a former member is
/// answered like someone who never was, so is an outsider whether the project exists or not); then
/// the action's row says which roles may. Budget figures are for the roles in
/// <paramref name="budgetViewers"/> (by default PMs and leaders) and admins.
/// </summary>
public sealed class AccessPolicy(
    IReadOnlySet<PersonId> admins,
    IReadOnlySet<PersonId> allowedProjectManagers,
    IReadOnlySet<ProjectRole>? budgetViewers = null)
{
    /// <summary>Who sees budget figures unless configured otherwise: the people accountable for the money.</summary>
    public static readonly IReadOnlySet<ProjectRole> DefaultBudgetViewers =
        new HashSet<ProjectRole> { ProjectRole.ProjectManager, ProjectRole.Leader };

    private readonly Who _budgetViewers = (budgetViewers ?? DefaultBudgetViewers)
        .Aggregate(Who.AdminsOnly, (who, role) => who | WhoFor(role));

    public bool IsAdmin(PersonId person) => admins.Contains(person);

    /// <summary>The table's answer for a caller's standing, before any project data is added to a refusal.</summary>
    public AccessDecision Decide(Standing standing, ProjectAction action)
    {
        var rule = AccessRules.Of(action);
        var who = WhoMay(action);
        if (standing.Admin)
        {
            return AccessDecision.Allow;
        }

        if (rule.Scope == ActionScope.Project && standing.Role is null)
        {
            return AccessDecision.Deny(new Refusal(RefusalCode.NotOnProject, action));
        }

        var allowed = (who.HasFlag(Who.AllowedProjectManagers) && standing.AllowedProjectManager)
            || (standing.Role is { } role && who.HasFlag(WhoFor(role)))
            || (who.HasFlag(Who.EscalationChain) && standing.InEscalationChain)
            || (who.HasFlag(Who.RiskOwner) && standing.OwnsRisk);
        return allowed ? AccessDecision.Allow : AccessDecision.Deny(new Refusal(RefusalCode.OnlyFor, action, Allowed: who));
    }

    /// <summary>Who besides admins may do the action, as this hospital configured it (budget viewers resolved to their roles).</summary>
    public Who WhoMay(ProjectAction action)
    {
        var who = AccessRules.Of(action).Who;
        return who.HasFlag(Who.BudgetViewers) ? (who & ~Who.BudgetViewers) | _budgetViewers : who;
    }

    /// <summary>
    /// An action on whichever of the person's projects allows it, from their standing on each (the
    /// projects they are on now): allowed when one does; else refused with
    /// <see cref="RefusalCode.OnNoProject"/> and the roles that may. A tenant-wide action is decided
    /// as <see cref="CanInTenant"/>. What help offers, and what a command without a project decides.
    /// </summary>
    public AccessDecision CanOnAny(PersonId person, ProjectAction action, IEnumerable<Standing> standings, bool grantedByAdmin = false)
    {
        ArgumentNullException.ThrowIfNull(standings);
        if (AccessRules.Of(action).Scope == ActionScope.Tenant)
        {
            return CanInTenant(person, action, grantedByAdmin);
        }

        return IsAdmin(person) || standings.Any(s => Decide(s with { Admin = false }, action).Allowed)
            ? AccessDecision.Allow
            : AccessDecision.Deny(Refusal.OnNoProject(action, WhoMay(action)));
    }

    /// <summary>Every action the person may do somewhere (<see cref="CanOnAny"/>): help offers the commands that do these.</summary>
    public IReadOnlySet<ProjectAction> ActionsOnAny(
        PersonId person,
        IReadOnlyCollection<Standing> standings,
        bool grantedByAdmin = false) =>
        Enum.GetValues<ProjectAction>().Where(a => CanOnAny(person, a, standings, grantedByAdmin).Allowed).ToHashSet();

    /// <summary>A tenant-wide action (create a project, allow PMs, read the audit log).</summary>
    public AccessDecision CanInTenant(PersonId person, ProjectAction action, bool grantedByAdmin = false)
    {
        if (AccessRules.Of(action).Scope != ActionScope.Tenant)
        {
            throw new ArgumentException($"{action} is about a project: ask with the project.", nameof(action));
        }

        return Decide(new Standing(IsAdmin(person), grantedByAdmin || allowedProjectManagers.Contains(person), null, false, false), action);
    }

    public AccessDecision CanCreateProject(PersonId person, bool grantedByAdmin = false) =>
        CanInTenant(person, ProjectAction.CreateProject, grantedByAdmin);

    /// <summary>
    /// An action anyone on a project may do, from the caller's role on it alone (null: not on it). Only
    /// such actions: any other needs the project (its escalation chain, its PMs' names in a refusal).
    /// </summary>
    public AccessDecision CanAsMember(PersonId person, ProjectAction action, ProjectRole? role)
    {
        if (AccessRules.Of(action) is not { Scope: ActionScope.Project, Who: Who.Members })
        {
            throw new ArgumentException($"{action} is not for anyone on the project: decide it with the project.", nameof(action));
        }

        return Decide(new Standing(IsAdmin(person), false, role, false, false), action);
    }

    private static Who WhoFor(ProjectRole role) => role switch
    {
        ProjectRole.ProjectManager => Who.ProjectManagers,
        ProjectRole.Leader => Who.Leaders,
        _ => Who.Stakeholders,
    };
}
