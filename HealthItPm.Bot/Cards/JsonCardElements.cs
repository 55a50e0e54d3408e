using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>The JSON pieces of the cards not yet built from typed elements (see <see cref="CardElements"/>).</summary>
public static class JsonCardElements
{
    public static JObject Card(IEnumerable<JObject> body, IEnumerable<JObject>? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = AdaptiveCard.Version,
            ["body"] = new JArray(body),
            ["msteams"] = new JObject { ["width"] = "Full" },
        };
        var actionList = actions?.ToList();
        if (actionList is { Count: > 0 })
        {
            card["actions"] = new JArray(actionList);
        }

        return card;
    }

    public static JObject VerticalBar(string title, IEnumerable<(string X, decimal Y)> data, string fallbackText) => new()
    {
        ["type"] = "Chart.VerticalBar",
        ["title"] = title,
        ["data"] = new JArray(data.Select(d => new JObject { ["x"] = d.X, ["y"] = d.Y })),
        ["fallback"] = new JObject { ["type"] = "TextBlock", ["text"] = fallbackText, ["wrap"] = true },
    };

    public static JObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Large",
        ["weight"] = "Bolder",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    /// <summary>A section title with a separator above it.</summary>
    public static JObject Section(string title) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = title,
        ["weight"] = "Bolder",
        ["spacing"] = "Medium",
        ["separator"] = true,
        ["wrap"] = true,
    };

    /// <summary>What is wrong with a field, shown right below it (forms, check-in and survey cards alike).</summary>
    public static JObject FieldProblem(string message) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = Elements.Markdown.Worded(message).Text,
        ["color"] = "Attention",
        ["wrap"] = true,
        ["spacing"] = "Small",
    };

    public static JObject Text(string markdown, bool subtle = false, string? spacing = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = markdown, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    /// <summary>Text a person typed, shown literally: Teams does not interpret markdown in a TextRun.</summary>
    public static JObject UserText(string text, bool italic = false) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray(new JObject { ["type"] = "TextRun", ["text"] = Elements.Markdown.WithoutDateFunctions(text), ["italic"] = italic }),
    };

    /// <summary>Something that happened: when (in the reader's zone, subtle), then what, shown literally.</summary>
    public static JObject Event(DateTimeOffset at, string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray(
            new JObject { ["type"] = "TextRun", ["text"] = CardElements.When(at) + " · ", ["isSubtle"] = true },
            new JObject { ["type"] = "TextRun", ["text"] = Elements.Markdown.WithoutDateFunctions(text) }),
    };

    public static JObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Value })),
    };

    /// <summary>
    /// A Universal Action with an <c>Action.Submit</c> fallback for clients that predate
    /// <c>Action.Execute</c>; both carry the verb in their data so one router serves them.
    /// </summary>
    public static JObject Execute(string title, string verb, JObject? data = null, bool primary = false)
    {
        var payload = data is null ? new JObject() : (JObject)data.DeepClone();
        payload["verb"] = verb;
        var action = new JObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = verb,
            ["data"] = payload,
            ["fallback"] = new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = payload.DeepClone() },
        };
        if (primary)
        {
            action["style"] = "positive";
        }

        return action;
    }
}
