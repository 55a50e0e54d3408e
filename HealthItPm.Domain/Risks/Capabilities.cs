using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// What a person may do now, from the access table and their standing on each project they are on
/// (<see cref="AccessPolicy.CanOnAny"/>): help offers the commands for these actions and no other, and a
/// command asked without a project refuses with the same decision. Their role on each project comes from
/// their project list; whether they are in its escalation chain or own one of its open risks is read only
/// where the table says it could change the answer.
/// </summary>
public sealed class Capabilities(
    IProjectRepository projects,
    IRiskStore risks,
    IProjectManagerGrants grants,
    AccessPolicy access,
    TimeProvider clock)
{
    /// <summary>Every action the person may do on at least one of their projects, or in the tenant.</summary>
    public async Task<IReadOnlySet<ProjectAction>> OfAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken)
    {
        if (access.IsAdmin(person))
        {
            return Enum.GetValues<ProjectAction>().ToHashSet();
        }

        var granted = await grants.IsGrantedAsync(tenant, person, cancellationToken);
        return access.ActionsOnAny(person, await StandingsAsync(tenant, person, cancellationToken), granted);
    }

    /// <summary>A project action asked without a project: allowed when one of the person's projects allows it.</summary>
    public async Task<AccessDecision> CanOnAnyAsync(
        TenantId tenant,
        PersonId person,
        ProjectAction action,
        CancellationToken cancellationToken) =>
        access.IsAdmin(person)
            ? AccessDecision.Allow
            : access.CanOnAny(person, action, await StandingsAsync(tenant, person, cancellationToken));

    private async Task<IReadOnlyList<Standing>> StandingsAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken)
    {
        var standings = new List<Standing>();
        foreach (var summary in await projects.ListForPersonAsync(tenant, person, cancellationToken))
        {
            if (summary.Role is not { } role)
            {
                continue;
            }

            var plain = new Standing(false, false, role, false, false);
            if (SameActions(person, plain, plain with { InEscalationChain = true, OwnsRisk = true }))
            {
                standings.Add(plain);
                continue;
            }

            // Read the project for its escalation chain, then its open risks only if owning one would still add an action.
            if (await projects.GetAsync(tenant, summary.Code, cancellationToken) is not { } read
                || read.Project.RoleOf(person) is not { } current)
            {
                continue;
            }

            var standing = new Standing(false, false, current, read.Project.EscalationChain.Contains(person), false);
            if (!SameActions(person, standing, standing with { OwnsRisk = true }))
            {
                var open = await risks.OpenOrChangedSinceAsync(tenant, summary.Code, clock.GetUtcNow(), cancellationToken);
                standing = standing with { OwnsRisk = open.Any(r => r.IsOpen && r.Owner == person) };
            }

            standings.Add(standing);
        }

        return standings;
    }

    private bool SameActions(PersonId person, Standing narrow, Standing wide) =>
        access.ActionsOnAny(person, [narrow]).SetEquals(access.ActionsOnAny(person, [wide]));
}
