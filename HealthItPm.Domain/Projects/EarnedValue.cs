namespace HealthItPm.Domain.Projects;

/// <summary>
/// Earned value as of a day, from milestone weights and dates and from spend.
/// <list type="bullet">
/// <item>PV (planned value) = BAC × share of milestone weight planned on or before the day;</item>
/// <item>EV (earned value) = BAC × share of milestone weight done on or before the day;</item>
/// <item>AC (actual cost) = spend dated on or before the day;</item>
/// <item>SPI = EV / PV (undefined before anything was planned), CPI = EV / AC (undefined before any
/// spend), EAC = BAC / CPI (undefined while CPI is undefined or 0).</item>
/// </list>
/// </summary>
public sealed record EarnedValue(decimal BudgetAtCompletion, decimal PlannedValue, decimal EarnedValueAmount, decimal ActualCost, Ratio Spi, Ratio Cpi, Ratio EstimateAtCompletion)
{
    public static EarnedValue Compute(decimal budgetAtCompletion, IReadOnlyCollection<Milestone> milestones, IEnumerable<SpendEntry> spend, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(spend);
        var totalWeight = milestones.Sum(m => m.Weight);
        decimal Share(Func<Milestone, bool> counted) =>
            totalWeight == 0 ? 0 : budgetAtCompletion * milestones.Where(counted).Sum(m => m.Weight) / totalWeight;

        var pv = Share(m => m.PlannedDate <= asOf);
        var ev = Share(m => m.DoneDate is { } done && done <= asOf);
        var ac = spend.Where(s => s.Date <= asOf).Sum(s => s.Amount);

        var spi = totalWeight == 0 ? Ratio.Undefined("no milestones yet") : Ratio.Of(ev, pv, "nothing planned yet");
        var cpi = budgetAtCompletion == 0 ? Ratio.Undefined("no budget set") : Ratio.Of(ev, ac, "no spend recorded yet");
        var eac = cpi.Value switch
        {
            null => Ratio.Undefined(cpi.UndefinedBecause!),
            0 => Ratio.Undefined("nothing earned yet"),
            var value => Ratio.Of(budgetAtCompletion, value.Value, "nothing earned yet"),
        };
        return new EarnedValue(budgetAtCompletion, pv, ev, ac, spi, cpi, eac);
    }
}
