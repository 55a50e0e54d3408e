using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards;

/// <summary>Teams' chart elements, always with a text fallback that says the same for clients that do not draw charts.</summary>
public static class CardCharts
{
    public static JObject VerticalBar(string title, IEnumerable<(string X, decimal Y)> data, string fallbackText) => new()
    {
        ["type"] = "Chart.VerticalBar",
        ["title"] = title,
        ["data"] = new JArray(data.Select(d => new JObject { ["x"] = d.X, ["y"] = d.Y })),
        ["fallback"] = new JObject { ["type"] = "TextBlock", ["text"] = fallbackText, ["wrap"] = true },
    };
}
