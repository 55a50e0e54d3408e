using System.Text.Json;
using System.Text.Json.Serialization;
using HealthItPm.Bot.Cards.Elements;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using CardAction = HealthItPm.Bot.Cards.Elements.CardAction;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The card envelope every builder shares: Adaptive Cards 1.5 as Teams renders it for bots, full
/// width, optionally refreshed for the people named in it. Builders make it from typed elements and
/// hand out its JSON (<see cref="ToJObject"/>), which is what the Bot Framework sends.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<Element> Body)
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public AdaptiveCard(IReadOnlyList<Element> body, IReadOnlyList<CardAction>? actions)
        : this(body) => Actions = actions is { Count: > 0 } ? actions : null;

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-2)]
    public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyName("version")]
    [JsonPropertyOrder(-1)]
    public string SchemaVersion => Version;

    public IReadOnlyList<CardAction>? Actions { get; init; }

    // Full width reads better in a chat than the default narrow bubble.
    [JsonPropertyName("msteams")]
    public TeamsWidth MsTeams => new("Full");

    public Refresh? Refresh { get; init; }

    /// <summary>
    /// Sets both JSON libraries up before the host's first card, so that a host that has just started does not pay
    /// for their first use while it composes a fan-out's first cards all at once. Returns a card, for the
    /// connector's side of the same (<see cref="Teams.SharedJsonContractsMiddleware.Prepare"/>).
    /// </summary>
    public static JObject Prepare() => ToJson(new AdaptiveCard([new TextBlock(Markdown.Empty)]));

    /// <summary>The card's JSON as the Bot Framework sends it (and as the card checks read it).</summary>
    public JObject ToJObject() => ToJson(this);

    /// <summary>One element's JSON, for the few places that add to a card already built (a banner, a field's problem).</summary>
    public static JObject ElementJson(Element element) => ToJson(element);

    private static JObject ToJson<T>(T value)
    {
        using var reader = new JsonTextReader(new StringReader(System.Text.Json.JsonSerializer.Serialize(value, Json)))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JObject.Load(reader);
    }

    public static Attachment ToAttachment(JObject card) => new() { ContentType = ContentType, Content = card };

    public static IMessageActivity ToActivity(JObject card) => MessageFactory.Attachment(ToAttachment(card));

    public sealed record TeamsWidth(string Width);
}
