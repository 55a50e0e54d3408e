namespace HealthItPm.Domain.Projects;

/// <summary>Why a <see cref="Ratio"/> cannot be computed yet.</summary>
public enum RatioUndefined
{
    /// <summary>SPI without milestones.</summary>
    NoMilestones,

    /// <summary>SPI before any milestone was planned by the day.</summary>
    NothingPlanned,

    /// <summary>CPI (and EAC) without a budget.</summary>
    NoBudget,

    /// <summary>CPI (and EAC) before any spend.</summary>
    NoSpend,

    /// <summary>EAC while nothing is earned (CPI 0).</summary>
    NothingEarned,

    /// <summary>KPI progress before any measurement.</summary>
    NoMeasurement,

    /// <summary>KPI progress when the baseline is the target.</summary>
    BaselineIsTarget,
}

/// <summary>
/// A performance index (SPI, CPI) or a forecast that may not be computable yet. "Undefined" is a
/// value with a reason the bot words for a PM, never a division by zero or an infinite number.
/// </summary>
public readonly record struct Ratio
{
    private Ratio(decimal? value, RatioUndefined? undefinedBecause)
    {
        Value = value;
        UndefinedBecause = undefinedBecause;
    }

    public decimal? Value { get; }

    public RatioUndefined? UndefinedBecause { get; }

    public bool IsDefined => Value.HasValue;

    public static Ratio Of(decimal numerator, decimal denominator, RatioUndefined undefinedWhenZero) =>
        denominator == 0 ? new Ratio(null, undefinedWhenZero) : new Ratio(numerator / denominator, null);

    public static Ratio Undefined(RatioUndefined because) => new(null, because);

    public override string ToString() => Value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
