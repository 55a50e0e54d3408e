using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>The card envelope every builder shares: Adaptive Cards 1.5 as Teams renders it for bots.</summary>
public static class AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static JObject Create(IEnumerable<JObject> body, IEnumerable<JObject>? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = new JArray(body),
            // Full width reads better in a chat than the default narrow bubble.
            ["msteams"] = new JObject { ["width"] = "Full" },
        };
        var actionList = actions?.ToList();
        if (actionList is { Count: > 0 })
        {
            card["actions"] = new JArray(actionList);
        }

        return card;
    }

    public static Attachment ToAttachment(JObject card) => new() { ContentType = ContentType, Content = card };

    public static IMessageActivity ToActivity(JObject card) => MessageFactory.Attachment(ToAttachment(card));
}
