using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.CheckIns;

public enum CheckInStatus
{
    OnTrack,
    SomeConcerns,
    Blocked,
}

/// <summary>How much the change disrupts a person's workflow: 1 (not at all) to 5 (severely).</summary>
public readonly record struct WorkflowImpact
{
    public WorkflowImpact(int value)
    {
        if (value is < 1 or > 5)
        {
            throw new DomainException(Problem.ImpactOutOfRange());
        }

        Value = value;
    }

    public int Value { get; }
}

/// <summary>
/// One stakeholder's answer to a check-in: only what they chose. "On track" needs nothing more (the
/// impact stays unset unless given); "some concerns" and "blocked" need the workflow impact. Its free
/// text is <see cref="GuardedText"/>: checked for PHI (in the round's context, so its people are not
/// taken for patients) before the answer can exist.
/// </summary>
public sealed record CheckInAnswer : IFreeTextAnswer<CheckInAnswer>
{
    public const int MaxBlockersLength = 500;

    private CheckInAnswer(CheckInStatus status, WorkflowImpact? impact, GuardedText? blockers, bool trainingNeeded)
    {
        Status = status;
        Impact = impact;
        Blockers = blockers;
        TrainingNeeded = trainingNeeded;
    }

    public CheckInStatus Status { get; }

    /// <summary>The impact the person gave; null when they were on track and gave none.</summary>
    public WorkflowImpact? Impact { get; }

    public GuardedText? Blockers { get; }

    public bool TrainingNeeded { get; }

    public static CheckInAnswer Create(CheckInStatus status, WorkflowImpact? impact, GuardedText? blockers, bool trainingNeeded)
    {
        if (impact is null && status != CheckInStatus.OnTrack)
        {
            throw new DomainException(Problem.ImpactNeeded());
        }

        return new(status, impact, GuardedText.Optional(blockers, CheckInRounds.Blockers, MaxBlockersLength), trainingNeeded);
    }

    /// <summary>Rebuilds a stored answer (checked when it was given).</summary>
    /// <summary>
    /// What a closed anonymous check-in keeps of the answer: all of it when the round's answers are shown, else its
    /// status and impact without the person's words (which the round never shows).
    /// </summary>
    public static CheckInAnswer Sealed(CheckInAnswer answer, bool shown)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return shown ? answer : new(answer.Status, answer.Impact, null, false);
    }

    public GuardedText? TextOf(FreeText field) => field == CheckInRounds.Blockers ? Blockers : null;

    public CheckInAnswer WithoutPatientDetails(FreeText field) => field == CheckInRounds.Blockers
        ? new(Status, Impact, RemovedText.Marker, TrainingNeeded)
        : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a check-in answer's field.");

    public static CheckInAnswer Restore(CheckInStatus status, WorkflowImpact? impact, GuardedText? blockers, bool trainingNeeded) =>
        new(status, impact, blockers, trainingNeeded);
}
