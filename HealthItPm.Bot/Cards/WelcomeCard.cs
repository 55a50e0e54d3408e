using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

public sealed record WelcomeCardModel(bool InChannel);

/// <summary>Sent once when the app is installed: who the bot is for and the first thing to try.</summary>
public static class WelcomeCard
{
    private static TextResource Texts => CardTexts.Common;

    /// <summary>What the bot offers, and only what its commands do today (a test holds each claim to a command).</summary>
    public static string Promise => Texts["Welcome_Promise"];

    public static JObject Build(WelcomeCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new AdaptiveCard(
            [
                CardElements.Heading(Texts.Markdown("Welcome_Title")),
                CardElements.Text(Markdown.Literal(Promise)),
                CardElements.Text(Texts.Markdown(model.InChannel ? "Welcome_Start_Channel" : "Welcome_Start_Chat"), subtle: true),
            ],
            [CardElements.Command(Texts["ShowHelp"], "help", primary: true)]).ToJObject();
    }
}
