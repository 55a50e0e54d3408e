using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// Cards are built from the typed elements in <c>Cards/Elements</c>, which decide how text is escaped;
/// an element written as a raw JSON object would bypass that. The cards and the dialog layer that adds
/// to them build no <c>["type"] = …</c> object, except the one invoke response that names its content
/// type (Teams' people search answer), which is not a card element.
/// </summary>
public partial class TypedCardElementsTests
{
    private const string SearchResponse = "\"application/vnd.microsoft.search.searchResponse\"";

    private static readonly string[] Scanned = ["Cards", "Teams"];

    [Fact]
    public void No_card_element_is_built_as_a_raw_json_object()
    {
        var bot = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot");
        var raw = Scanned
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(bot, folder), "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetRelativePath(bot, f), Line: i + 1, Text: line.Trim())))
            .Where(l => RawType().IsMatch(l.Text) && !l.Text.Contains(SearchResponse, StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.True(raw.Count == 0, "Build these from Cards/Elements instead:\n" + string.Join("\n", raw));
    }

    [Fact]
    public void The_scan_finds_a_raw_element()
    {
        Assert.Matches(RawType(), "new JObject { [\"type\"] = \"TextBlock\", [\"text\"] = name }");
        Assert.Matches(RawType(), "block[\"type\"]= \"TextBlock\";");
        Assert.DoesNotMatch(RawType(), "(string?)o[\"type\"] == \"Action.Execute\"");
    }

    [GeneratedRegex("""\[\s*"type"\s*\]\s*=(?!=)""")]
    private static partial Regex RawType();
}
