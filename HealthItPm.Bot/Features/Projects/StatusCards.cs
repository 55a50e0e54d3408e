using HealthItPm.Bot.Teams;
using Microsoft.Bot.Builder;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// The status card of a project, with its open risks in the RAG and
/// the top ones listed; one place for every command that shows it.
/// </summary>
public sealed class StatusCards(
    IRiskStore risks, ProjectService projects, AccessPolicy access, MoneyFormats money, AdkarService readiness, GoLiveService gates)
{
    /// <summary>
    /// The status card as <paramref name="viewer"/> may see it: budget and earned-value figures only for those allowed them, amounts in
    /// their locale, and the set-up steps still missing that they may do.
    /// </summary>
    public async Task<JObject> BuildAsync(ITurnContext turn, Caller viewer, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(project);
        var register = await risks.ListAsync(viewer.Tenant, project.Code, cancellationToken);
        var latest = await readiness.LatestReadinessAsync(viewer.Tenant, project.Code, cancellationToken);
        var gate = await gates.ScorecardOfAsync(viewer.Tenant, project, cancellationToken);
        return For(turn, viewer, project, register, latest, gate);
    }

    /// <summary>The status card of a project just created (no risks, no readiness wave yet) for its creator.</summary>
    public JObject ForCreated(ITurnContext turn, Caller creator, Project project) => For(turn, creator, project, [], null, null);

    private JObject For(
        ITurnContext turn, Caller viewer, Project project, IReadOnlyList<Risk> register, ReadinessSnapshot? latest, Scorecard? gate)
    {
        bool May(ProjectAction action) => access.Can(viewer.Person, action, project).Allowed;
        return StatusCard.Build(StatusModel.From(
            project, projects.TodayIn(project.TimeZone), register, May(ProjectAction.ViewBudget), money.For(turn), latest, May)
            with { GoLive = gate?.Recommendation, GoLiveDaysToGo = gate?.DaysToGo });
    }
}
