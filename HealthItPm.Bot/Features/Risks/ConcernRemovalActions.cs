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
/// "Remove patient details" on a concern's card: a confirmation naming its words and its dismissal reason (those still
/// holding text), then the removal (the person is the one Teams says acted; the domain re-reads the concern and re-checks the
/// role), then every card the pipeline sent that shows the concern (the PMs', the reporter's answer) is updated in place.
/// </summary>
public sealed class ConcernRemovalActions(PatientDetailsRemoval removal, ConcernTriage concerns, SentCardUpdater sentCards)
{
    public Task<JObject> AskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithConcernAsync(turn, data, (caller, code, number) =>
            CurrentAsync(caller, code, number, concern => ConcernCard.ConfirmRemoval(concern), cancellationToken));

    /// <summary>Cancel on the confirmation: the concern as it stands.</summary>
    public Task<JObject> ViewAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithConcernAsync(turn, data, (caller, code, number) =>
            CurrentAsync(caller, code, number, concern => ConcernCard.Build(concern), cancellationToken));

    public Task<JObject> RemoveAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithConcernAsync(turn, data, async (caller, code, number) =>
        {
            if (!Enum.TryParse<RemovableText>(data["field"]?.Type == JTokenType.String ? (string?)data["field"] : null, out var field)
                || field is not (RemovableText.Concern or RemovableText.ConcernDismissReason))
            {
                return NoticeCard.Build(NoticeCardModel.UnknownAction);
            }

            var outcome = await removal.FromConcernAsync(caller.Tenant, caller.Person, code, number, field, cancellationToken);
            if (outcome is not Outcome<Removal>.Done { Value: var removed })
            {
                return ProjectOutcomes.NotDone(outcome);
            }

            var label = CardTexts.Common[$"Field_{field}"];
            var title = RiskTexts.Cards.Format("Concern_Title", code.Value, number);
            if (!removed.Removed)
            {
                return await CurrentAsync(
                    caller,
                    code,
                    number,
                    concern => CardBanner.Unchanged(ConcernCard.Build(concern), CardTexts.Common.Format("Removal_Nothing", label, title)),
                    cancellationToken);
            }

            var updated = await sentCards.UpdateAsync(
                caller.Tenant, CardSubject.Concern(code, number), turn.Activity.ReplyToId, cancellationToken);
            return await CurrentAsync(
                caller,
                code,
                number,
                concern => CardBanner.Saved(ConcernCard.Build(concern), RemovalWords.Done(label, title, updated)),
                cancellationToken);
        });

    private async Task<JObject> CurrentAsync(
        Caller caller, ProjectCode code, int number, Func<Concern, JObject> card, CancellationToken cancellationToken) =>
        await concerns.GetAsync(caller.Tenant, caller.Person, code, number, cancellationToken) is var found
        && found is Outcome<Concern>.Done { Value: var concern }
            ? card(concern)
            : ProjectOutcomes.NotDone(found);

    private static Task<JObject> WithConcernAsync(ITurnContext turn, JObject data, Func<Caller, ProjectCode, int, Task<JObject>> act) =>
        Caller.Of(turn) is { } caller
        && ProjectCode.TryParse(data?["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code)
        && data?["concern"]?.Type == JTokenType.Integer
            ? act(caller, code, (int)data["concern"]!)
            : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
}
