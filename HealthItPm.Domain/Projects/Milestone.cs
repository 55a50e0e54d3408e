using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Projects;

/// <summary>
/// A milestone of the plan. <see cref="Weight"/> is its share of the work (relative to the other
/// milestones), from which earned value is computed. <see cref="PercentComplete"/>, when the PM records
/// it, is how far an open milestone has got (0–99; done is 100).
/// </summary>
public sealed record Milestone
{
    public const int MaxNameLength = 80;
    public const int MaxPercentOpen = 99;

    public Milestone(GuardedText name, DateOnly plannedDate, decimal weight, DateOnly? doneDate = null, int? percentComplete = null)
    {
        Name = GuardedText.Required(name, ProjectFreeText.MilestoneName, MaxNameLength);
        if (weight <= 0)
        {
            throw new DomainException(Problem.MilestoneWeightNotPositive());
        }

        if (percentComplete is < 0 or > MaxPercentOpen)
        {
            throw new DomainException(Problem.PercentCompleteOutOfRange(MaxPercentOpen));
        }

        PlannedDate = plannedDate;
        Weight = weight;
        DoneDate = doneDate;
        PercentComplete = doneDate.HasValue ? null : percentComplete;
    }

    public GuardedText Name { get; }

    public DateOnly PlannedDate { get; }

    public decimal Weight { get; }

    public DateOnly? DoneDate { get; }

    /// <summary>How far an open milestone has got, as the PM last recorded it; null when never recorded (and once done).</summary>
    public int? PercentComplete { get; }

    public bool IsDone => DoneDate.HasValue;

    /// <summary>The share of its weight earned by <paramref name="asOf"/>: all once done, else its percent complete, else none.</summary>
    public decimal EarnedShare(DateOnly asOf) =>
        DoneDate is { } done && done <= asOf ? 1m : (PercentComplete ?? 0) / 100m;

    /// <summary>Whole days past its planned date, as of <paramref name="today"/>, while not done; 0 otherwise.</summary>
    public int DaysLate(DateOnly today) => IsDone || today <= PlannedDate ? 0 : today.DayNumber - PlannedDate.DayNumber;

    public Milestone MarkDone(DateOnly doneDate) => new(Name, PlannedDate, Weight, doneDate);

    public Milestone WithProgress(int percentComplete) => IsDone
        ? throw new DomainException(Problem.MilestoneAlreadyDone(Name))
        : new(Name, PlannedDate, Weight, null, percentComplete);
}
