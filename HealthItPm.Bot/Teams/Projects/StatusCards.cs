using HealthItPm.Bot.Cards.Projects;
using Microsoft.Bot.Builder;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary>The status card of a project, with its open risks in the RAG and the top ones listed; one place for every command that shows it.</summary>
public sealed class StatusCards(IRiskStore risks, ProjectService projects, AccessPolicy access, MoneyFormats money, AdkarService readiness)
{
    /// <summary>The status card as <paramref name="viewer"/> may see it: budget figures only for those allowed them, amounts in their locale.</summary>
    public async Task<JObject> BuildAsync(ITurnContext turn, Caller viewer, Project project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(project);
        var register = await risks.ListAsync(viewer.Tenant, project.Code, cancellationToken);
        var showBudget = access.Can(viewer.Person, ProjectAction.ViewBudget, project).Allowed;
        var latest = await readiness.LatestReadinessAsync(viewer.Tenant, project.Code, cancellationToken);
        return StatusCard.Build(StatusModel.From(project, projects.TodayIn(project.TimeZone), register, showBudget, money.For(turn), latest));
    }
}
