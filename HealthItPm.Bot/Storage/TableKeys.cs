using System.Globalization;
using System.Text;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Makes arbitrary identifiers (Teams conversation ids, Bot Builder state keys) safe as PartitionKey
/// or RowKey. Table keys may not contain '/', '\', '#', '?' or control characters; those, and '%'
/// itself, are percent-encoded so the mapping is reversible and collision-free.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The smallest key strictly greater than every key starting with <paramref name="prefix"/>.</summary>
    public static string PrefixUpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }
}
