namespace HealthItPm.Domain.Common;

/// <summary>The one place free text is checked for presence and length, so every message reads alike.</summary>
public static class Text
{
    public static string Required(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException($"{what} is required.");
        }

        return Limited(trimmed, what, maxLength);
    }

    public static string? Optional(string? value, string what, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limited(trimmed, what, maxLength);
    }

    private static string Limited(string value, string what, int maxLength) =>
        value.Length <= maxLength ? value : throw new DomainException($"{what} can be at most {maxLength} characters (this one has {value.Length}).");
}
