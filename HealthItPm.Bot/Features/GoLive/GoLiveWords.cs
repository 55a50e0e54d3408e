using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>The go-live gate's audit kinds and free-text fields, worded in GoLiveCards.resx.</summary>
public sealed class GoLiveWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => GoLiveAudit.All;

    public override IReadOnlyList<FreeText> FreeTexts => GoLiveFreeText.All;

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(GoLiveProblem)];

    internal override TextResource Words => GoLiveTexts.Cards;
}
