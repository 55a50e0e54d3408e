using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// "Remove patient details" on a check-in round's summary: the blockers' words with a button each (named by a fingerprint of
/// the words, never by whose they are), then the removal, re-checked by the domain for the person Teams says acted, then the
/// update in place of every summary card the pipeline sent of that round; the card acted on shows the summary as it stands.
/// </summary>
public sealed class BlockerRemovalActions(PatientDetailsRemoval removal, SentCardUpdater sentCards)
{
    public Task<JObject> AskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, async (caller, code, roundId) =>
        {
            var blockers = await removal.BlockersAsync(caller.Tenant, caller.Person, code, roundId, cancellationToken);
            return blockers is Outcome<IReadOnlyList<string>>.Done { Value: var texts }
                ? RoundSummaryCard.ConfirmRemoval(code.Value, roundId, Title(code), texts)
                : ProjectOutcomes.NotDone(blockers);
        });

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

            var label = CardTexts.Common[$"Field_{RemovableText.CheckInBlocker}"];
            var (updated, clicked) = removed.Removed
                ? await sentCards.UpdateAsync(caller.Tenant, CardSubject.Round(code, roundId), turn.Activity.ReplyToId, cancellationToken)
                : (0, null);
            var message = removed.Removed
                ? CardTexts.Common.Format("Removal_Done", label, Title(code), updated)
                : CardTexts.Common["Removal_NoBlockers"];
            return clicked is null
                ? NoticeCard.Build(new NoticeCardModel(CardTexts.Common["Removal_Button"], message))
                : removed.Removed ? CardBanner.Saved(clicked, message) : CardBanner.Unchanged(clicked, message);
        });

    private static string Title(ProjectCode code) => CardTexts.Common.Format("Removal_RoundTitle", code.Value);

    private static Task<JObject> WithRoundAsync(ITurnContext turn, JObject data, Func<Caller, ProjectCode, string, Task<JObject>> act) =>
        Caller.Of(turn) is { } caller
        && ProjectCode.TryParse(data?["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code)
        && data?["round"] is JValue { Type: JTokenType.String } round && ((string)round!).Length is > 0 and <= 64
            ? act(caller, code, (string)round!)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
}
