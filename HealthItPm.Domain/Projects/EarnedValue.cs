namespace HealthItPm.Domain.Projects;

/// <summary>
/// Earned value as of a day, from milestone weights and dates and from spend.
/// <list type="bullet">
/// <item>PV (planned value) = BAC × share of milestone weight planned on or before the day;</item>
/// <item>EV (earned value) = BAC × share of milestone weight earned by the day: a milestone done by
/// then earns all its weight; an open one earns its recorded percent complete (the percent-complete
/// method), or nothing while no percent is recorded on any open milestone (the 0/100 method);</item>
/// <item>AC (actual cost) = spend dated on or before the day;</item>
/// <item>SPI = EV / PV (undefined before anything was planned), CPI = EV / AC (undefined before any
/// spend), EAC = BAC / CPI (undefined while CPI is undefined or 0).</item>
/// </list>
/// </summary>
public sealed record EarnedValue(
    decimal BudgetAtCompletion,
    decimal PlannedValue,
    decimal EarnedValueAmount,
    decimal ActualCost,
    Ratio Spi,
    Ratio Cpi,
    Ratio EstimateAtCompletion,
    EarnedValueMethod Method = EarnedValueMethod.ZeroHundred)
{
    public static EarnedValue Compute(
        decimal budgetAtCompletion,
        IReadOnlyCollection<Milestone> milestones,
        IEnumerable<SpendEntry> spend,
        DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        ArgumentNullException.ThrowIfNull(spend);
        var totalWeight = milestones.Sum(m => m.Weight);
        decimal Share(Func<Milestone, decimal> share) =>
            totalWeight == 0 ? 0 : budgetAtCompletion * milestones.Sum(m => m.Weight * share(m)) / totalWeight;

        var pv = Share(m => m.PlannedDate <= asOf ? 1 : 0);
        var ev = Share(m => m.EarnedShare(asOf));
        var method = milestones.Any(m => !m.IsDone && m.PercentComplete is not null)
            ? EarnedValueMethod.PercentComplete
            : EarnedValueMethod.ZeroHundred;
        var ac = spend.Where(s => s.Date <= asOf).Sum(s => s.Amount);

        var spi = totalWeight == 0 ? Ratio.Undefined(RatioUndefined.NoMilestones) : Ratio.Of(ev, pv, RatioUndefined.NothingPlanned);
        var cpi = budgetAtCompletion == 0 ? Ratio.Undefined(RatioUndefined.NoBudget) : Ratio.Of(ev, ac, RatioUndefined.NoSpend);
        var eac = cpi.Value switch
        {
            null => Ratio.Undefined(cpi.UndefinedBecause!.Value),
            0 => Ratio.Undefined(RatioUndefined.NothingEarned),
            var value => Ratio.Of(budgetAtCompletion, value.Value, RatioUndefined.NothingEarned),
        };
        return new EarnedValue(budgetAtCompletion, pv, ev, ac, spi, cpi, eac, method);
    }
}

/// <summary>How earned value credits milestones that are not done yet.</summary>
public enum EarnedValueMethod
{
    /// <summary>A milestone earns nothing until done, then all its weight.</summary>
    ZeroHundred,

    /// <summary>An open milestone earns its weight times the percent complete the PM recorded.</summary>
    PercentComplete,
}
