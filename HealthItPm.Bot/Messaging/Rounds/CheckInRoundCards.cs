using HealthItPm.Bot.Cards.CheckIns;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Messaging.Rounds;

/// <summary>Check-ins on cards: the check-in card, and the round summary with its trend for the PMs.</summary>
public sealed class CheckInRoundCards(CheckInService checkIns) : IRoundCards
{
    public RoundKind Kind => RoundKind.CheckIn;

    public JObject Card(Round round, string projectName, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(round);
        return CheckInCard.Build(new CheckInCardModel(round.Project.Value, projectName, round.Id, round.ClosesAt, reminder));
    }

    public async Task<JObject> EndOfRoundAsync(TenantId tenant, Round round, string projectName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return RoundSummaryCard.Build(new RoundSummaryModel(round.Project.Value, projectName, await checkIns.SummaryOfAsync(tenant, round, cancellationToken)));
    }
}
