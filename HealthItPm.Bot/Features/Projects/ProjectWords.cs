using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>The projects' audit kinds and free-text fields, worded in ProjectCards.resx.</summary>
public sealed class ProjectWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => ProjectAudit.All;

    public override IReadOnlyList<FreeText> FreeTexts => ProjectFreeText.All;

    internal override TextResource Words => ProjectTexts.Cards;
}
