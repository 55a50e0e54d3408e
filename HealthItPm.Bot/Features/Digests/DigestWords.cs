using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Digests;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>The digests' audit kinds and problems (a subscription or its schedule), worded in DigestCards.resx.</summary>
public sealed class DigestWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => DigestAudit.All;

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(DigestProblem)];

    internal override TextResource Words => DigestTexts.Cards;
}
