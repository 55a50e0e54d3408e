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

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// "Remove patient details" on a round's PM-facing card, for every kind by the free-text fields it declares: the words with a
/// button each (named by a fingerprint, never by whose they are) and Cancel, then the removal, re-checked by the domain for
/// the person Teams says acted, then the update in place of every card the pipeline sent that shows the round (the PMs'
/// cards, and the answered card of each person whose words were removed); the card acted on shows the PM's card as it stands.
/// </summary>
public sealed class RoundRemovalActions(
    PatientDetailsRemoval removal,
    SentCardUpdater sentCards,
    RoundKindCatalog catalog,
    IProjectRepository projects,
    IServiceProvider services)
{
    public Task<JObject> AskAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, async (caller, kind, code, roundId) =>
        {
            var texts = await removal.RoundAnswerTextsAsync(caller.Tenant, caller.Person, code, kind.Kind, roundId, cancellationToken);
            return texts is Outcome<IReadOnlyList<string>>.Done { Value: var words }
                ? RoundRemovalCard.Confirm(kind.Kind, code.Value, roundId, words)
                : ProjectOutcomes.NotDone(texts);
        });

    /// <summary>Cancel on the confirmation: the PM's card again, for someone who may remove from it.</summary>
    public Task<JObject> ResultsAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(
            turn, data, (caller, kind, code, roundId) => CardAsync(caller, kind, code, roundId, card => card, cancellationToken));

    public Task<JObject> RemoveAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        WithRoundAsync(turn, data, async (caller, kind, code, roundId) =>
        {
            // "blocker": confirmations sent before every kind's answers could be removed named the words so.
            if ((data["text"] ?? data["blocker"]) is not JValue { Type: JTokenType.String } fingerprint)
            {
                return NoticeCard.Build(NoticeCardModel.UnknownAction);
            }

            var outcome = await removal.FromRoundAnswersAsync(
                caller.Tenant, caller.Person, code, kind.Kind, roundId, (string)fingerprint!, cancellationToken);
            if (outcome is not Outcome<Removal>.Done { Value: var removed })
            {
                return ProjectOutcomes.NotDone(outcome);
            }

            if (!removed.Removed)
            {
                var nothing = CardTexts.Common["Removal_NoAnswerTexts"];
                return await CardAsync(caller, kind, code, roundId, card => CardBanner.Unchanged(card, nothing), cancellationToken);
            }

            // The count says how many cards changed, never whose: a respondent's card is among them only when it was theirs.
            var updated = await sentCards.UpdateAsync(
                caller.Tenant, CardSubject.Round(code, roundId), turn.Activity.ReplyToId, cancellationToken);
            var message = RemovalWords.Done(
                CardTexts.Common[$"Field_{RemovableText.RoundAnswer}"], RoundRemovalCard.Title(kind.Kind, code.Value), updated);
            return await CardAsync(caller, kind, code, roundId, card => CardBanner.Saved(card, message), cancellationToken);
        });

    private async Task<JObject> CardAsync(
        Caller caller,
        RoundKindDescriptor kind,
        ProjectCode code,
        string roundId,
        Func<JObject, JObject> banner,
        CancellationToken cancellationToken)
    {
        var found = await removal.RoundOfAsync(caller.Tenant, caller.Person, code, kind.Kind, roundId, cancellationToken);
        if (found is not Outcome<Round>.Done { Value: var round })
        {
            return ProjectOutcomes.NotDone(found);
        }

        var heading = await projects.HeadingOfAsync(caller.Tenant, code, cancellationToken);
        return banner(await kind.EndOfRoundAsync(services, caller.Tenant, round, heading, cancellationToken));
    }

    private Task<JObject> WithRoundAsync(
        ITurnContext turn, JObject data, Func<Caller, RoundKindDescriptor, ProjectCode, string, Task<JObject>> act)
    {
        // No kind named: a check-in summary sent before every kind's answers could be removed. A kind that is not a name is no kind.
        var name = data?["kind"] switch
        {
            null => CheckInRounds.Kind.Name,
            JValue { Type: JTokenType.String } named => (string?)named,
            _ => null,
        };
        return Caller.Of(turn) is { } caller
            && name is not null
            && catalog.All.FirstOrDefault(d => string.Equals(d.Kind.Name, name, StringComparison.Ordinal)) is { } kind
            && ProjectCode.TryParse(data?["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code)
            && data?["round"] is JValue { Type: JTokenType.String } round && ((string)round!).Length is > 0 and <= 64
                ? act(caller, kind, code, (string)round!)
                : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
    }
}
