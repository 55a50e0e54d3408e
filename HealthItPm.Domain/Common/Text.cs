using System.Text;

namespace HealthItPm.Domain.Common;

/// <summary>
/// Free text checked for presence and length with the same problems everywhere (guarded text with the same ones by
/// <c>GuardedText.Required</c>), and cleaned of characters that change how text looks without being seen: control
/// characters (line breaks and tabs excepted), bidirectional overrides and isolates (a name that reads backwards) and
/// zero-width characters (two names that look the same but differ).
/// </summary>
public static class Text
{
    public static string Required(string? value, FreeText what, int maxLength)
    {
        var trimmed = Clean(value).Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(Problem.Required(what));
        }

        return Limited(trimmed, what, maxLength);
    }

    public static string? Optional(string? value, FreeText what, int maxLength)
    {
        var trimmed = Clean(value).Trim();
        return trimmed.Length == 0 ? null : Limited(trimmed, what, maxLength);
    }

    /// <summary>The text without invisible characters that could disguise it; line breaks and tabs stay.</summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(IsInvisible))
        {
            return value ?? string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Where(c => !IsInvisible(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsInvisible(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
        || c is >= '\u200B' and <= '\u200F'   // zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
        || c is >= '\u202A' and <= '\u202E'   // bidirectional embeddings and overrides
        || c is >= '\u2060' and <= '\u2069'   // word joiner, invisible operators, bidirectional isolates
        || c == '\uFEFF';                     // zero-width no-break space (byte order mark)

    private static string Limited(string value, FreeText what, int maxLength) =>
        value.Length <= maxLength ? value : throw new DomainException(Problem.TooLong(what, maxLength, value.Length));
}
