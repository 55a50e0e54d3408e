using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Projects;

public enum KpiDirection
{
    LowerIsBetter,
    HigherIsBetter,
}

public sealed record KpiMeasurement(DateOnly Date, decimal Value);

/// <summary>
/// An outcome measure the project is meant to move (no-show rate, report turnaround, portal
/// adoption): from a baseline toward a target, in a direction, measured over time.
/// </summary>
public sealed record Kpi
{
    public const int MaxNameLength = 60;
    public const int MaxUnitLength = 20;

    public Kpi(
        GuardedText name,
        GuardedText unit,
        decimal baseline,
        decimal target,
        KpiDirection direction,
        IReadOnlyList<KpiMeasurement>? measurements = null)
    {
        Name = GuardedText.Required(name, ProjectFreeText.KpiName, MaxNameLength);
        Unit = GuardedText.Required(unit, ProjectFreeText.KpiUnit, MaxUnitLength);
        var improves = direction == KpiDirection.LowerIsBetter ? target < baseline : target > baseline;
        if (!improves)
        {
            throw new DomainException(direction == KpiDirection.LowerIsBetter
                ? Problem.KpiTargetNotBelowBaseline()
                : Problem.KpiTargetNotAboveBaseline());
        }

        Baseline = baseline;
        Target = target;
        Direction = direction;
        Measurements = [.. (measurements ?? []).OrderBy(m => m.Date)];
    }

    public GuardedText Name { get; }

    public GuardedText Unit { get; }

    public decimal Baseline { get; }

    public decimal Target { get; }

    public KpiDirection Direction { get; }

    public IReadOnlyList<KpiMeasurement> Measurements { get; }

    public KpiMeasurement? Latest => Measurements.Count == 0 ? null : Measurements[^1];

    /// <summary>
    /// How far the latest measurement has moved from baseline to target: 0 at baseline, 1 at target,
    /// negative when it moved the wrong way, above 1 past the target. Undefined before any measurement.
    /// </summary>
    public Ratio Progress => Latest is { } latest
        ? Ratio.Of(latest.Value - Baseline, Target - Baseline, RatioUndefined.BaselineIsTarget)
        : Ratio.Undefined(RatioUndefined.NoMeasurement);

    public Kpi Record(KpiMeasurement measurement) => new(Name, Unit, Baseline, Target, Direction, [.. Measurements, measurement]);
}
