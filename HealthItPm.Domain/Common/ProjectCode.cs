
namespace HealthItPm.Domain.Common;

/// <summary>
/// A project's short code, unique in a hospital ("EHR", "PACS2"): what people type in <c>use EHR</c>
/// and what prefixes its risk ids ("EHR-R7"). 2 to 10 letters or digits, starting with a letter,
/// stored upper-case.
/// </summary>
public readonly record struct ProjectCode
{
    public const int MinLength = 2;
    public const int MaxLength = 10;

    public ProjectCode(string value)
    {
        var trimmed = value?.Trim().ToUpperInvariant() ?? string.Empty;
        if (trimmed.Length is < MinLength or > MaxLength || !char.IsAsciiLetter(trimmed[0]) || !trimmed.All(char.IsAsciiLetterOrDigit))
        {
            throw new DomainException(Problem.NotAProjectCode(MinLength, MaxLength));
        }

        Value = trimmed;
    }

    public string Value { get; }

    public static bool TryParse(string? value, out ProjectCode code)
    {
        try
        {
            code = new ProjectCode(value!);
            return true;
        }
        catch (DomainException)
        {
            code = default;
            return false;
        }
    }

    public override string ToString() => Value;
}
