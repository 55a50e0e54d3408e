using System.Reflection;
using System.Text;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// Every card the bot can send passes the official Adaptive Cards parser for schema 1.5 without a
/// validation event, renders in Chromium (a PNG per card under TestResults/cards), stays under the
/// smallest message size a Teams connector accepts, and gives every Action.Execute a fallback.
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class CardCheckTests(OfficialCardRenderer renderer)
{
    // Some Teams connectors accept 28 KB; keep every card under it.
    private const int MaxCardBytes = 28 * 1024;

    // Teams' people search (Input.ChoiceSet "choices.data" of type Data.Query) is a Teams feature that
    // its documentation uses in cards of any version; the library knows it from schema 1.6 on. A client
    // without it shows the choices listed in the card. This one report is expected, and nothing else.
    private static readonly CardProblem TeamsTypeahead = new("UnsupportedProperty", "Property \"choices.data\" is supported in version 1.6, but you are using version 1.5.");

    public static TheoryData<string> FixtureNames => [.. CardFixtures.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task The_card_passes_the_official_parser_and_renders(string name)
    {
        var card = CardFixtures.All.Single(f => f.Name == name).Build();
        var json = card.ToString(Formatting.Indented);
        var folder = RepositoryLayout.TestOutput("cards");
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), json);

        var check = await renderer.CheckAsync(json, Path.Combine(folder, name + ".png"));

        // Teams' chart elements are unknown to the official renderer, which logs them and shows their
        // fallback: every chart must have one, and then that event is expected, not a problem.
        var charts = card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Chart.", StringComparison.Ordinal) == true).ToList();
        Assert.All(charts, chart => Assert.Equal("TextBlock", (string?)chart["fallback"]?["type"]));
        var problems = check.Problems.Where(p => p != TeamsTypeahead && !(p.Event == "UnknownElementType" && charts.Any(c => p.Message.Contains($"\"{c["type"]}\"", StringComparison.Ordinal)))).ToList();
        Assert.True(problems.Count == 0, "The official parser reported:\n" + string.Join("\n", problems.Select(p => $"{p.Event}: {p.Message}")));
        Assert.True(check.Rendered, "The card rendered nothing.");
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.True(Encoding.UTF8.GetByteCount(card.ToString(Formatting.None)) < MaxCardBytes, "The card is larger than 28 KB.");
        // A refresh is invoked by Teams, not tapped, so it has no Submit fallback; it names at most 60 users.
        if (card["refresh"] is JObject refresh)
        {
            Assert.Equal("Action.Execute", (string?)refresh["action"]?["type"]);
            Assert.False(string.IsNullOrEmpty((string?)refresh["action"]?["verb"]), "The refresh has no verb.");
            Assert.InRange(refresh["userIds"]?.Count() ?? 0, 1, 60);
        }

        foreach (var execute in card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "Action.Execute" && o.Path != "refresh.action"))
        {
            Assert.False(string.IsNullOrEmpty((string?)execute["verb"]), "An Action.Execute has no verb.");
            Assert.Equal("Action.Submit", (string?)execute["fallback"]?["type"]);
            Assert.Equal((string?)execute["verb"], (string?)execute["fallback"]!["data"]!["verb"]);
        }
    }

    [Theory]
    [InlineData("risk-acknowledged-pm-view")]
    [InlineData("concern-reported")]
    [InlineData("check-in")]
    [InlineData("check-in-answered-open")]
    public async Task Moments_render_as_dates_and_times_in_the_readers_zone_not_as_raw_functions(string name)
    {
        var card = CardFixtures.All.Single(f => f.Name == name).Build();

        var check = await renderer.CheckAsync(card.ToString());

        Assert.Contains("{{DATE(", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", check.Text, StringComparison.Ordinal);
        Assert.Contains("2026", check.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("digest-60-projects", "and 50 more projects")]
    [InlineData("digest-six-projects-preview", "preview, not sent")]
    public async Task The_digest_reads_on_a_phone_with_its_charts_said_in_text(string name, string expected)
    {
        var card = CardFixtures.All.Single(f => f.Name == name).Build();

        var check = await renderer.CheckAsync(card.ToString(), Path.Combine(RepositoryLayout.TestOutput("cards"), name + "-phone.png"), width: 360);

        Assert.True(check.Rendered);
        Assert.Contains("Projects by status: ", check.Text, StringComparison.Ordinal);
        Assert.Contains("Open high and critical risks: ", check.Text, StringComparison.Ordinal);
        Assert.Contains(expected, check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_without_a_project_says_who_may_and_points_to_help()
    {
        var card = CardFixtures.All.Single(f => f.Name == "notice-refused-on-no-project").Build();

        var check = await renderer.CheckAsync(card.ToString());

        Assert.True(check.Rendered);
        Assert.Contains(
            "Only the project managers or the leaders of a project can do that, and you are not one on any project you are on. Type **help** to see what you can do.",
            check.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_a_person_typed_is_shown_literally_not_as_a_link()
    {
        var card = CardFixtures.All.Single(f => f.Name == "unknown-without-suggestion").Build();

        var check = await renderer.CheckAsync(card.ToString());

        Assert.Contains("**[click](http://evil.example)**", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_card_builder_has_a_fixture()
    {
        var builders = typeof(AdaptiveCard).Assembly.GetTypes()
            // The shared cards and each feature's, whose fixtures are in its test folder (FeatureCardFixtures).
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace is { } name
                && (name.StartsWith("HealthItPm.Bot.Cards", StringComparison.Ordinal)
                    || name.StartsWith("HealthItPm.Bot.Features", StringComparison.Ordinal)))
            .Where(t => t.GetMethod("Build", BindingFlags.Public | BindingFlags.Static) is not null)
            .ToList();
        var covered = CardFixtures.All.Select(f => f.Builder).ToHashSet();

        Assert.NotEmpty(builders);
        Assert.Empty(builders.Where(b => !covered.Contains(b)).Select(b => b.Name));
    }

    public static TheoryData<string, string> BrokenCards => new()
    {
        { """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Foo","text":"x"}]}""", "UnknownElementType" },
        { """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x"}],"actions":[{"type":"Action.Teleport","title":"Go"}]}""", "UnknownActionType" },
        { """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","isRequired":true}]}""", "RequiredInputsShouldHaveLabel" },
        { """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","label":"A"},{"type":"Input.Text","id":"a","label":"B"}]}""", "DuplicateId" },
    };

    [Theory]
    [MemberData(nameof(BrokenCards))]
    public async Task The_checker_reports_a_broken_card(string json, string expected)
    {
        var check = await renderer.CheckAsync(json);

        Assert.Contains(check.Problems, p => p.Event == expected);
    }
}
