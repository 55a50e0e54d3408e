using System.Globalization;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.GoLive;

/// <summary>
/// The owners' attestations as a kind of round: the owners of attested criteria not met (at risk, not met, never attested or
/// stale) each get a card for their criteria, reminded once; an answer attests one criterion through
/// <see cref="GoLiveService.AttestAsync"/>. Attributed: everyone on the project reads every attestation on the scorecard.
/// </summary>
public static class AttestRounds
{
    public static AuditKind Started { get; } = new("GoLiveAttestStarted");

    public static AuditKind Answered { get; } = new("GoLiveAttestAnswered");

    public static FreeText Evidence { get; } = new("GoLiveAttestEvidence");

    public static RoundKind<AttestAnswer, AttestTally> Kind { get; } = new(
        name: "GoLiveAttest",
        started: Started,
        answered: Answered,
        topics: new RoundTopics("golive.attest.card", "golive.attest.reminder", "golive.attest.end"),
        freeText: [Evidence],
        tally: AttestTally.Of,
        seal: AttestAnswer.Sealed);
}

/// <summary>An owner's answer on their attestation card: which of their criteria, its state, and the evidence.</summary>
public sealed record AttestAnswer : IFreeTextAnswer<AttestAnswer>
{
    private AttestAnswer(int criterion, AttestedState state, GuardedText evidence) =>
        (Criterion, State, Evidence) = (criterion, state, evidence);

    public int Criterion { get; }

    public AttestedState State { get; }

    public GuardedText Evidence { get; }

    /// <summary>The answer as the gate takes it: a defined state and evidence words (required, at most the gate's length).</summary>
    public static AttestAnswer Create(int criterion, AttestedState state, GuardedText? evidence)
    {
        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        return new(criterion, state, GuardedText.Required(evidence, AttestRounds.Evidence, Attestation.MaxEvidenceLength));
    }

    public static AttestAnswer Restore(int criterion, AttestedState state, GuardedText evidence) => new(criterion, state, evidence);

    public GuardedText? TextOf(FreeText field) => field == AttestRounds.Evidence ? Evidence : null;

    public AttestAnswer WithoutPatientDetails(FreeText field) => field == AttestRounds.Evidence
        ? new(Criterion, State, RemovedText.Marker)
        : throw new ArgumentOutOfRangeException(nameof(field), field, "Not an attestation's field.");

    /// <summary>Attestations are never anonymous (they are on the scorecard with their owner): a closed round keeps every word.</summary>
    public static AttestAnswer Sealed(AttestAnswer answer, bool shown) => answer;
}

/// <summary>An attestation round's count: the owners asked and how many answered. Plain values only.</summary>
public sealed record AttestTally(int Asked, int Answered)
{
    public static AttestTally Of(Round round, IReadOnlyList<GivenAnswer<AttestAnswer>> counted)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(counted);
        return new AttestTally(round.Audience.Count, counted.Count);
    }
}

/// <summary>
/// The criteria an attestation round asks about, fixed when it opens and kept as the round's name (numbers only, never
/// words): an answer about any other criterion is refused, whoever owns it.
/// </summary>
public static class AttestRequest
{
    public static string Format(IEnumerable<int> criteria) =>
        string.Join(',', criteria.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The criteria asked; empty when the name is not a list of numbers.</summary>
    public static IReadOnlyList<int> Parse(string? name)
    {
        var numbers = new List<int>();
        foreach (var item in (name ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return [];
            }

            numbers.Add(n);
        }

        return numbers;
    }
}

/// <summary>
/// Asking owners to attest: at each checkpoint, and when a PM asks (<c>golive ask</c>). A round goes to the owners of the
/// attested criteria not met on the scorecard now; each answer attests one criterion of the round, by its owner.
/// </summary>
public sealed class GoLiveAttestations(RoundEngine engine, IProjectRepository projects, GoLiveService gate, AccessPolicy access)
{
    /// <summary>How long an attestation card stays open; its reminder goes halfway.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(4);

    /// <summary>The attested criteria to ask about: those not met (at risk, not met, not attested or stale).</summary>
    public static IReadOnlyList<GateCriterion> Due(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return [.. scorecard.Criteria.Where(c => !c.Criterion.IsComputed && c.State != CriterionState.Met).Select(c => c.Criterion)];
    }

    /// <summary>A PM asks now: a round to the owners of the criteria due (none due: nothing to ask).</summary>
    public async Task<Outcome<Round>> AskAsync(TenantId tenant, PersonId person, ProjectCode code, CancellationToken cancellationToken)
    {
        var project = await projects.AuthorizedAsync(access, tenant, person, code, ProjectAction.ManageGoLiveGate, cancellationToken);
        if (project is not Outcome<Project>.Done { Value: var found })
        {
            return project.Carry<Round>();
        }

        if (await gate.ScorecardOfAsync(tenant, found, cancellationToken) is not { } scorecard)
        {
            return new Outcome<Round>.NotFound(Problem.NoGateYet(code));
        }

        return Settings(found, scorecard) is { } settings
            ? await engine.StartAsync(tenant, person, found, AttestRounds.Kind, settings, cancellationToken)
            : new Outcome<Round>.Invalid(Problem.NothingToAttest(code));
    }

    /// <summary>At a checkpoint just kept: a round to the owners of the criteria due, if any; null when none is due.</summary>
    public async Task<Round?> AskAtCheckpointAsync(TenantId tenant, ProjectCode code, CancellationToken cancellationToken)
    {
        if (await projects.GetAsync(tenant, code, cancellationToken) is not { } read
            || await gate.ScorecardOfAsync(tenant, read.Project, cancellationToken) is not { } scorecard
            || Settings(read.Project, scorecard) is not { } settings)
        {
            return null;
        }

        var opened = await engine.OpenAsync(tenant, read.Project, AttestRounds.Kind, engine.ThisMinute, settings, cancellationToken);
        return opened is Outcome<Round>.Done { Value: var round } ? round : null;
    }

    /// <summary>
    /// Applies an owner's answer to the gate: a criterion the round asked about, attested by its owner while on the project
    /// (<see cref="GoLiveService.AttestAsync"/>); anything else is refused and nothing is stored.
    /// </summary>
    public async Task<Outcome<AttestAnswer>> AttestAsync(
        TenantId tenant, PersonId person, Round round, AttestAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answer);
        if (!AttestRequest.Parse(round.Name).Contains(answer.Criterion))
        {
            return new Outcome<AttestAnswer>.Invalid(Problem.NotAskedInRound(answer.Criterion));
        }

        var attested = await gate.AttestAsync(
            tenant, person, round.Project, answer.Criterion, answer.State, answer.Evidence, cancellationToken);
        return attested is Outcome<GateCriterion>.Done ? new Outcome<AttestAnswer>.Done(answer) : attested.Carry<AttestAnswer>();
    }

    /// <summary>The criteria of the round the person owns now, for their card (in number order).</summary>
    public static IReadOnlyList<GateCriterion> AskedOf(GoLiveGate gate, Round round, PersonId person)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(round);
        var asked = AttestRequest.Parse(round.Name);
        return [.. gate.Criteria.Where(c => asked.Contains(c.Number) && c.Owner == person && !c.IsComputed)];
    }

    private static RoundSettings? Settings(Project project, Scorecard scorecard)
    {
        var due = Due(scorecard).Where(c => project.RoleOf(c.Owner) is not null).ToList();
        return due.Count == 0
            ? null
            : new RoundSettings(
                OpenFor / 2,
                OpenFor,
                false,
                new Audience(new HashSet<StakeholderRole>(), new HashSet<string>(), People: due.Select(c => c.Owner).ToHashSet()),
                AttestRequest.Format(due.Select(c => c.Number)));
    }
}
