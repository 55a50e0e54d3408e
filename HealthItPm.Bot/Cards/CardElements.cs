using System.Text;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// The pieces cards are made of. Text the bot writes may use markdown; text a person typed goes
/// only through <see cref="UserText"/> or <see cref="Escape"/>, so it can never become a link or formatting.
/// </summary>
public static class CardElements
{
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
        ["text"] = Inert(message),
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
        ["inlines"] = new JArray(new JObject { ["type"] = "TextRun", ["text"] = WithoutDateFunctions(text), ["italic"] = italic }),
    };

    /// <summary>
    /// A moment as each reader's Teams shows it, in their own time zone and locale (the Adaptive Cards
    /// DATE and TIME functions), instead of one zone written into the text.
    /// </summary>
    public static string When(DateTimeOffset at)
    {
        var iso = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return $"{{{{DATE({iso}, SHORT)}}}} {{{{TIME({iso})}}}}";
    }

    /// <summary>Something that happened: when (in the reader's zone, subtle), then what, shown literally.</summary>
    public static JObject Event(DateTimeOffset at, string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray(
            new JObject { ["type"] = "TextRun", ["text"] = When(at) + " · ", ["isSubtle"] = true },
            new JObject { ["type"] = "TextRun", ["text"] = WithoutDateFunctions(text) }),
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

    /// <summary>
    /// Neutralises markdown so that a person's text can sit inside a TextBlock or FactSet: characters
    /// that make emphasis, links, code or HTML are escaped everywhere; those that only start a list or
    /// heading are escaped at the start, the one place they act (line breaks become spaces).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '`' or '<' or '>' or '~' || (builder.Length == 0 && c is '#' or '-' or '+'))
            {
                builder.Append('\\');
            }

            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return WithoutDateFunctions(builder.ToString());
    }

    /// <summary>
    /// A message the bot worded (a refusal, a problem, a note on a form), its typed values already
    /// escaped: its own emphasis stays, and as a second line of defence nothing in it can become a link,
    /// an image or HTML, or a date. Brackets and angle brackets not already escaped are escaped.
    /// </summary>
    public static string Inert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length)
            {
                builder.Append(c).Append(markdown[++i]);
                continue;
            }

            if (c is '[' or ']' or '<' or '>')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return WithoutDateFunctions(builder.ToString());
    }

    /// <summary>
    /// Teams replaces <c>{{DATE(…)}}</c> and <c>{{TIME(…)}}</c> in any text with a formatted moment; a
    /// word joiner between the braces keeps a person's text literal (input never contains one: the
    /// domain strips invisible characters).
    /// </summary>
    private static string WithoutDateFunctions(string text) =>
        text.Contains("{{", StringComparison.Ordinal) ? text.Replace("{{", "{\u2060{", StringComparison.Ordinal) : text;
}
