using System.Diagnostics.CodeAnalysis;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Testing;

/// <summary>Test data's free text, made the only way the product makes it: through the PHI guard.</summary>
public static class Guarded
{
    /// <summary>
    /// The text as guarded text; fails the test when the guard finds suspected PHI in it (names in
    /// <paramref name="staff"/> are staff). Blank text gives null, as a blank field does.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static GuardedText? From(string? text, params string[] staff)
    {
        if (text is null)
        {
            return null;
        }

        var (guarded, phi) = GuardedText.Check(text, new PhiContext(staff));
        return guarded ?? (phi.Count == 0 ? null! : throw new InvalidOperationException($"Test text \u201c{text}\u201d is refused by the PHI guard: {string.Join(", ", phi.Select(f => f.Kind))}."));
    }
}
