using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Redaction;

/// <summary>
/// Where a kind's answer words are also kept outside its answers (the go-live gate keeps the latest attestation's evidence
/// for its scorecard): patient details removed from the answers are removed from the copy too, named by the same fingerprint.
/// </summary>
public interface IAnswerTextCopies
{
    /// <summary>The kind whose answers are copied.</summary>
    RoundKind Kind { get; }

    /// <summary>
    /// Replaces every copy of the words with <paramref name="fingerprint"/> made from <paramref name="round"/>; false when none was.
    /// </summary>
    Task<bool> RemoveAsync(TenantId tenant, Round round, string fingerprint, CancellationToken cancellationToken);
}
