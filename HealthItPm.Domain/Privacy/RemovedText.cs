using System.Security.Cryptography;
using System.Text;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// A stored text that held patient details, after a PM or an admin removed them: the field keeps this marker instead of the
/// text, in the record and in every copy the bot keeps. It is a code, not words: the bot words it in the reader's language
/// wherever it shows text a person typed.
/// </summary>
public static class RemovedText
{
    /// <summary>What the field holds instead of the text (never shown as it is).</summary>
    public const string Code = "{removed:patient-details}";

    public static GuardedText Marker { get; } = GuardedText.Restore(Code);

    public static bool IsRemoved(string? text) => string.Equals(text, Code, StringComparison.Ordinal);

    /// <summary>
    /// Names one text without holding it (a card's button names the blocker to remove by this): the first 16 hex digits of its
    /// SHA-256. The card already shows the text, so this tells its reader nothing more, and no copy of the words is kept.
    /// </summary>
    public static string Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
