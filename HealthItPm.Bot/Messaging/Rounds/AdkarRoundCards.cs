using HealthItPm.Bot.Cards.Readiness;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Messaging.Rounds;

/// <summary>ADKAR waves on cards: the survey card, and the results compared with the wave before for the PMs.</summary>
public sealed class AdkarRoundCards(AdkarService adkar) : IRoundCards
{
    public RoundKind Kind => RoundKind.Adkar;

    public JObject Card(Round round, string projectName, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(round);
        return AdkarSurveyCard.Build(new AdkarSurveyModel(round.Project.Value, projectName, round.Id, round.Name ?? round.Id, round.ClosesAt, round.Anonymous, reminder));
    }

    public async Task<JObject> EndOfRoundAsync(TenantId tenant, Round round, string projectName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return AdkarResultsCard.Build(new AdkarResultsModel(round.Project.Value, projectName, await adkar.ResultsOfAsync(tenant, round, cancellationToken)));
    }
}
