using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Projects;

/// <summary>
/// A milestone of the plan. <see cref="Weight"/> is its share of the work (relative to the other
/// milestones), from which earned value is computed.
/// </summary>
public sealed record Milestone
{
    public const int MaxNameLength = 80;

    public Milestone(string name, DateOnly plannedDate, decimal weight, DateOnly? doneDate = null)
    {
        Name = Text.Required(name, "A milestone name", MaxNameLength);
        if (weight <= 0)
        {
            throw new DomainException("A milestone's weight must be more than 0 (its share of the work, e.g. 10).");
        }

        PlannedDate = plannedDate;
        Weight = weight;
        DoneDate = doneDate;
    }

    public string Name { get; }

    public DateOnly PlannedDate { get; }

    public decimal Weight { get; }

    public DateOnly? DoneDate { get; }

    public bool IsDone => DoneDate.HasValue;

    /// <summary>Whole days past its planned date, as of <paramref name="today"/>, while not done; 0 otherwise.</summary>
    public int DaysLate(DateOnly today) => IsDone || today <= PlannedDate ? 0 : today.DayNumber - PlannedDate.DayNumber;

    public Milestone MarkDone(DateOnly doneDate) => new(Name, PlannedDate, Weight, doneDate);
}
