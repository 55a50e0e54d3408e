using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>The audit log's problems (a span or a page that cannot be read), worded in AuditCards.resx.</summary>
public sealed class AuditWords : FeatureWords
{
    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(AuditProblem)];

    internal override TextResource Words => AuditTexts.Cards;
}
