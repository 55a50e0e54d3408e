using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Readiness;

/// <summary>A project's readiness as of its latest closed wave: what the status card, the RAG rules and the digest read.</summary>
public sealed record ReadinessSnapshot(
    string Wave,
    DateTimeOffset ClosedAt,
    int Respondents,
    decimal WithoutBarrierShare,
    AdkarElement? DominantBarrier,
    decimal AwarenessOrDesireShare)
{
    public static ReadinessSnapshot Of(AdkarResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new(
            results.WaveName ?? results.WaveId,
            results.ClosesAt,
            results.AnsweredCount,
            results.WithoutBarrierShare,
            results.DominantBarrier,
            results.BarrierShare(AdkarElement.Awareness) + results.BarrierShare(AdkarElement.Desire));
    }
}

/// <summary>
/// ADKAR waves on the round engine: PMs start them, see the waves and their results; the people a
/// wave was sent to answer it. Results compare with the wave before.
/// </summary>
public sealed class AdkarService(
    IRoundStore rounds,
    RoundEngine engine,
    IProjectRepository projects,
    AccessPolicy access,
    TimeProvider clock)
{
    /// <summary>How many waves <c>adkar waves</c> lists and how far back a name is looked up.</summary>
    public const int WavesListed = 12;

    public const int MaxNameLength = 60;

    private static readonly TimeSpan ShortestWave = TimeSpan.FromHours(2);
    private static readonly TimeSpan LongestWave = TimeSpan.FromDays(30);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Opens a wave now; the reminder comes halfway to its close.</summary>
    public Task<Outcome<Round>> StartAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        string name,
        TimeSpan closeAfter,
        bool anonymous,
        Audience audience,
        CancellationToken cancellationToken) =>
        StartAsync(tenant, person, code, name, closeAfter, anonymous, audience, null, cancellationToken);

    /// <summary>
    /// Opens a wave now; <paramref name="after"/>: the open wave the PM confirmed starting another beside
    /// (<see cref="RoundEngine.StartAsync(TenantId, PersonId, Project, RoundKind, RoundSettings, string?, CancellationToken)"/>).
    /// </summary>
    public async Task<Outcome<Round>> StartAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        string name,
        TimeSpan closeAfter,
        bool anonymous,
        Audience audience,
        string? after,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageSurveys, cancellationToken);
        if (project is not Outcome<Project>.Done done)
        {
            return project.Carry<Round>();
        }

        string wave;
        try
        {
            wave = Text.Required(name, AdkarRounds.WaveName, MaxNameLength);
        }
        catch (DomainException e)
        {
            return new Outcome<Round>.Invalid(e.Problem);
        }

        if (closeAfter < ShortestWave || closeAfter > LongestWave)
        {
            return new Outcome<Round>.Invalid(Problem.WaveLengthOutOfRange(ShortestWave, LongestWave));
        }

        var settings = new RoundSettings(closeAfter / 2, closeAfter, anonymous, audience, wave);
        return await engine.StartAsync(tenant, person, done.Value, AdkarRounds.Kind, settings, after, cancellationToken);
    }

    /// <summary>The project's wave still open now, if any, for a PM (so <c>adkar start</c> can ask before starting another).</summary>
    public Task<Outcome<Round?>> OpenWaveAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken) =>
        engine.OpenRoundAsync(tenant, person, code, AdkarRounds.Kind, ProjectAction.ManageSurveys, cancellationToken);

    /// <summary>The project's latest waves, newest first, with their results (aggregates only).</summary>
    public async Task<Outcome<IReadOnlyList<AdkarResults>>> WavesAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageSurveys, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<IReadOnlyList<AdkarResults>>();
        }

        var waves = await rounds.LatestRoundsAsync(tenant, code, AdkarRounds.Kind, WavesListed, cancellationToken);
        var results = new List<AdkarResults>();
        foreach (var wave in waves)
        {
            results.Add(AdkarResults.From(
                wave,
                await rounds.AnswersAsync<AdkarAnswer>(tenant, wave, cancellationToken),
                clock.GetUtcNow()));
        }

        return new Outcome<IReadOnlyList<AdkarResults>>.Done(results);
    }

    /// <summary>A wave's results for a PM: the one named (by name or id), or the latest; compared with the wave before it.</summary>
    public async Task<Outcome<AdkarResults>> ResultsAsync(
        TenantId tenant,
        PersonId person,
        ProjectCode code,
        string? wave,
        CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageSurveys, cancellationToken);
        if (project is not Outcome<Project>.Done)
        {
            return project.Carry<AdkarResults>();
        }

        var waves = await rounds.LatestRoundsAsync(tenant, code, AdkarRounds.Kind, WavesListed, cancellationToken);
        if (waves.Count == 0)
        {
            return new Outcome<AdkarResults>.NotFound(Problem.NoSurveyYet());
        }

        var index = string.IsNullOrWhiteSpace(wave)
            ? 0
            : waves.ToList().FindIndex(w => string.Equals(w.Name, wave.Trim(), StringComparison.OrdinalIgnoreCase) || w.Id == wave.Trim());
        if (index < 0)
        {
            return new Outcome<AdkarResults>.NotFound(Problem.NoSuchWave(wave!));
        }

        return new Outcome<AdkarResults>.Done(await ResultsOfAsync(
            tenant,
            waves[index],
            index + 1 < waves.Count ? waves[index + 1] : null,
            cancellationToken));
    }

    /// <summary>A wave's results compared with the wave before it (for the card sent when it closes).</summary>
    public async Task<AdkarResults> ResultsOfAsync(TenantId tenant, Round wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        var before = (await rounds.LatestRoundsAsync(tenant, wave.Project, AdkarRounds.Kind, WavesListed, cancellationToken))
            .FirstOrDefault(w => w.OpensAt < wave.OpensAt);
        return await ResultsOfAsync(tenant, wave, before, cancellationToken);
    }

    /// <summary>The project's readiness as of its latest closed wave; null before any wave has closed with answers.</summary>
    public async Task<ReadinessSnapshot?> LatestReadinessAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken) =>
        (await ReadinessMoveAsync(tenant, code, 1, cancellationToken))?.Latest;

    /// <summary>
    /// The latest closed wave's readiness and the closed wave before it (null for the first, or one nobody
    /// answered): how readiness moved. Null before any wave has closed with answers.
    /// </summary>
    public Task<(ReadinessSnapshot Latest, ReadinessSnapshot? Previous)?> ReadinessMoveAsync(
        TenantId tenant,
        ProjectCode code,
        CancellationToken cancellationToken) =>
        ReadinessMoveAsync(tenant, code, 2, cancellationToken);

    // The latest waves, then the kept readiness of the last closed one (and of the one before it when asked
    // for two): never older waves, and never their answers once counted.
    private async Task<(ReadinessSnapshot Latest, ReadinessSnapshot? Previous)?> ReadinessMoveAsync(
        TenantId tenant,
        ProjectCode code,
        int waves,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closed = (await rounds.LatestRoundsAsync(tenant, code, AdkarRounds.Kind, WavesListed, cancellationToken))
            .Where(w => now >= w.ClosesAt)
            .Take(waves)
            .ToList();
        var readiness = await Task.WhenAll(closed.Select(wave => TallyAsync(tenant, wave, cancellationToken)));
        return readiness is [{ Readiness: { } latest }, ..] ? (latest, readiness.Length > 1 ? readiness[1].Readiness : null) : null;
    }

    /// <summary>What a closed wave's answers add up to (kept once it is final: <see cref="RoundEngine.TallyAsync"/>).</summary>
    public Task<WaveTally> TallyAsync(TenantId tenant, Round wave, CancellationToken cancellationToken) =>
        engine.TallyAsync(tenant, AdkarRounds.Kind, wave, cancellationToken);

    private async Task<AdkarResults> ResultsOfAsync(TenantId tenant, Round wave, Round? before, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var previous = before is null
            ? null
            : AdkarResults.From(before, await rounds.AnswersAsync<AdkarAnswer>(tenant, before, cancellationToken), now);
        return AdkarResults.From(wave, await rounds.AnswersAsync<AdkarAnswer>(tenant, wave, cancellationToken), now, previous);
    }
}
