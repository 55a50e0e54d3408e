using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

public class CardElementsTests
{
    [Theory]
    [InlineData("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_")]
    [InlineData("[click](http://evil.example)", "\\[click\\](http://evil.example)")]
    [InlineData("<b>x</b> `code`", "\\<b\\>x\\</b\\> \\`code\\`")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("--- rule", "\\--- rule")]
    [InlineData("-5 days, +2 · #3", "-5 days, +2 · #3")]
    [InlineData("Go-live #2 + training", "Go-live #2 + training")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("C:\\temp", "C:\\\\temp")]
    public void Markdown_in_a_persons_text_is_neutralised(string text, string escaped) =>
        Assert.Equal(escaped, CardElements.Escape(text));

    [Theory]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, LONG)}}", "{\u2060{DATE(2017-02-14T06:08:39Z, LONG)}}")]
    [InlineData("Go-live {{TIME(2017-02-14T06:08:39Z)}}", "Go-live {\u2060{TIME(2017-02-14T06:08:39Z)}}")]
    public void Date_and_time_functions_in_a_persons_text_stay_literal(string text, string shown)
    {
        Assert.Equal(shown, CardElements.Escape(text));
        Assert.Equal(shown, CardElements.UserText(text).Inlines[0].Text);
    }

    [Theory]
    [InlineData("You are not on [Sign in again](https://evil.example/login).", "You are not on \\[Sign in again\\](https://evil.example/login).")]
    [InlineData("Type **project list** to see yours.", "Type **project list** to see yours.")]
    [InlineData("Only the PMs of <a href='x'>EHR</a>", "Only the PMs of \\<a href='x'\\>EHR\\</a\\>")]
    [InlineData("Already escaped: \\[x\\]", "Already escaped: \\[x\\]")]
    [InlineData("Named \\\\[x](y)", "Named \\\\\\[x\\](y)")]
    [InlineData("A milestone called {{DATE(2017-02-14T06:08:39Z)}}", "A milestone called {\u2060{DATE(2017-02-14T06:08:39Z)}}")]
    public void A_domain_sentence_keeps_its_emphasis_but_cannot_carry_a_link(string sentence, string shown) =>
        Assert.Equal(shown, Markdown.Worded(sentence).Text);

    [Fact]
    public void Every_universal_action_carries_its_verb_in_a_submit_fallback()
    {
        var action = (JObject)new AdaptiveCard([new ActionSet([CardElements.Command("Run help", "help")])]).ToJObject()["body"]![0]!["actions"]![0]!;

        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(CardVerbs.RunCommand, (string?)action["verb"]);
        Assert.Equal(CardVerbs.RunCommand, (string?)action["data"]!["verb"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        Assert.Equal("help", (string?)action["fallback"]!["data"]!["command"]);
        Assert.Equal(CardVerbs.RunCommand, (string?)action["fallback"]!["data"]!["verb"]);
    }

    [Fact]
    public void The_holes_of_the_bots_markdown_are_escaped_unless_they_are_markdown()
    {
        var name = "[EHR](https://evil.example) *now*";
        var due = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        var text = Markdown.Of($"Only the PMs of **{name}** can do that, until {Markdown.When(due)}");

        Assert.Equal(
            "Only the PMs of **\\[EHR\\](https://evil.example) \\*now\\*** can do that, until {{DATE(2026-11-30T09:00:00Z, SHORT)}} {{TIME(2026-11-30T09:00:00Z)}}",
            text.Text);
    }

    [Theory]
    [InlineData("- a list", "\\- a list")]
    [InlineData("{{DATE(2017-02-14T06:08:39Z)}}", "{\u2060{DATE(2017-02-14T06:08:39Z)}}")]
    public void A_hole_is_escaped_as_the_whole_text_would_be_at_its_start_only(string typed, string shown)
    {
        Assert.Equal(shown, Markdown.Of($"{typed}").Text);
        Assert.Equal("Then " + typed.Replace("{{", "{\u2060{", StringComparison.Ordinal), Markdown.Of($"Then {typed}").Text);
    }

    [Fact]
    public void A_hole_cannot_finish_a_date_function_begun_by_the_text_before_it() =>
        Assert.DoesNotContain("{{", Markdown.Of($"{{{"{DATE(2017-02-14T06:08:39Z)}}"}").Text, StringComparison.Ordinal);

    [Fact]
    public void Numbers_in_a_hole_are_written_for_the_readers_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("1.234,5 of 5", Markdown.Of($"{1234.5m:#,0.0} of 5").Text);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void A_text_run_shows_a_persons_text_as_typed_but_not_as_a_date()
    {
        var json = new AdaptiveCard([CardElements.UserText("**{{DATE(2017-02-14T06:08:39Z)}}**")]).ToJObject();

        Assert.Equal("**{\u2060{DATE(2017-02-14T06:08:39Z)}}**", (string?)json["body"]![0]!["inlines"]![0]!["text"]);
    }

    [Fact]
    public void A_sentence_from_resources_keeps_its_markdown_and_escapes_its_values()
    {
        using var _ = new InCulture("de-DE");

        var sentence = Markdown.Sentence("**{0}** is {1:0.00} days late {{still}}; {2}", ["[Sign in](https://evil.example) {{DATE(2017-02-14T06:08:39Z)}}", 1.5m, Markdown.Of($"_as planned_")]);

        Assert.Equal("**\\[Sign in\\](https://evil.example) {\u2060{DATE(2017-02-14T06:08:39Z)}}** is 1,50 days late {still}; _as planned_", sentence.Text);
    }

    [Theory]
    [InlineData("Milestone {1} is late")]
    [InlineData("Milestone {name} is late")]
    [InlineData("Milestone } is late")]
    public void A_sentence_naming_a_value_it_is_not_given_is_refused(string sentence) =>
        Assert.Throws<FormatException>(() => Markdown.Sentence(sentence, ["Build"]));
}
