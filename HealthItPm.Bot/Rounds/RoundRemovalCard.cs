using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// "Remove patient details" from a round's answers, the same for every kind: the button on the kind's PM-facing card, and
/// the confirmation listing the words its answers hold in the kind's free-text fields, each with a button naming it by a
/// fingerprint of the words. Nothing on either says whose words they are, or in which order they were given.
/// </summary>
public static class RoundRemovalCard
{
    // A card takes five actions, Cancel among them; a round with more texts holding patient details is cleared in turns.
    private const int MaxChoices = 4;

    /// <summary>The button on the PM's card (the round's summary or results).</summary>
    public static CardAction Button(RoundKind kind, string projectCode, string roundId) =>
        CardElements.Execute(CardTexts.Common["Removal_Button"], CardVerbs.AskRemoveFromRoundAnswers, Data(kind, projectCode, roundId));

    /// <summary>The confirmation: the words, numbered in text order, a button for each, and Cancel (the PM's card again).</summary>
    public static JObject Confirm(RoundKind kind, string projectCode, string roundId, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var common = CardTexts.Common;
        var body = new List<Element>
        {
            CardElements.Heading(common.Markdown("Removal_Title", Title(kind, projectCode))),
            CardElements.Text(common.Markdown(texts.Count > 0 ? "Removal_Explain" : "Removal_NoAnswerTexts")),
        };
        var actions = new List<CardAction>();
        foreach (var (text, i) in texts.Take(MaxChoices).Select((t, i) => (t, i + 1)))
        {
            body.Add(CardElements.UserText($"{i}. {text}"));
            var data = new Dictionary<string, object>(Data(kind, projectCode, roundId)) { ["text"] = RemovedText.Fingerprint(text) };
            actions.Add(CardElements.Execute(common.Format("Removal_FromAnswer", i), CardVerbs.RemoveFromRoundAnswer, data));
        }

        actions.Add(CardElements.Execute(common["Removal_Cancel"], CardVerbs.ViewRoundResults, Data(kind, projectCode, roundId)));
        return new AdaptiveCard(body, actions).ToJObject();
    }

    /// <summary>"the EHR check-in", "the EHR survey": what the removal's sentences name the round by.</summary>
    public static string Title(RoundKind kind, string projectCode) =>
        CardTexts.Common.Format("Removal_RoundTitle", projectCode, FeatureWords.Noun(kind));

    private static IReadOnlyDictionary<string, object> Data(RoundKind kind, string projectCode, string roundId) =>
        CardElements.Data(("project", projectCode), ("round", roundId), ("kind", kind.Name));
}
