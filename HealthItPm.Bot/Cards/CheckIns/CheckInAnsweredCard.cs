using HealthItPm.Domain.CheckIns;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.CheckIns;

public sealed record CheckInAnsweredModel(string ProjectCode, string RoundId, CheckInAnswer Answer, DateTimeOffset ClosesAt, bool Open);

/// <summary>What replaces a submitted check-in: the person's answer, and "Change answer" while the round is open.</summary>
public static class CheckInAnsweredCard
{
    public static JObject Build(CheckInAnsweredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var answer = model.Answer;
        var body = new List<Element>
        {
            new TextBlock(Markdown.Of($"✔ Thanks — your {model.ProjectCode} check-in is in")) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            CardElements.Facts(
            [
                ("Status", CheckInFormat.Status(answer.Status)),
                ("Workflow impact", answer.Impact is { } impact ? $"{impact.Value} of 5" : "not given"),
                ("Training needed", answer.TrainingNeeded ? "Yes" : "No"),
            ]),
        };
        if (answer.Blockers is not null)
        {
            body.Add(CardElements.Text(Markdown.Of($"Blocking you:"), subtle: true));
            body.Add(CardElements.UserText(answer.Blockers));
        }

        body.Add(CardElements.Text(
            model.Open ? Markdown.Of($"You can change your answer until {Markdown.When(model.ClosesAt)}.") : Markdown.Of($"This check-in is closed."),
            subtle: true));
        return new AdaptiveCard(body, model.Open
            ? [CardElements.Execute("Change answer", CardVerbs.ChangeCheckIn, CardElements.Data(("project", model.ProjectCode), ("round", model.RoundId)))]
            : null).ToJObject();
    }
}
