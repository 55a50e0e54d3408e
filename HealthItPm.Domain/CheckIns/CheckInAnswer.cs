using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

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
            throw new DomainException("Workflow impact is from 1 (none) to 5 (severe).");
        }

        Value = value;
    }

    public int Value { get; }
}

/// <summary>
/// One stakeholder's answer to a check-in: only what they chose. "On track" needs nothing more (the
/// impact stays unset unless given); "some concerns" and "blocked" need the workflow impact. Free text
/// never holds suspected PHI: <see cref="Create"/> refuses it, and says where it is, before anything
/// can be stored.
/// </summary>
public sealed record CheckInAnswer
{
    public const int MaxBlockersLength = 500;

    private CheckInAnswer(CheckInStatus status, WorkflowImpact? impact, string? blockers, bool trainingNeeded)
    {
        Status = status;
        Impact = impact;
        Blockers = blockers;
        TrainingNeeded = trainingNeeded;
    }

    public CheckInStatus Status { get; }

    /// <summary>The impact the person gave; null when they were on track and gave none.</summary>
    public WorkflowImpact? Impact { get; }

    public string? Blockers { get; }

    public bool TrainingNeeded { get; }

    /// <summary>
    /// An answer, or the suspected PHI in its blockers text (nothing is kept in that case), checked in
    /// <paramref name="context"/> so that the project's own people are not taken for patients.
    /// </summary>
    public static (CheckInAnswer? Answer, IReadOnlyList<PhiFinding> Phi) Create(CheckInStatus status, WorkflowImpact? impact, string? blockers, bool trainingNeeded, PhiContext? context = null)
    {
        if (impact is null && status != CheckInStatus.OnTrack)
        {
            throw new DomainException("With concerns or a block, say how much it affects your workflow (1–5).");
        }

        var text = Text.Optional(blockers, "What is blocking you", MaxBlockersLength);
        var phi = PhiGuard.Scan(text, context ?? PhiContext.None);
        return phi.Count > 0 ? (null, phi) : (new CheckInAnswer(status, impact, text, trainingNeeded), phi);
    }

    /// <summary>Rebuilds a stored answer (checked when it was given).</summary>
    public static CheckInAnswer Restore(CheckInStatus status, WorkflowImpact? impact, string? blockers, bool trainingNeeded) =>
        new(status, impact, blockers, trainingNeeded);
}
