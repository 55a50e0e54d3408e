using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

public sealed record WelcomeCardModel(bool InChannel);

/// <summary>Sent once when the app is installed: who the bot is for and the first thing to try.</summary>
public static class WelcomeCard
{
    public static JObject Build(WelcomeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var howToAsk = model.InChannel ? "@mention me with a command" : "type a command here";
        return AdaptiveCard.Create(
            [
                CardElements.Heading("Welcome to HealthItPm"),
                CardElements.Text("I help Health IT project teams run EHR, telemedicine, PACS/RIS, e-prescribing and patient-portal projects: short check-ins, change-readiness surveys, risks and escalations, and a weekly digest for leadership."),
                CardElements.Text($"To start, {howToAsk}, or tap **Show help**.", subtle: true),
            ],
            [CardElements.Execute("Show help", CardVerbs.RunCommand, new JObject { ["command"] = "help" }, primary: true)]);
    }
}
