namespace HealthItPm.Domain.Projects;

/// <summary>
/// A performance index (SPI, CPI) or a forecast that may not be computable yet. "Undefined" is a
/// value with a reason a PM can read, never a division by zero or an infinite number.
/// </summary>
public readonly record struct Ratio
{
    private Ratio(decimal? value, string? undefinedBecause)
    {
        Value = value;
        UndefinedBecause = undefinedBecause;
    }

    public decimal? Value { get; }

    public string? UndefinedBecause { get; }

    public bool IsDefined => Value.HasValue;

    public static Ratio Of(decimal numerator, decimal denominator, string undefinedWhenZero) =>
        denominator == 0 ? new Ratio(null, undefinedWhenZero) : new Ratio(numerator / denominator, null);

    public static Ratio Undefined(string because) => new(null, because);

    public override string ToString() => Value is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
