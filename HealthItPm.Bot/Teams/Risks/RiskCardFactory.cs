using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Risks;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Risks;

/// <summary>
/// Builds a risk's card for one viewer: the actions their role allows, and a refresh for everyone who
/// may act on it (the chain, the PMs, the owner) by the Teams user id the bot knows them by, so a copy
/// opened later shows who acknowledged or accepted it instead of buttons that no longer apply.
/// </summary>
public sealed class RiskCardFactory(RiskService risks, ConversationReferenceTable references, TimeProvider clock)
{
    public async Task<JObject> ForAsync(TenantId tenant, Project project, Risk risk, PersonId viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        var actors = project.EscalationChain
            .Concat(project.ProjectManagers.Select(pm => pm.Person))
            .Concat(risk.Owner is { } owner ? [owner] : [])
            .Distinct();
        var userIds = new List<string>();
        foreach (var person in actors)
        {
            if ((await references.GetAsync(tenant, ConversationReferenceTable.PersonKey(person), cancellationToken))?.TeamsUserId is { Length: > 0 } userId)
            {
                userIds.Add(userId);
            }
        }

        return RiskCard.Build(RiskViews.Of(project, risk, clock.GetUtcNow(), risks.PermissionsOf(project, risk, viewer), userIds));
    }

    /// <summary>The risk as it stands now, for the caller (who must be allowed to see it), shaped by <paramref name="shape"/>.</summary>
    public Task<JObject> CurrentAsync(Caller caller, RiskId id, Func<JObject, JObject> shape, CancellationToken cancellationToken) =>
        CurrentAsync(caller, id, (card, _, _) => shape(card), cancellationToken);

    public async Task<JObject> CurrentAsync(Caller caller, RiskId id, Func<JObject, Project, Risk, JObject> shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(shape);
        var outcome = await risks.GetAsync(caller.Tenant, caller.Person, id, cancellationToken);
        return outcome is Outcome<(Project, Risk)>.Done { Value: var (project, risk) }
            ? shape(await ForAsync(caller.Tenant, project, risk, caller.Person, cancellationToken), project, risk)
            : ProjectOutcomes.NotDone(outcome);
    }

    /// <summary>
    /// Who already did what was just tried, and when, for a second click or a card acted on after
    /// someone else: a settled (accepted or closed) risk for any action, and an acknowledged one for
    /// <paramref name="acknowledging"/>. Null when the refusal had another reason (e.g. no reason given).
    /// </summary>
    public static string? HandledBy(Project project, Risk risk, bool acknowledging)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(risk);
        var handled = risk.IsOpen
            ? acknowledging && risk.Acknowledged is not null ? risk.History.LastOrDefault(e => e.What == "acknowledged") : null
            : risk.History.LastOrDefault(e => e.What == "status" && e.By is not null);
        if (handled is null)
        {
            return null;
        }

        var who = project.Members.FirstOrDefault(m => m.Person == handled.By)?.DisplayName ?? "a leader";
        var what = handled.What == "acknowledged" ? "acknowledged" : risk.Status.ToString().ToLowerInvariant();
        return $"{risk.Id} was already {what} by {CardElements.Escape(who)} on {CardElements.When(handled.At)}.";
    }
}
