using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The answer to a risk command or card action: the risk as it stands, built for the person who asked.</summary>
public sealed class RiskCardReplies(RiskRegister risks, RiskCardFactory cards)
{
    /// <summary>The risk as it stands now, for the caller (who must be allowed to see it), shaped by <paramref name="shape"/>.</summary>
    public Task<JObject> CurrentAsync(Caller caller, RiskId id, Func<JObject, JObject> shape, CancellationToken cancellationToken) =>
        CurrentAsync(caller, id, (card, _, _) => shape(card), cancellationToken);

    public async Task<JObject> CurrentAsync(
        Caller caller, RiskId id, Func<JObject, Project, Risk, JObject> shape, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(shape);
        var outcome = await risks.GetAsync(caller.Tenant, caller.Person, id, cancellationToken);
        return outcome is Outcome<(Project, Risk)>.Done { Value: var (project, risk) }
            ? shape(await cards.ForAsync(caller.Tenant, project, risk, caller.Person, cancellationToken), project, risk)
            : ProjectOutcomes.NotDone(outcome);
    }
}
