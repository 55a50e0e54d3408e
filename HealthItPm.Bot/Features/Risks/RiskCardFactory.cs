using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// Builds a risk's card for one viewer: the actions their role allows, and a refresh for everyone who
/// may act on it (the chain, the PMs, the owner) by the Teams user id the bot knows them by, so a copy
/// opened later shows who acknowledged or accepted it instead of buttons that no longer apply.
/// </summary>
public sealed class RiskCardFactory(
    RiskRegister risks,
    ConversationReferenceTable references,
    TimeProvider clock,
    IOptions<TeamsClientOptions> client,
    AccessPolicy access)
{
    public async Task<JObject> ForAsync(TenantId tenant, Project project, Risk risk, PersonId viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        var actors = project.EscalationChain
            .Concat(project.ProjectManagers.Select(pm => pm.Person))
            .Concat(risk.Owner is { } owner ? [owner] : [])
            .Distinct();
        // Point reads side by side: a refresh runs each time someone opens the chat.
        var known = await Task.WhenAll(actors.Select(person =>
            references.GetAsync(tenant, ConversationReferenceTable.PersonKey(person), cancellationToken)));
        var userIds = known.Select(k => k?.TeamsUserId).OfType<string>().Where(id => id.Length > 0).ToList();
        return RiskCard.Build(RiskViews.Of(
            project,
            risk,
            clock.GetUtcNow(),
            risks.PermissionsOf(project, risk, viewer),
            userIds,
            ownerSearch: client.Value.TypeaheadSearch) with
        {
            CanRemovePatientDetails = access.Can(viewer, ProjectAction.RemovePatientDetails, project).Allowed,
        });
    }
}
