using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Tests.CardChecks;

public class CardElementsTests
{
    [Theory]
    [InlineData("**bold** and _it_", "\\*\\*bold\\*\\* and \\_it\\_")]
    [InlineData("[click](http://evil.example)", "\\[click\\](http://evil.example)")]
    [InlineData("<b>x</b> `code`", "\\<b\\>x\\</b\\> \\`code\\`")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- item", "\\- item")]
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
        Assert.Equal(shown, (string?)CardElements.UserText(text)["inlines"]![0]!["text"]);
    }

    [Theory]
    [InlineData("You are not on [Sign in again](https://evil.example/login).", "You are not on \\[Sign in again\\](https://evil.example/login).")]
    [InlineData("Type **project list** to see yours.", "Type **project list** to see yours.")]
    [InlineData("Only the PMs of <a href='x'>EHR</a>", "Only the PMs of \\<a href='x'\\>EHR\\</a\\>")]
    [InlineData("Already escaped: \\[x\\]", "Already escaped: \\[x\\]")]
    [InlineData("Named \\\\[x](y)", "Named \\\\\\[x\\](y)")]
    [InlineData("A milestone called {{DATE(2017-02-14T06:08:39Z)}}", "A milestone called {\u2060{DATE(2017-02-14T06:08:39Z)}}")]
    public void A_domain_sentence_keeps_its_emphasis_but_cannot_carry_a_link(string sentence, string shown) =>
        Assert.Equal(shown, CardElements.Inert(sentence));

    [Fact]
    public void Every_universal_action_carries_its_verb_in_a_submit_fallback()
    {
        var action = CardElements.Execute("Run help", CardVerbs.RunCommand, new Newtonsoft.Json.Linq.JObject { ["command"] = "help" });

        Assert.Equal("Action.Execute", (string?)action["type"]);
        Assert.Equal(CardVerbs.RunCommand, (string?)action["data"]!["verb"]);
        Assert.Equal("Action.Submit", (string?)action["fallback"]!["type"]);
        Assert.Equal("help", (string?)action["fallback"]!["data"]!["command"]);
    }
}
