using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.GoLive;

/// <summary>A criterion's state on a scorecard: only <see cref="Met"/> counts as met.</summary>
public enum CriterionState
{
    Met,
    AtRisk,
    NotMet,
    Unknown,
}

/// <summary>The gate's recommendation (docs/go-live-gate.md): go, go with conditions, or no-go.</summary>
public enum Recommendation
{
    Go,
    GoWithConditions,
    NoGo,
}

/// <summary>A criterion's state as a checkpoint kept it.</summary>
public sealed record KeptCriterion(int Number, CriterionState State);

/// <summary>
/// A checkpoint as kept: how many days before the gate's date it was due, the date it was kept on, the
/// recommendation and every criterion's state then, and the owners of unmet criteria to remind.
/// </summary>
public sealed record Checkpoint(
    int DaysBefore,
    DateOnly KeptOn,
    Recommendation Recommendation,
    IReadOnlyList<KeptCriterion> Criteria,
    IReadOnlyList<PersonId> Remind)
{
    public int Met => Criteria.Count(c => c.State == CriterionState.Met);
}

/// <summary>Everything a gate is, for storing and restoring it.</summary>
public sealed record GateState(
    ProjectCode Project,
    DateOnly Date,
    DateOnly SetOn,
    IReadOnlyList<int> CheckpointDays,
    IReadOnlyList<GateCriterion> Criteria,
    IReadOnlyList<Checkpoint> Checkpoints,
    int LastNumber);

/// <summary>
/// A project's go-live readiness gate: the go/no-go date, the criteria with owners, and the checkpoints
/// kept. Every change goes through a method that checks it; an invalid one throws <see cref="DomainException"/>.
/// </summary>
public sealed class GoLiveGate
{
    public const int MaxCriteria = 60;
    public const int MaxCheckpointDays = 365;

    /// <summary>Checkpoints unless the PM picks others: 90, 60, 30 and 7 days before the date.</summary>
    public static readonly IReadOnlyList<int> DefaultCheckpointDays = [90, 60, 30, 7];

    private readonly List<GateCriterion> _criteria;
    private readonly List<Checkpoint> _checkpoints;

    private GoLiveGate(GateState state)
    {
        Project = state.Project;
        Date = state.Date;
        SetOn = state.SetOn;
        CheckpointDays = [.. state.CheckpointDays.Distinct().OrderDescending()];
        _criteria = [.. state.Criteria.OrderBy(c => c.Number)];
        _checkpoints = [.. state.Checkpoints];
        LastNumber = state.LastNumber;
    }

    public ProjectCode Project { get; }

    /// <summary>The go/no-go date: days to go and checkpoints count to it.</summary>
    public DateOnly Date { get; private set; }

    /// <summary>The day the gate was set: checkpoints due before it were never kept.</summary>
    public DateOnly SetOn { get; }

    /// <summary>Days before <see cref="Date"/> at which the scorecard is kept, largest first.</summary>
    public IReadOnlyList<int> CheckpointDays { get; private set; }

    public IReadOnlyList<GateCriterion> Criteria => _criteria;

    /// <summary>Kept checkpoints, oldest first.</summary>
    public IReadOnlyList<Checkpoint> Checkpoints => _checkpoints;

    public int LastNumber { get; private set; }

    /// <summary>A new gate on <paramref name="date"/> with the template of the project's kind, owned by <paramref name="owner"/>.</summary>
    public static GoLiveGate FromTemplate(Project project, DateOnly date, PersonId owner, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(project);
        CheckDate(date, today);
        CheckOwner(project, owner);
        var items = GateTemplates.For(project.Kind);
        var criteria = items.Select((t, i) => new GateCriterion(
            i + 1,
            t.Group,
            t.Key,
            null,
            t.Importance,
            owner,
            t.Measure,
            t.Measure is { } m ? GateCriterion.DefaultThreshold(m) : null,
            null,
            GateCriterion.DefaultStaleAfterDays,
            null)).ToList();
        return new GoLiveGate(new GateState(project.Code, date, today, DefaultCheckpointDays, criteria, [], criteria.Count));
    }

    public static GoLiveGate Restore(GateState state) => new(state);

    public GateState ToState() => new(Project, Date, SetOn, CheckpointDays, [.. _criteria], [.. _checkpoints], LastNumber);

    public GateCriterion? Find(int number) => _criteria.Find(c => c.Number == number);

    public void Reschedule(DateOnly date, IReadOnlyList<int> checkpointDays, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(checkpointDays);
        CheckDate(date, today);
        if (checkpointDays.Any(d => d is < 1 or > MaxCheckpointDays))
        {
            throw new DomainException(Problem.CheckpointDaysOutOfRange(MaxCheckpointDays));
        }

        Date = date;
        CheckpointDays = [.. checkpointDays.Distinct().OrderDescending()];
    }

    /// <summary>Adds a criterion (its number is the next one); returns it.</summary>
    public GateCriterion Add(Project project, CriterionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (_criteria.Count >= MaxCriteria)
        {
            throw new DomainException(Problem.TooManyCriteria(MaxCriteria));
        }

        var criterion = Checked(project, new GateCriterion(
            LastNumber + 1,
            draft.Group,
            null,
            GuardedText.Required(draft.Name, GoLiveFreeText.GoLiveCriterion, GateCriterion.MaxNameLength),
            draft.Importance, draft.Owner, draft.Measure, draft.Threshold, draft.Subject, draft.StaleAfterDays, null));
        LastNumber++;
        _criteria.Add(criterion);
        return criterion;
    }

    /// <summary>
    /// Changes a criterion: its name (null keeps it), must/should, owner, threshold, subject, stale days. How it
    /// is judged stays; a new owner's criterion keeps the attestation given so far until it goes stale.
    /// </summary>
    public GateCriterion Edit(Project project, int number, CriterionEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var current = Find(number) ?? throw new DomainException(Problem.NoSuchCriterion(number));
        var changed = Checked(project, current with
        {
            Name = GuardedText.Optional(edit.Name, GoLiveFreeText.GoLiveCriterion, GateCriterion.MaxNameLength) ?? current.Name,
            Importance = edit.Importance,
            Owner = edit.Owner,
            Threshold = current.Measure is { } m && GateCriterion.HasThreshold(m) ? edit.Threshold : null,
            Subject = edit.Subject,
            StaleAfterDays = edit.StaleAfterDays,
        });
        _criteria[_criteria.IndexOf(current)] = changed;
        return changed;
    }

    public void Remove(int number)
    {
        var current = Find(number) ?? throw new DomainException(Problem.NoSuchCriterion(number));
        _criteria.Remove(current);
    }

    /// <summary>The owner's word on an attested criterion, dated today.</summary>
    public GateCriterion Attest(int number, PersonId by, AttestedState state, GuardedText evidence, DateOnly today)
    {
        var current = Find(number) ?? throw new DomainException(Problem.NoSuchCriterion(number));
        if (current.IsComputed)
        {
            throw new DomainException(Problem.CriterionIsComputed(number));
        }

        if (current.Owner != by)
        {
            throw new DomainException(Problem.NotCriterionOwner(number));
        }

        if (!Enum.IsDefined(state))
        {
            throw new ArgumentOutOfRangeException(nameof(state));
        }

        var words = GuardedText.Required(evidence, GoLiveFreeText.GoLiveEvidence, Attestation.MaxEvidenceLength);
        var attested = current with { Attestation = new Attestation(state, words, today, by) };
        _criteria[_criteria.IndexOf(current)] = attested;
        return attested;
    }

    /// <summary>
    /// Patient details that got through the guard, removed from the evidence of every attestation with these words
    /// (<see cref="RemovedText.Fingerprint"/>); false when none had them.
    /// </summary>
    public bool RemovePatientDetails(string fingerprint)
    {
        var removed = false;
        for (var i = 0; i < _criteria.Count; i++)
        {
            if (_criteria[i].Attestation is { } attestation && !RemovedText.IsRemoved(attestation.Evidence.Value)
                && string.Equals(RemovedText.Fingerprint(attestation.Evidence.Value), fingerprint, StringComparison.Ordinal))
            {
                _criteria[i] = _criteria[i] with { Attestation = attestation with { Evidence = RemovedText.Marker } };
                removed = true;
            }
        }

        return removed;
    }

    /// <summary>
    /// The checkpoint due on <paramref name="today"/>, if any: the latest of <see cref="CheckpointDays"/> whose date
    /// (the gate's date less its days) has come, was not before the gate was set, and is not yet kept; none once a
    /// later one was kept or the gate's date has passed.
    /// </summary>
    public int? DueCheckpoint(DateOnly today)
    {
        if (today > Date)
        {
            return null;
        }

        var due = CheckpointDays
            .Where(d => Date.AddDays(-d) is var on && on <= today && on >= SetOn)
            .Select(d => (int?)d)
            .LastOrDefault();
        return due is { } days && !_checkpoints.Any(k => k.DaysBefore <= days) ? days : null;
    }

    /// <summary>Keeps the scorecard as it stands as the checkpoint <paramref name="daysBefore"/>.</summary>
    public Checkpoint Keep(int daysBefore, Scorecard scorecard, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var kept = new Checkpoint(
            daysBefore,
            today,
            scorecard.Recommendation,
            [.. scorecard.Criteria.Select(c => new KeptCriterion(c.Criterion.Number, c.State))],
            scorecard.OwnersToRemind);
        _checkpoints.Add(kept);
        return kept;
    }

    private static void CheckDate(DateOnly date, DateOnly today)
    {
        if (date < today)
        {
            throw new DomainException(Problem.GateDateInPast());
        }
    }

    private static void CheckOwner(Project project, PersonId owner)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.RoleOf(owner) is null)
        {
            throw new DomainException(Problem.OwnerNotOnGateProject());
        }
    }

    private static GateCriterion Checked(Project project, GateCriterion criterion)
    {
        CheckOwner(project, criterion.Owner);
        if (!Enum.IsDefined(criterion.Group) || !Enum.IsDefined(criterion.Importance))
        {
            throw new ArgumentOutOfRangeException(nameof(criterion));
        }

        if (criterion.StaleAfterDays is < 1 or > GateCriterion.MaxStaleAfterDays)
        {
            throw new DomainException(Problem.StaleDaysOutOfRange(GateCriterion.MaxStaleAfterDays));
        }

        var subject = GuardedText.Optional(criterion.Subject, GoLiveFreeText.GoLiveSubject, GateCriterion.MaxSubjectLength);
        if (criterion.Measure is not { } measure)
        {
            return criterion with { Subject = null, Threshold = null };
        }

        if (measure == Measure.KpiAtOrPast && (subject is null || criterion.Threshold is null))
        {
            throw new DomainException(Problem.SubjectRequired());
        }

        var threshold = GateCriterion.HasThreshold(measure) ? criterion.Threshold ?? GateCriterion.DefaultThreshold(measure) : null;
        // The problem names the bounds as the PM types them: shares in percent.
        var (min, max, typed) = measure switch
        {
            Measure.ReadinessWithoutBarrier or Measure.CheckInBlockedShare => (0, 100, 100m),
            Measure.OpenCriticalRisks or Measure.TrainingRequestsOpen => (0, 1000, 1m),
            _ => (-1_000_000_000, 1_000_000_000, 1m),
        };
        if (threshold is { } t && (t * typed < min || t * typed > max))
        {
            throw new DomainException(Problem.ThresholdOutOfRange(min, max));
        }

        return criterion with
        {
            Threshold = threshold,
            Subject = measure is Measure.MilestonesDone or Measure.KpiAtOrPast ? subject : null,
        };
    }
}

/// <summary>A criterion the PM adds: every field of <see cref="GateCriterion"/> they choose.</summary>
public sealed record CriterionDraft(
    GateGroup Group,
    GuardedText? Name,
    Importance Importance,
    PersonId Owner,
    Measure? Measure,
    decimal? Threshold,
    GuardedText? Subject,
    int StaleAfterDays = GateCriterion.DefaultStaleAfterDays);

/// <summary>What the PM may change on a criterion (its name null: kept).</summary>
public sealed record CriterionEdit(
    GuardedText? Name,
    Importance Importance,
    PersonId Owner,
    decimal? Threshold,
    GuardedText? Subject,
    int StaleAfterDays);
