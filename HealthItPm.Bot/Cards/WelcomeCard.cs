using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

public sealed record WelcomeCardModel(bool InChannel);

/// <summary>Sent once when the app is installed: who the bot is for and the first thing to try.</summary>
public static class WelcomeCard
{
    /// <summary>What the bot offers, and only what its commands do today (a test holds each claim to a command).</summary>
    public const string Promise =
        "I help Health IT project teams run EHR, telemedicine, PACS/RIS, e-prescribing and patient-portal projects from Teams: " +
        "project status with its reasons, milestones, budget and KPIs; short check-ins with the people affected; " +
        "and risks that escalate to leaders, who act on them from the card.";

    public static JObject Build(WelcomeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var howToAsk = model.InChannel ? "@mention me with a command" : "type a command here";
        return new AdaptiveCard(
            [
                CardElements.Heading(Markdown.Of($"Welcome to HealthItPm")),
                CardElements.Text(Markdown.Of($"{Promise}")),
                CardElements.Text(Markdown.Of($"To start, {howToAsk}, or tap **Show help**."), subtle: true),
            ],
            [CardElements.Command("Show help", "help", primary: true)]).ToJObject();
    }
}
