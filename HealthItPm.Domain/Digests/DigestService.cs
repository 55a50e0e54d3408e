using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Digests;

/// <summary>The hospital's zone: a subscription's until the leader's own is known.</summary>
public sealed record DigestDefaults(string HospitalTimeZone);

/// <summary>
/// The leadership digest's use cases: subscribing (a leader themself, or a PM their project's
/// leaders), unsubscribing, the day and hour, and composing a leader's digest from stored facts. Every
/// change to a subscription is audited by kind, project and the leader's id, never with a day, hour or zone.
/// </summary>
public sealed class DigestService(IDigestStore store, IProjectRepository projects, IRiskStore risks, ICheckInPulse checkIns, AdkarService readiness, AccessPolicy access, IAuditLog audit, DigestDefaults defaults, TimeProvider clock)
{
    // How many projects' facts a digest reads at the same time.
    private const int ProjectsReadAtOnce = 8;

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<StoredSubscription?> GetAsync(TenantId tenant, PersonId leader, CancellationToken cancellationToken) => store.GetAsync(tenant, leader, cancellationToken);

    /// <summary>A leader subscribes themself to one project they lead, or (<paramref name="project"/> null) to the portfolio they lead.</summary>
    public async Task<Outcome<DigestSubscription>> SubscribeAsync(TenantId tenant, PersonId person, ProjectCode? project, string? timeZone, CancellationToken cancellationToken)
    {
        if (project is { } code)
        {
            var read = await projects.GetAsync(tenant, code, cancellationToken);
            var decision = read is null ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.ReceiveDigest, code)) : access.Can(person, ProjectAction.ReceiveDigest, read.Project);
            if (!decision.Allowed)
            {
                return new Outcome<DigestSubscription>.Refused(decision.Refusal!);
            }
        }
        else if (!access.IsAdmin(person) && !(await projects.ListForPersonAsync(tenant, person, cancellationToken)).Any(p => p.Role == ProjectRole.Leader))
        {
            return new Outcome<DigestSubscription>.Invalid(Problem.DigestNothingToLead());
        }

        return await AuditedAsync(tenant, person, AuditKind.DigestSubscribed, project, await ChangeAsync(tenant, person, timeZone, s => s.With(project), cancellationToken), cancellationToken);
    }

    /// <summary>A PM subscribes leaders of their project to its digest (each keeps their own day, hour and zone if already subscribed).</summary>
    public async Task<Outcome<IReadOnlyList<PersonId>>> SubscribeLeadersAsync(TenantId tenant, PersonId pm, ProjectCode code, IReadOnlyList<PersonId> leaders, IReadOnlyDictionary<PersonId, string?> zones, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leaders);
        ArgumentNullException.ThrowIfNull(zones);
        var read = await projects.GetAsync(tenant, code, cancellationToken);
        var decision = read is null ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.SubscribeLeadersToDigest, code)) : access.Can(pm, ProjectAction.SubscribeLeadersToDigest, read.Project);
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
            if (await ChangeAsync(tenant, leader, zones.GetValueOrDefault(leader), s => s.With(code), cancellationToken) is not Outcome<DigestSubscription>.Done)
            {
                return new Outcome<IReadOnlyList<PersonId>>.Invalid(Problem.DigestSubscriptionsChangedMeanwhile());
            }

            await audit.AppendAsync(tenant, AuditEntry.Now(clock, pm, AuditKind.DigestLeaderSubscribed, code, leader.Value), cancellationToken);
        }

        return new Outcome<IReadOnlyList<PersonId>>.Done(leaders);
    }

    /// <summary>Unsubscribes from one project, or (<paramref name="project"/> null) from every digest; done with null when nothing is left.</summary>
    public async Task<Outcome<DigestSubscription?>> UnsubscribeAsync(TenantId tenant, PersonId person, ProjectCode? project, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant, person, cancellationToken) is not { } stored)
        {
            return new Outcome<DigestSubscription?>.NotFound(Problem.DigestNotSubscribed());
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

        return await AuditedAsync(tenant, person, AuditKind.DigestUnsubscribed, project, outcome, cancellationToken);
    }

    /// <summary>Sets the day and hour (in the leader's zone) the digest arrives.</summary>
    public async Task<Outcome<DigestSubscription>> SetScheduleAsync(TenantId tenant, PersonId person, DayOfWeek day, int hour, string? timeZone, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(tenant, person, cancellationToken) is null)
        {
            return new Outcome<DigestSubscription>.NotFound(Problem.DigestNotSubscribedYet());
        }

        return await AuditedAsync(tenant, person, AuditKind.DigestScheduleChanged, null, await ChangeAsync(tenant, person, timeZone, s => s with { Day = day, Hour = hour }, cancellationToken), cancellationToken);
    }

    /// <summary>Keeps the zone Teams reports for a subscribed leader, so the digest follows them when they travel or the clocks change.</summary>
    public async Task NoteTimeZoneAsync(TenantId tenant, PersonId person, string? timeZone, CancellationToken cancellationToken)
    {
        if (DigestSchedule.IsTimeZone(timeZone) && await store.GetAsync(tenant, person, cancellationToken) is { } stored && stored.Subscription.TimeZone != timeZone!.Trim())
        {
            // Lost to a concurrent change, the zone is noted again at the leader's next digest command.
            await store.SaveAsync(stored.Subscription with { TimeZone = timeZone.Trim() }, stored.Version, cancellationToken);
        }
    }

    /// <summary>
    /// The digest a person would get now, sent to nobody and changing nothing: their subscription's,
    /// else one project's (<paramref name="project"/>, which they must be on), else the portfolio they lead,
    /// else the projects they manage.
    /// </summary>
    public async Task<Outcome<PortfolioDigest>> PreviewAsync(TenantId tenant, PersonId person, ProjectCode? project, string? timeZone, CancellationToken cancellationToken)
    {
        var zone = DigestSchedule.IsTimeZone(timeZone) ? timeZone! : defaults.HospitalTimeZone;
        if (project is { } code)
        {
            var read = await projects.GetAsync(tenant, code, cancellationToken);
            if (read is null || access.Can(person, ProjectAction.ViewStatus, read.Project) is { Allowed: false })
            {
                return new Outcome<PortfolioDigest>.NotFound(Problem.DigestNotOnProject(code));
            }

            return new Outcome<PortfolioDigest>.Done(await ComposeAsync(DigestSubscription.New(tenant, person, zone).With(code), keepSnapshots: false, cancellationToken));
        }

        if (await store.GetAsync(tenant, person, cancellationToken) is { } stored)
        {
            return new Outcome<PortfolioDigest>.Done(await ComposeAsync(stored.Subscription, keepSnapshots: false, cancellationToken));
        }

        var mine = await projects.ListForPersonAsync(tenant, person, cancellationToken);
        var codes = mine.Where(p => p.Role == ProjectRole.Leader).Select(p => p.Code).ToList();
        if (codes.Count == 0)
        {
            codes = [.. mine.Where(p => p.Role == ProjectRole.ProjectManager).Select(p => p.Code)];
        }

        return codes.Count == 0
            ? new Outcome<PortfolioDigest>.Invalid(Problem.DigestNothingToLead())
            : new Outcome<PortfolioDigest>.Done(await ComposeAsync(DigestSubscription.New(tenant, person, zone) with { Projects = codes }, keepSnapshots: false, cancellationToken));
    }

    /// <summary>
    /// The subscribers <c>digest now</c> sends to, with the week each gets (their own week now): every
    /// subscriber for an admin; for a PM, those whose digest covers a project they manage.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<(PersonId Leader, IsoWeek Week)>>> SendNowAsync(TenantId tenant, PersonId person, CancellationToken cancellationToken)
    {
        var now = Now;
        var all = await store.ListAsync(tenant, cancellationToken);
        if (access.IsAdmin(person))
        {
            return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Done([.. all.Select(s => (s.Subscription.Leader, s.Subscription.WeekOf(now)))]);
        }

        var managed = new List<Project>();
        foreach (var summary in (await projects.ListForPersonAsync(tenant, person, cancellationToken)).Where(p => p.Role == ProjectRole.ProjectManager))
        {
            if (await projects.GetAsync(tenant, summary.Code, cancellationToken) is { } read)
            {
                managed.Add(read.Project);
            }
        }

        if (managed.Count == 0)
        {
            return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Invalid(Problem.DigestSendOnlyForManagers());
        }

        return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Done(
            [.. all.Where(s => managed.Any(s.Subscription.Covers)).Select(s => (s.Subscription.Leader, s.Subscription.WeekOf(now)))]);
    }

    /// <summary>
    /// Composes a subscription's digest now from stored facts; with <paramref name="keepSnapshots"/> the
    /// week's per-project snapshots are stored (the first digest of a week keeps them), so next week's
    /// digest can say what changed.
    /// </summary>
    public async Task<PortfolioDigest> ComposeAsync(DigestSubscription subscription, bool keepSnapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = Now;
        var week = subscription.WeekOf(now);
        var tenant = subscription.Tenant;
        var codes = subscription.Projects.ToList();
        if (subscription.Portfolio)
        {
            codes.AddRange((await projects.ListForPersonAsync(tenant, subscription.Leader, cancellationToken)).Where(p => p.Role == ProjectRole.Leader).Select(p => p.Code));
        }

        codes = [.. codes.Distinct()];
        var since = subscription.OccurrenceIn(week.Previous);
        var lastWeek = (await store.SnapshotsAsync(tenant, week.Previous, codes, cancellationToken)).ToDictionary(s => s.Project);
        // A few projects at a time: a 60-project portfolio would otherwise send some 600 reads at once,
        // more than a storage account's connection (or the emulator) answers within the client's timeout.
        var facts = new DigestProjectFacts?[codes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, codes.Count), new ParallelOptions { MaxDegreeOfParallelism = ProjectsReadAtOnce, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var code = codes[i];
            if (await projects.GetAsync(tenant, code, token) is not { } read)
            {
                return;
            }

            var register = await risks.OpenOrChangedSinceAsync(tenant, code, since, token);
            var pulse = await checkIns.LatestAsync(tenant, code, token);

            // The latest closed readiness wave and the one before it; none yet, and the section says so.
            var move = await readiness.ReadinessMoveAsync(tenant, code, token);
            var ready = move is { } m ? Input(m.Latest, m.Previous is { } p ? Input(p, null) : null) : null;
            facts[i] = new DigestProjectFacts(read.Project, register, pulse, ready, lastWeek.GetValueOrDefault(code));
        });

        var digest = DigestComposer.Compose([.. facts.OfType<DigestProjectFacts>()], week, since, now);
        if (keepSnapshots && digest.Snapshots.Count > 0)
        {
            await store.AddSnapshotsAsync(tenant, digest.Snapshots, cancellationToken);
        }

        return digest;
    }

    // A change is audited once it is saved: a refused or lost change leaves no entry.
    private async Task<Outcome<T>> AuditedAsync<T>(TenantId tenant, PersonId person, AuditKind kind, ProjectCode? project, Outcome<T> outcome, CancellationToken cancellationToken)
    {
        if (outcome is Outcome<T>.Done)
        {
            await audit.AppendAsync(tenant, AuditEntry.Now(clock, person, kind, project), cancellationToken);
        }

        return outcome;
    }

    private static ReadinessInput Input(ReadinessSnapshot wave, ReadinessInput? previous) =>
        new(wave.Wave, wave.ClosedAt, wave.WithoutBarrierShare, wave.DominantBarrier, previous);

    private async Task<Outcome<DigestSubscription>> ChangeAsync(TenantId tenant, PersonId person, string? timeZone, Func<DigestSubscription, DigestSubscription> change, CancellationToken cancellationToken)
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
