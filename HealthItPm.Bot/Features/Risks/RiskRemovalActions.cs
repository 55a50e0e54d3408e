using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Redaction;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>
/// "Remove patient details" on a risk's card: a confirmation naming each field with text, then the removal (the person is the
/// one Teams says acted; the risk id and field in the data are re-read and the role re-checked by the domain), then every
/// card the pipeline sent that shows the risk is updated in place, and the card acted on shows the risk as it stands now.
/// </summary>
public sealed class RiskRemovalActions(
    PatientDetailsRemoval removal,
    RiskCardReplies replies,
    SentCardUpdater sentCards,
    AccessPolicy access)
{
    public Task<JObject> AskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRiskAsync(turn, data, (caller, id) => replies.CurrentAsync(
            caller,
            id,
            (card, project, risk) => access.Can(caller.Person, ProjectAction.RemovePatientDetails, project, risk)
                is { Allowed: false } denied
                ? ProjectOutcomes.NotDone(new Outcome<Risk>.Refused(denied.Refusal!))
                : RiskCard.ConfirmRemoval(risk),
            cancellationToken));

    public Task<JObject> RemoveAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRiskAsync(turn, data, async (caller, id) =>
        {
            if (!Enum.TryParse<RemovableText>(data?["field"]?.Type == JTokenType.String ? (string?)data["field"] : null, out var field)
                || !Enum.IsDefined(field))
            {
                return NoticeCard.Build(NoticeCardModel.UnknownAction);
            }

            var outcome = await removal.FromRiskAsync(caller.Tenant, caller.Person, id, field, cancellationToken);
            if (outcome is not Outcome<Removal>.Done { Value: var removed })
            {
                return ProjectOutcomes.NotDone(outcome);
            }

            var label = CardTexts.Common[$"Field_{field}"];
            if (!removed.Removed)
            {
                return await replies.CurrentAsync(
                    caller,
                    id,
                    card => CardBanner.Unchanged(card, CardTexts.Common.Format("Removal_Nothing", label, id)),
                    cancellationToken);
            }

            var updated = await sentCards.UpdateAsync(caller.Tenant, CardSubject.Risk(id), turn.Activity.ReplyToId, cancellationToken);
            return await replies.CurrentAsync(
                caller,
                id,
                card => CardBanner.Saved(card, RemovalWords.Done(label, id.ToString(), updated)),
                cancellationToken);
        });

    private static Task<JObject> WithRiskAsync(ITurnContext turn, JObject data, Func<Caller, RiskId, Task<JObject>> act) =>
        Caller.Of(turn) is { } caller
        && RiskId.TryParse(data?["risk"]?.Type == JTokenType.String ? (string?)data["risk"] : null, out var id)
            ? act(caller, id)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
}
