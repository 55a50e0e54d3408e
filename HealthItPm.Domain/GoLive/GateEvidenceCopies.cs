using HealthItPm.Domain.Common;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.GoLive;

/// <summary>
/// The gate keeps the latest attestation's evidence of each criterion for its scorecard, copied from the owner's answer to an
/// attestation round: words removed from that round's answers are removed from the gate too.
/// </summary>
public sealed class GateEvidenceCopies(IGateStore gates) : IAnswerTextCopies
{
    public RoundKind Kind => AttestRounds.Kind;

    public async Task<bool> RemoveAsync(TenantId tenant, Round round, string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        for (var attempt = 1; ; attempt++)
        {
            if (await gates.GetAsync(tenant, round.Project, cancellationToken) is not { } stored
                || !stored.Gate.RemovePatientDetails(fingerprint))
            {
                return false;
            }

            // Saved meanwhile (an attestation, a checkpoint): read again and remove from what is there now.
            if (await gates.SaveAsync(tenant, stored.Gate, stored.Version, cancellationToken))
            {
                return true;
            }

            if (attempt == 3)
            {
                throw new DomainException(Problem.GateChangedMeanwhile());
            }
        }
    }
}
