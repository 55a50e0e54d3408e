using System.Globalization;

namespace HealthItPm.Domain.Common;

/// <summary>An ISO 8601 week ("2026-W49"): Monday to Sunday, week 1 holding the year's first Thursday.</summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new DomainException(Problem.NotAnIsoWeek(year, week));
        }

        (Year, Week) = (year, week);
    }

    public int Year { get; }

    public int Week { get; }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public IsoWeek Previous => Of(Monday.AddDays(-7));

    public IsoWeek Next => Of(Monday.AddDays(7));

    public static IsoWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = default;
        var parts = text?.Split("-W", 2);
        if (parts is not { Length: 2 } || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || year is < 1 or > 9998
                || number < 1
                || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;

    public int CompareTo(IsoWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");
}
