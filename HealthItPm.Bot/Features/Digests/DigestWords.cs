using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Digests;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>The digests' audit kinds, worded in DigestCards.resx.</summary>
public sealed class DigestWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => DigestAudit.All;

    internal override TextResource Words => DigestTexts.Cards;
}
