using System.Diagnostics.CodeAnalysis;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// Free text a person typed that the domain stores or shows to others (a project, milestone or KPI
/// name, a department, a risk's title, description or mitigation, a reason, a note, a concern, a
/// blocker). It can only be made through <see cref="Check"/>, which runs <see cref="PhiGuard"/> on it
/// first, so a record that holds one held no suspected PHI when it was given. Stored values come back
/// through <see cref="Restore"/>: they were checked when they were given, and checking them again on
/// every read would turn a better guard into records that cannot be read.
/// </summary>
/// <remarks>
/// The pattern for a new free-text field: type the property <see cref="GuardedText"/>, have its form
/// read it with <c>FormValues.Guarded</c> (the finding is shown beside the field and the text comes back
/// masked), map it to a string column in storage with <see cref="Restore"/>. A test fails for any stored
/// string property of the domain that is neither guarded nor on its allow-list.
/// </remarks>
public sealed class GuardedText : IEquatable<GuardedText>
{
    private GuardedText(string value) => Value = value;

    /// <summary>The text, cleaned of invisible characters and trimmed.</summary>
    public string Value { get; }

    public int Length => Value.Length;

    /// <summary>
    /// The text, or the suspected PHI in it (then no text: nothing may be kept). Findings are at their
    /// place in <paramref name="text"/> as given, so <see cref="PhiGuard.Mask(string, IEnumerable{PhiFinding})"/>
    /// can hand it back with them masked. Blank text gives neither text nor findings.
    /// </summary>
    public static (GuardedText? Text, IReadOnlyList<PhiFinding> Phi) Check(string? text, PhiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cleaned = Text.Clean(text).Trim();
        if (cleaned.Length == 0)
        {
            return (null, []);
        }

        var phi = PhiGuard.Scan(text, context);
        return phi.Count > 0 ? (null, phi) : (new GuardedText(cleaned), phi);
    }

    /// <summary>Guarded text that must be there, within <paramref name="maxLength"/>.</summary>
    public static GuardedText Required(GuardedText? value, FreeText what, int maxLength) =>
        value is null || value.Length == 0 ? throw new DomainException(Problem.Required(what)) : Within(value, what, maxLength);

    /// <summary>Guarded text that may be missing, within <paramref name="maxLength"/> when there.</summary>
    public static GuardedText? Optional(GuardedText? value, FreeText what, int maxLength) =>
        value is null || value.Length == 0 ? null : Within(value, what, maxLength);

    /// <summary>A stored value: it was checked when it was given. Only storage mappers call this.</summary>
    [return: NotNullIfNotNull(nameof(stored))]
    public static GuardedText? Restore(string? stored) => stored is null ? null : new GuardedText(Text.Clean(stored).Trim());

    /// <summary>
    /// Text the domain composes from guarded text and names the bot knows (a concern's reporter and words, in the bot's sentence).
    /// </summary>
    internal static GuardedText Composed(string text) => new(text);

    private static GuardedText Within(GuardedText value, FreeText what, int maxLength) =>
        value.Length <= maxLength ? value : throw new DomainException(Problem.TooLong(what, maxLength, value.Length));

    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator string?(GuardedText? text) => text?.Value;

    public static bool operator ==(GuardedText? left, GuardedText? right) => Equals(left, right);

    public static bool operator !=(GuardedText? left, GuardedText? right) => !Equals(left, right);

    public bool Equals(GuardedText? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is GuardedText other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
