using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

public sealed record CheckInAnsweredModel(
    string ProjectCode, string RoundId, CheckInAnswer Answer, DateTimeOffset ClosesAt, bool Open, bool Anonymous = false);

/// <summary>
/// What replaces a submitted check-in: the person's answer, who sees it (as the card they answered said), and
/// "Change answer" while the round is open.
/// </summary>
public static class CheckInAnsweredCard
{
    private static TextResource Texts => CheckInTexts.Cards;

    public static JObject Build(CheckInAnsweredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var answer = model.Answer;
        var body = new List<Element>
        {
            new TextBlock(Texts.Markdown("Answered_Title", model.ProjectCode)) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            CardElements.Facts(
            [
                (CardTexts.Common["Status"], CheckInFormat.Status(answer.Status)),
                (Texts["Answered_Impact"], answer.Impact is { } impact
                    ? CardTexts.Common.Format("OutOfFive", impact.Value)
                    : Texts["Answered_ImpactNotGiven"]),
                (Texts["Answered_Training"], Texts[answer.TrainingNeeded ? "Yes" : "No"]),
            ]),
        };
        if (answer.Blockers is not null)
        {
            body.Add(CardElements.Text(Texts.Markdown("Answered_Blocking"), subtle: true));
            body.Add(CardElements.UserText(answer.Blockers));
        }

        body.Add(CardElements.Text(
            Texts.Markdown(model.Anonymous ? "Card_WhoSees_Anonymous" : "Card_WhoSees_Named", AnswerGroups.MinimumSize),
            subtle: true));
        body.Add(CardElements.Text(
            model.Open ? Texts.Markdown("Answered_CanChange", Markdown.When(model.ClosesAt)) : Texts.Markdown("Answered_Closed"),
            subtle: true));
        return new AdaptiveCard(body, model.Open
            ? [CardElements.Execute(
                CardTexts.Common["ChangeAnswer"],
                CardVerbs.ChangeCheckIn,
                CardElements.Data(("project", model.ProjectCode), ("round", model.RoundId)))]
            : null).ToJObject();
    }
}
