using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// The leadership digest itself: a leader's digest composed from stored facts (for the pipeline, and as a
/// preview that sends nothing), and whom <c>digest now</c> sends to. Who subscribes, and when they get it,
/// is <see cref="DigestSubscriptions"/>.
/// </summary>
public sealed class DigestService(IDigestStore store, IProjectRepository projects, IRiskStore risks, ICheckInPulse checkIns, AdkarService readiness, AccessPolicy access, DigestDefaults defaults, TimeProvider clock)
{
    // How many projects' facts a digest reads at the same time.
    private const int ProjectsReadAtOnce = 8;

    public DateTimeOffset Now => clock.GetUtcNow();

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

    private static ReadinessInput Input(ReadinessSnapshot wave, ReadinessInput? previous) =>
        new(wave.Wave, wave.ClosedAt, wave.WithoutBarrierShare, wave.DominantBarrier, previous);
}
