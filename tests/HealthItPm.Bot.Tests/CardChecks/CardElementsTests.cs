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
