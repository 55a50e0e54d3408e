using System.Globalization;

namespace HealthItPm.Benchmarks;

/// <summary>The benchmarks' command-line options (<c>--name value</c>).</summary>
public static class BenchmarkOptions
{
    /// <summary>A positive whole number, else <paramref name="fallback"/>.</summary>
    public static int Count(string[] args, string name, int fallback)
    {
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, name);
        return at >= 0
            && at + 1 < args.Length
            && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value > 0
                ? value
                : fallback;
    }
}
