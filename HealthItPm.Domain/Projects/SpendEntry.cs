using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Projects;

/// <summary>Money spent on the project on a day.</summary>
public sealed record SpendEntry
{
    public const int MaxNoteLength = 200;

    public SpendEntry(decimal amount, DateOnly date, GuardedText? note)
    {
        if (amount <= 0)
        {
            throw new DomainException(Problem.SpendNotPositive());
        }

        Amount = amount;
        Date = date;
        Note = GuardedText.Optional(note, ProjectFreeText.SpendNote, MaxNoteLength);
    }

    public decimal Amount { get; }

    public DateOnly Date { get; }

    public GuardedText? Note { get; }
}
