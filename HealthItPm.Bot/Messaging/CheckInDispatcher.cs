using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.CheckIns;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Messaging;

/// <summary>
/// Delivers open rounds: each respondent's card once, one reminder to those who have not answered,
/// and at the deadline the summary to the project's PMs. Every send is claimed in storage first, so
/// several hosts working the same round send each card once; a send that fails transiently gives
/// its claim back and is tried again on the next pass.
/// </summary>
public sealed partial class CheckInDispatcher(
    ICheckInStore store,
    CheckInService checkIns,
    IProjectRepository projects,
    ProactiveSender sender,
    ILogger<CheckInDispatcher> logger)
{
    /// <summary>Does what a round needs now; returns how many cards this call delivered.</summary>
    public async Task<int> ProcessRoundAsync(TenantId tenant, ProjectCode code, string roundId, CancellationToken cancellationToken)
    {
        var round = await store.GetRoundAsync(tenant, code, roundId, cancellationToken);
        var project = (await projects.GetAsync(tenant, code, cancellationToken))?.Project;
        if (round is null || project is null)
        {
            return 0;
        }

        if (checkIns.Now >= round.ClosesAt)
        {
            if (await store.CloseRoundAsync(tenant, code, roundId, cancellationToken))
            {
                await SendSummaryAsync(tenant, project, round, cancellationToken);
            }

            return 0;
        }

        var deliveries = (await store.DeliveriesAsync(tenant, code, roundId, cancellationToken)).ToDictionary(d => d.Person);
        var delivered = 0;
        foreach (var respondent in round.Audience.Where(r => !deliveries.ContainsKey(r.Person)))
        {
            if (await DeliverAsync(tenant, project, round, respondent.Person, reminder: false, cancellationToken))
            {
                delivered++;
            }
        }

        var answered = (await store.AnswersAsync(tenant, code, roundId, cancellationToken)).Select(a => a.Person).ToHashSet();
        var reminded = deliveries.Values.Where(d => d.Reminded).Select(d => d.Person).ToHashSet();
        var notSent = deliveries.Values.Where(d => d.State != DeliveryState.Sent).Select(d => d.Person).ToHashSet();
        foreach (var respondent in round.DueForReminder(checkIns.Now, answered, reminded, notSent))
        {
            await DeliverAsync(tenant, project, round, respondent.Person, reminder: true, cancellationToken);
        }

        return delivered;
    }

    private async Task<bool> DeliverAsync(TenantId tenant, Project project, CheckInRound round, PersonId person, bool reminder, CancellationToken cancellationToken)
    {
        if (!await store.ClaimDeliveryAsync(tenant, project.Code, round.Id, person, reminder, cancellationToken))
        {
            return false;
        }

        var card = CheckInCard.Build(new CheckInCardModel(project.Code.Value, project.Name, round.Id, round.ClosesAt, reminder));
        var result = await sender.SendToPersonAsync(tenant, person, AdaptiveCard.ToActivity(card), cancellationToken);
        switch (result.Outcome)
        {
            case SendOutcome.Sent when !reminder:
                await store.SetDeliveryAsync(tenant, project.Code, round.Id, person, DeliveryState.Sent, cancellationToken);
                return true;
            case SendOutcome.Sent:
                return true;
            case SendOutcome.Unreachable when !reminder:
                await store.SetDeliveryAsync(tenant, project.Code, round.Id, person, DeliveryState.Unreachable, cancellationToken);
                return false;
            default:
                LogNotDelivered(logger, project.Code.Value, round.Id, result.Outcome, result.StatusCode);
                await store.ReleaseDeliveryAsync(tenant, project.Code, round.Id, person, reminder, cancellationToken);
                return false;
        }
    }

    private async Task SendSummaryAsync(TenantId tenant, Project project, CheckInRound round, CancellationToken cancellationToken)
    {
        var rounds = (await store.LatestRoundsAsync(tenant, project.Code, CheckInService.TrendRounds + 5, cancellationToken))
            .Where(r => r.OpensAt <= round.OpensAt)
            .Take(CheckInService.TrendRounds + 1)
            .ToList();
        var summary = await checkIns.SummarizeAsync(tenant, rounds, cancellationToken);
        var card = AdaptiveCard.ToActivity(RoundSummaryCard.Build(new RoundSummaryModel(project.Code.Value, project.Name, summary)));
        foreach (var pm in project.ProjectManagers)
        {
            await sender.SendToPersonAsync(tenant, pm.Person, card, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Check-in card for {Project} round {RoundId} not delivered ({Outcome}, status {StatusCode}); will retry")]
    private static partial void LogNotDelivered(ILogger logger, string project, string roundId, SendOutcome outcome, int? statusCode);
}
