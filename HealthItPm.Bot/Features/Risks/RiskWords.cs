using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The risks' and concerns' audit kinds, free-text fields and problems, worded in RiskCards.resx.</summary>
public sealed class RiskWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => RiskAudit.All;

    public override IReadOnlyList<FreeText> FreeTexts => RiskFreeText.All;

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(RiskProblem)];

    internal override TextResource Words => RiskTexts.Cards;
}
