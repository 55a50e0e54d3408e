using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// "Remove patient details" on a check-in round's summary: the blockers' words with a button each (named by a fingerprint of
/// the words, never by whose they are) and Cancel, then the removal, re-checked by the domain for the person Teams says acted,
/// then the update in place of every card the pipeline sent that shows the round's words (the PMs' summaries, and the
/// answered check-in in the chat of each person whose words were removed); the card acted on shows the summary as it stands.
/// </summary>
public sealed class BlockerRemovalActions(
    PatientDetailsRemoval removal,
    SentCardUpdater sentCards,
    CheckInService checkIns,
    IRoundStore rounds,
    IProjectRepository projects,
    AccessPolicy access)
{
    public Task<JObject> AskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, async (caller, code, roundId) =>
        {
            var blockers = await removal.BlockersAsync(caller.Tenant, caller.Person, code, roundId, cancellationToken);
            return blockers is Outcome<IReadOnlyList<string>>.Done { Value: var texts }
                ? RoundSummaryCard.ConfirmRemoval(code.Value, roundId, Title(code), texts)
                : ProjectOutcomes.NotDone(blockers);
        });

    /// <summary>Cancel on the confirmation: the round's summary again, for someone who may read it.</summary>
    public Task<JObject> SummaryAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, (caller, code, roundId) => SummaryCardAsync(caller, code, roundId, card => card, cancellationToken));

    public Task<JObject> RemoveAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, async (caller, code, roundId) =>
        {
            if (data?["blocker"] is not JValue { Type: JTokenType.String } fingerprint)
            {
                return NoticeCard.Build(NoticeCardModel.UnknownAction);
            }

            var outcome = await removal.FromCheckInBlockerAsync(
                caller.Tenant, caller.Person, code, roundId, (string)fingerprint!, cancellationToken);
            if (outcome is not Outcome<Removal>.Done { Value: var removed })
            {
                return ProjectOutcomes.NotDone(outcome);
            }

            if (!removed.Removed)
            {
                return await SummaryCardAsync(
                    caller, code, roundId, card => CardBanner.Unchanged(card, CardTexts.Common["Removal_NoBlockers"]), cancellationToken);
            }

            // The count says how many cards changed, never whose: a respondent's card is among them only when it was theirs.
            var updated = await sentCards.UpdateAsync(
                caller.Tenant, CardSubject.Round(code, roundId), turn.Activity.ReplyToId, cancellationToken);
            var message = RemovalWords.Done(CardTexts.Common[$"Field_{RemovableText.CheckInBlocker}"], Title(code), updated);
            return await SummaryCardAsync(caller, code, roundId, card => CardBanner.Saved(card, message), cancellationToken);
        });

    private async Task<JObject> SummaryCardAsync(
        Caller caller, ProjectCode code, string roundId, Func<JObject, JObject> banner, CancellationToken cancellationToken)
    {
        var authorized = await projects.AuthorizedAsync(
            access, caller.Tenant, caller.Person, code, ProjectAction.ManageCheckIns, cancellationToken);
        if (authorized is not Outcome<Project>.Done { Value: var project })
        {
            return ProjectOutcomes.NotDone(authorized);
        }

        if (await rounds.GetRoundAsync(caller.Tenant, code, CheckInRounds.Kind, roundId, cancellationToken) is not { } round)
        {
            return ProjectOutcomes.NotDone(new Outcome<Project>.NotFound(Problem.RoundGone(CheckInRounds.Kind)));
        }

        var summary = await checkIns.SummaryOfAsync(caller.Tenant, round, cancellationToken);
        var heading = await projects.HeadingOfAsync(caller.Tenant, code, cancellationToken);
        return banner(RoundSummaryCard.Build(new RoundSummaryModel(code.Value, heading, summary)
        {
            CanRemovePatientDetails = access.Can(caller.Person, ProjectAction.RemovePatientDetails, project).Allowed,
        }));
    }

    private static string Title(ProjectCode code) => CardTexts.Common.Format("Removal_RoundTitle", code.Value);

    private static Task<JObject> WithRoundAsync(ITurnContext turn, JObject data, Func<Caller, ProjectCode, string, Task<JObject>> act) =>
        Caller.Of(turn) is { } caller
        && ProjectCode.TryParse(data?["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code)
        && data?["round"] is JValue { Type: JTokenType.String } round && ((string)round!).Length is > 0 and <= 64
            ? act(caller, code, (string)round!)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
}
