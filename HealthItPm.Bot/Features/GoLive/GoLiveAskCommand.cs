using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// <c>golive ask</c> (PM): the owners of attested criteria not met get their attestation cards now, as at a checkpoint;
/// the cards are handed to the delivery pipeline at once rather than at the next scheduler tick.
/// </summary>
public sealed class GoLiveAskCommand(ProjectScope scope, GoLiveAttestations attestations, RoundSteps steps) : ICommand
{
    public static readonly CommandDefinition Command = new("golive ask", ProjectAction.ManageGoLiveGate);

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (caller, project, answer) = await scope.AllowedAsync(
            turn, arguments ?? string.Empty, ProjectAction.ManageGoLiveGate, cancellationToken);
        if (caller is null || project is null)
        {
            return answer!;
        }

        var outcome = await attestations.AskAsync(caller.Tenant, caller.Person, project.Code, cancellationToken);
        if (outcome is Outcome<Round>.NotFound { Problem.Code: GoLiveProblem.NoGateYet })
        {
            // As the scorecard says it: the way on is to set the gate.
            var words = GoLiveTexts.Cards;
            return NoticeCard.Build(new NoticeCardModel(
                words["NoGate_Title"], words["NoGate"], (words["NoGate_Button"], GoLiveSetForm.Command.Name)));
        }

        if (outcome is not Outcome<Round>.Done { Value: var round })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        await steps.QueueCardsAsync(caller.Tenant, project.Code, AttestRounds.Kind, round.Id, cancellationToken);
        var texts = GoLiveTexts.Cards;
        return NoticeCard.Build(new NoticeCardModel(
            texts.Format("Ask_Title", project.Code.Value),
            texts.CountMarkdown("Ask_Sending", round.Audience.Count, Markdown.When(round.RemindAt), Markdown.When(round.ClosesAt))));
    }
}
