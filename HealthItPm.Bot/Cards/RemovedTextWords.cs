using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Redaction;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The removal of patient details from stored texts, worded in CommonCards.resx beside the removed-text marker: every
/// feature that shows typed text shares both.
/// </summary>
public sealed class RemovedTextWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => RedactionAudit.All;

    internal override TextResource Words => CardTexts.Common;
}
