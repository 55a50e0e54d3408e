using HealthItPm.Domain.CheckIns;
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
        var body = new List<JObject>
        {
            new() { ["type"] = "TextBlock", ["text"] = $"✔ Thanks — your {model.ProjectCode} check-in is in", ["weight"] = "Bolder", ["color"] = "Good", ["wrap"] = true },
            CardElements.Facts(
            [
                ("Status", CheckInFormat.Status(answer.Status)),
                ("Workflow impact", answer.Impact is { } impact ? $"{impact.Value} of 5" : "not given"),
                ("Training needed", answer.TrainingNeeded ? "Yes" : "No"),
            ]),
        };
        if (answer.Blockers is not null)
        {
            body.Add(CardElements.Text("Blocking you:", subtle: true));
            body.Add(CardElements.UserText(answer.Blockers));
        }

        body.Add(CardElements.Text(
            model.Open ? $"You can change your answer until {CardElements.When(model.ClosesAt)}." : "This check-in is closed.",
            subtle: true));
        return AdaptiveCard.Create(body, model.Open
            ? [CardElements.Execute("Change answer", CardVerbs.ChangeCheckIn, new JObject { ["project"] = model.ProjectCode, ["round"] = model.RoundId })]
            : null);
    }
}
