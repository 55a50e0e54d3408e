using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// The leadership digest itself: a leader's digest composed from stored facts (for the pipeline, and as a
/// preview that sends nothing), and whom <c>digest now</c> sends to. Who subscribes, and when they get it,
/// is <see cref="DigestSubscriptions"/>. A subscription follows membership as every action does: a digest
/// holds only the projects its leader may receive now (<see cref="ProjectAction.ReceiveDigest"/>), and one
/// left with none is not sent; a preview shows only projects the person may preview
/// (<see cref="ProjectAction.PreviewDigest"/>: their leaders and PMs).
/// </summary>
public sealed class DigestService(
    IDigestStore store,
    IProjectRepository projects,
    IRiskStore risks,
    ICheckInPulse checkIns,
    AdkarService readiness,
    AccessPolicy access,
    Capabilities capabilities,
    DigestDefaults defaults,
    GoLiveService gates,
    GoLiveVotes votes,
    TimeProvider clock)
{
    // How many projects' facts a digest reads at the same time.
    private const int ProjectsReadAtOnce = 8;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// The digest a person would get now, sent to nobody and changing nothing: one project's
    /// (<paramref name="project"/>, which they must lead or manage), else their subscription's (what of it
    /// they still lead), else the portfolio they lead, else the projects they manage (an admin on none: every
    /// project). Someone who leads and manages nothing is refused.
    /// </summary>
    public async Task<Outcome<PortfolioDigest>> PreviewAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode? project,
        string? timeZone,
        CancellationToken cancellationToken)
    {
        var zone = DigestSchedule.IsTimeZone(timeZone) ? timeZone! : defaults.HospitalTimeZone;
        bool Previewable(Project p) => access.Can(person, ProjectAction.PreviewDigest, p).Allowed;
        if (project is { } code)
        {
            var read = await projects.GetAsync(tenant, code, cancellationToken);
            var decision = read is null
                ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.PreviewDigest, code))
                : access.Can(person, ProjectAction.PreviewDigest, read.Project);
            if (!decision.Allowed)
            {
                return new Outcome<PortfolioDigest>.Refused(decision.Refusal!);
            }

            return new Outcome<PortfolioDigest>.Done(await ComposeAsync(
                DigestSubscription.New(tenant, person, zone).With(code),
                Previewable,
                keepSnapshots: false,
                cancellationToken));
        }

        if (await store.GetAsync(tenant, person, cancellationToken) is { } stored
            && await ComposeAsync(stored.Subscription, keepSnapshots: false, cancellationToken) is { Projects.Count: > 0 } subscribed)
        {
            return new Outcome<PortfolioDigest>.Done(subscribed);
        }

        if (await capabilities.CanOnAnyAsync(
            tenant,
            person,
            ProjectAction.PreviewDigest,
            cancellationToken) is { Allowed: false, Refusal: var refusal })
        {
            return new Outcome<PortfolioDigest>.Refused(refusal!);
        }

        var mine = await projects.ListForPersonAsync(tenant, person, cancellationToken);
        var codes = mine.Where(p => p.Role == ProjectRole.Leader).Select(p => p.Code).ToList();
        if (codes.Count == 0)
        {
            codes = [.. mine.Where(p => p.Role == ProjectRole.ProjectManager).Select(p => p.Code)];
        }

        if (codes.Count == 0 && access.IsAdmin(person))
        {
            codes = [.. (await projects.ListAsync(tenant, cancellationToken)).Select(p => p.Code)];
        }

        return new Outcome<PortfolioDigest>.Done(await ComposeAsync(
            DigestSubscription.New(tenant, person, zone) with { Projects = codes },
            Previewable,
            keepSnapshots: false,
            cancellationToken));
    }

    /// <summary>
    /// The subscribers <c>digest now</c> sends to, with the week each gets (their own week now): for an
    /// admin, every subscriber whose digest still holds a project; for a PM, those who receive a project
    /// they manage (subscribed to it, or leading it with the portfolio, and still its leaders).
    /// </summary>
    public async Task<Outcome<IReadOnlyList<(PersonId Leader, IsoWeek Week)>>> SendNowAsync(
        TenantId tenant,
        PersonId person,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var all = await store.ListAsync(tenant, cancellationToken);
        if (access.IsAdmin(person))
        {
            var read = new Dictionary<ProjectCode, Project?>();
            var receiving = new List<(PersonId, IsoWeek)>();
            foreach (var s in all.Select(s => s.Subscription))
            {
                if ((await ReceivedAsync(s, read, cancellationToken)).Count > 0)
                {
                    receiving.Add((s.Leader, s.WeekOf(now)));
                }
            }

            return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Done(receiving);
        }

        if (await capabilities.CanOnAnyAsync(
            tenant,
            person,
            ProjectAction.SendDigest,
            cancellationToken) is { Allowed: false, Refusal: var refusal })
        {
            return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Refused(refusal!);
        }

        var managed = new List<Project>();
        foreach (var summary in (await projects.ListForPersonAsync(tenant, person, cancellationToken))
            .Where(p => p.Role == ProjectRole.ProjectManager))
        {
            if (await projects.GetAsync(tenant, summary.Code, cancellationToken) is { } read
                && access.Can(person, ProjectAction.SendDigest, read.Project).Allowed)
            {
                managed.Add(read.Project);
            }
        }

        return new Outcome<IReadOnlyList<(PersonId, IsoWeek)>>.Done(
            [.. all.Where(s => managed.Any(p => Receives(s.Subscription, p)))
                .Select(s => (s.Subscription.Leader, s.Subscription.WeekOf(now)))]);
    }

    /// <summary>
    /// Composes a subscription's digest now from stored facts, with only the projects its leader may receive
    /// now (none left: no project in it, and the pipeline sends nothing); with <paramref name="keepSnapshots"/>
    /// the week's per-project snapshots are stored (the first digest of a week keeps them), so next week's
    /// digest can say what changed.
    /// </summary>
    public Task<PortfolioDigest> ComposeAsync(DigestSubscription subscription, bool keepSnapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return ComposeAsync(subscription, p => Receives(subscription, p), keepSnapshots, cancellationToken);
    }

    // Covered by the subscription, and its leader may receive the project's digest now.
    private bool Receives(DigestSubscription subscription, Project project) =>
        subscription.Covers(project) && access.Can(subscription.Leader, ProjectAction.ReceiveDigest, project).Allowed;

    // The projects a subscription's digest would hold now (projects read once across subscriptions).
    private async Task<IReadOnlyList<Project>> ReceivedAsync(
        DigestSubscription subscription,
        Dictionary<ProjectCode, Project?> read,
        CancellationToken cancellationToken)
    {
        var received = new List<Project>();
        foreach (var code in await CodesAsync(subscription, cancellationToken))
        {
            if (!read.TryGetValue(code, out var project))
            {
                read[code] = project = (await projects.GetAsync(subscription.Tenant, code, cancellationToken))?.Project;
            }

            if (project is not null && Receives(subscription, project))
            {
                received.Add(project);
            }
        }

        return received;
    }

    private async Task<List<ProjectCode>> CodesAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var codes = subscription.Projects.ToList();
        if (subscription.Portfolio)
        {
            codes.AddRange((await projects.ListForPersonAsync(subscription.Tenant, subscription.Leader, cancellationToken))
                .Where(p => p.Role == ProjectRole.Leader)
                .Select(p => p.Code));
        }

        return [.. codes.Distinct()];
    }

    private async Task<PortfolioDigest> ComposeAsync(
        DigestSubscription subscription,
        Func<Project, bool> include,
        bool keepSnapshots,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var week = subscription.WeekOf(now);
        var tenant = subscription.Tenant;
        var codes = await CodesAsync(subscription, cancellationToken);
        var since = subscription.OccurrenceIn(week.Previous);
        var lastWeek = (await store.SnapshotsAsync(tenant, week.Previous, codes, cancellationToken)).ToDictionary(s => s.Project);
        // A few projects at a time: a 60-project portfolio would otherwise send some 600 reads at once,
        // more than a storage account's connection (or the emulator) answers within the client's timeout.
        var facts = new DigestProjectFacts?[codes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, codes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ProjectsReadAtOnce, CancellationToken = cancellationToken },
            async (i, token) =>
        {
            var code = codes[i];
            if (await projects.GetAsync(tenant, code, token) is not { } read || !include(read.Project))
            {
                return;
            }

            var register = await risks.OpenOrChangedSinceAsync(tenant, code, since, token);
            var pulse = await checkIns.LatestAsync(tenant, code, token);

            // The latest closed readiness wave and the one before it; none yet, and the section says so.
            var move = await readiness.ReadinessMoveAsync(tenant, code, token);
            var ready = move is { } m ? Input(m.Latest, m.Previous is { } p ? Input(p, null) : null) : null;
            facts[i] = new DigestProjectFacts(
                read.Project, register, pulse, ready, lastWeek.GetValueOrDefault(code), await GateAsync(tenant, read.Project, token));
        });

        var digest = DigestComposer.Compose([.. facts.OfType<DigestProjectFacts>()], week, since, now);
        if (keepSnapshots && digest.Snapshots.Count > 0)
        {
            await store.AddSnapshotsAsync(tenant, digest.Snapshots, cancellationToken);
        }

        return digest;
    }

    // The gate's scorecard and the panel's last decision; none for a project without a gate.
    private async Task<GateFactsForDigest?> GateAsync(TenantId tenant, Project project, CancellationToken cancellationToken)
    {
        if (await gates.ScorecardOfAsync(tenant, project, cancellationToken) is not { } scorecard)
        {
            return null;
        }

        var last = await votes.LastDecisionAsync(tenant, project.Code, cancellationToken);
        return new GateFactsForDigest(scorecard, last?.Decision.Choice, last?.Round.ClosesAt);
    }

    private static ReadinessInput Input(ReadinessSnapshot wave, ReadinessInput? previous) =>
        new(wave.Wave, wave.ClosedAt, wave.WithoutBarrierShare, wave.DominantBarrier, previous);
}
