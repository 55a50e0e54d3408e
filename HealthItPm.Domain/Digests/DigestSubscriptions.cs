using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Digests;

/// <summary>The hospital's zone: a subscription's until the leader's own is known.</summary>
public sealed record DigestDefaults(string HospitalTimeZone);

/// <summary>
/// Who gets the leadership digest and when: a leader subscribing themself, a PM subscribing the project's
/// leaders, unsubscribing, the day and hour, and the leader's time zone as their Teams reports it. Every
/// change is audited by kind, project and the leader's id, never with a day, hour or zone. The digest is for
/// leaders (<see cref="ProjectAction.ReceiveDigest"/>): someone who leads no project and has no subscription
/// is refused, never told to subscribe.
/// </summary>
public sealed class DigestSubscriptions(
    IDigestStore store,
    IProjectRepository projects,
    AccessPolicy access,
    Capabilities capabilities,
    IAuditLog audit,
    DigestDefaults defaults,
    TimeProvider clock)
{
    public Task<StoredSubscription?> GetAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken) =>
        store.GetAsync(tenant, leader, cancellationToken);

    /// <summary>
    /// The person's subscription; when there is none, "not subscribed yet" for someone who may subscribe, else the refusal.
    /// </summary>
    public async Task<Outcome<DigestSubscription>> SubscriptionOfAsync(
        TenantId tenant,
        PersonId person,
        CancellationToken cancellationToken) =>
        await store.GetAsync(tenant, person, cancellationToken) is { } stored
            ? new Outcome<DigestSubscription>.Done(stored.Subscription)
            : await NoSubscriptionAsync<DigestSubscription>(tenant, person, Problem.DigestNotSubscribedYet(), cancellationToken);

    /// <summary>
    /// A leader subscribes themself to one project they lead, or (<paramref name="project"/> null) to the portfolio they lead.
    /// </summary>
    public async Task<Outcome<DigestSubscription>> SubscribeAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode? project,
        string? timeZone,
        CancellationToken cancellationToken)
    {
        if (project is { } code)
        {
            var read = await projects.GetAsync(tenant, code, cancellationToken);
            var decision = read is null
                ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.ReceiveDigest, code))
                : access.Can(person, ProjectAction.ReceiveDigest, read.Project);
            if (!decision.Allowed)
            {
                return new Outcome<DigestSubscription>.Refused(decision.Refusal!);
            }
        }
        else if (await capabilities.CanOnAnyAsync(
            tenant,
            person,
            ProjectAction.ReceiveDigest,
            cancellationToken) is { Allowed: false, Refusal: var refusal })
        {
            return new Outcome<DigestSubscription>.Refused(refusal!);
        }

        return await AuditedAsync(
            tenant,
            person,
            DigestAudit.DigestSubscribed,
            project,
            await ChangeAsync(tenant, person, timeZone, s => s.With(project), cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Whether <paramref name="subscription"/> would hold a project now: one it names that its leader may receive, or (with the
    /// portfolio) one they lead. False for a portfolio subscription made before its leader leads anything (an admin's): it is kept,
    /// and covers each project they become a leader of, but there is nothing to send until then.
    /// </summary>
    public async Task<bool> HoldsAProjectNowAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var mine = await projects.ListForPersonAsync(subscription.Tenant, subscription.Leader, cancellationToken);
        if (subscription.Portfolio && mine.Any(p => p.Role == ProjectRole.Leader))
        {
            return true;
        }

        foreach (var code in subscription.Projects)
        {
            if (await projects.GetAsync(subscription.Tenant, code, cancellationToken) is { } read
                && access.Can(subscription.Leader, ProjectAction.ReceiveDigest, read.Project).Allowed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A PM subscribes leaders of their project to its digest (each keeps their own day, hour and zone if already subscribed).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<PersonId>>> SubscribeLeadersAsync(
        TenantId tenant,
        PersonId pm,
        ProjectCode code,
        IReadOnlyList<PersonId> leaders,
        IReadOnlyDictionary<PersonId, string?> zones,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        ArgumentNullException.ThrowIfNull(zones);
        var read = await projects.GetAsync(tenant, code, cancellationToken);
        var decision = read is null
            ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.SubscribeLeadersToDigest, code))
            : access.Can(pm, ProjectAction.SubscribeLeadersToDigest, read.Project);
        if (read is null || !decision.Allowed)
        {
            return new Outcome<IReadOnlyList<PersonId>>.Refused(decision.Refusal!);
        }

        if (leaders.Count == 0 || leaders.Any(l => read.Project.RoleOf(l) != ProjectRole.Leader))
        {
            return new Outcome<IReadOnlyList<PersonId>>.Invalid(Problem.DigestOnlyLeaders());
        }

        foreach (var leader in leaders)
        {
            if (await ChangeAsync(
                tenant,
                leader,
                zones.GetValueOrDefault(leader),
                s => s.With(code),
                cancellationToken) is not Outcome<DigestSubscription>.Done)
            {
                return new Outcome<IReadOnlyList<PersonId>>.Invalid(Problem.DigestSubscriptionsChangedMeanwhile());
            }

            await audit.AppendAsync(
                tenant,
                AuditEntry.Now(clock, pm, DigestAudit.DigestLeaderSubscribed, code, leader.Value),
                cancellationToken);
        }

        return new Outcome<IReadOnlyList<PersonId>>.Done(leaders);
    }

    /// <summary>
    /// Unsubscribes from one project, or (<paramref name="project"/> null) from every digest; done with null when nothing is left.
    /// </summary>
    public async Task<Outcome<DigestSubscription?>> UnsubscribeAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode? project,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant, person, cancellationToken) is not { } stored)
        {
            return await NoSubscriptionAsync<DigestSubscription?>(tenant, person, Problem.DigestNotSubscribed(), cancellationToken);
        }

        var left = stored.Subscription.Without(project);
        Outcome<DigestSubscription?> outcome;
        if (left.IsEmpty)
        {
            await store.RemoveAsync(tenant, person, cancellationToken);
            outcome = new Outcome<DigestSubscription?>.Done(null);
        }
        else
        {
            outcome = await store.SaveAsync(left, stored.Version, cancellationToken)
                ? new Outcome<DigestSubscription?>.Done(left)
                : new Outcome<DigestSubscription?>.Invalid(Problem.DigestSubscriptionChangedMeanwhile());
        }

        return await AuditedAsync(tenant, person, DigestAudit.DigestUnsubscribed, project, outcome, cancellationToken);
    }

    /// <summary>Sets the day and hour (in the leader's zone) the digest arrives.</summary>
    public async Task<Outcome<DigestSubscription>> SetScheduleAsync(
        TenantId tenant,
        PersonId person,
        DayOfWeek day,
        int hour,
        string? timeZone,
        CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant, person, cancellationToken) is null)
        {
            return await NoSubscriptionAsync<DigestSubscription>(tenant, person, Problem.DigestNotSubscribedYet(), cancellationToken);
        }

        return await AuditedAsync(
            tenant,
            person,
            DigestAudit.DigestScheduleChanged,
            null,
            await ChangeAsync(tenant, person, timeZone, s => s with { Day = day, Hour = hour }, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Keeps the zone Teams reports for a subscribed leader, so the digest follows them when they travel or the clocks change.
    /// </summary>
    public async Task NoteTimeZoneAsync(TenantId tenant, PersonId person, string? timeZone, CancellationToken cancellationToken)
    {
        if (DigestSchedule.IsTimeZone(timeZone)
            && await store.GetAsync(tenant, person, cancellationToken) is { } stored
            && stored.Subscription.TimeZone != timeZone!.Trim())
        {
            // Lost to a concurrent change, the zone is noted again at the leader's next digest command.
            await store.SaveAsync(stored.Subscription with { TimeZone = timeZone.Trim() }, stored.Version, cancellationToken);
        }
    }

    // Without a subscription: "subscribe first" only to someone who may subscribe (a leader, an admin); anyone else hears why not.
    private async Task<Outcome<T>> NoSubscriptionAsync<T>(
        TenantId tenant,
        PersonId person,
        Problem problem,
        CancellationToken cancellationToken) =>
        await capabilities.CanOnAnyAsync(
            tenant,
            person,
            ProjectAction.ReceiveDigest,
            cancellationToken) is { Allowed: false, Refusal: var refusal }
            ? new Outcome<T>.Refused(refusal!)
            : new Outcome<T>.NotFound(problem);

    // A change is audited once it is saved: a refused or lost change leaves no entry.
    private async Task<Outcome<T>> AuditedAsync<T>(
        TenantId tenant,
        PersonId person,
        AuditKind kind,
        ProjectCode? project,
        Outcome<T> outcome,
        CancellationToken cancellationToken)
    {
        if (outcome is Outcome<T>.Done)
        {
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind, project), cancellationToken);
        }

        return outcome;
    }

    private async Task<Outcome<DigestSubscription>> ChangeAsync(
        TenantId tenant,
        PersonId person,
        string? timeZone,
        Func<DigestSubscription, DigestSubscription> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var stored = await store.GetAsync(tenant, person, cancellationToken);
            var current = stored?.Subscription ?? DigestSubscription.New(tenant, person, defaults.HospitalTimeZone);
            var changed = change(current) with { TimeZone = DigestSchedule.IsTimeZone(timeZone) ? timeZone!.Trim() : current.TimeZone };
            if (await store.SaveAsync(changed, stored?.Version, cancellationToken))
            {
                return new Outcome<DigestSubscription>.Done(changed);
            }
        }

        return new Outcome<DigestSubscription>.Invalid(Problem.DigestSubscriptionChangedMeanwhile());
    }
}
