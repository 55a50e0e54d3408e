using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>The projects' audit kinds, free-text fields and problems, worded in ProjectCards.resx.</summary>
public sealed class ProjectWords : FeatureWords
{
    public override IReadOnlyList<AuditKind> AuditKinds => ProjectAudit.All;

    public override IReadOnlyList<FreeText> FreeTexts => ProjectFreeText.All;

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(ProjectProblem)];

    internal override TextResource Words => ProjectTexts.Cards;
}
