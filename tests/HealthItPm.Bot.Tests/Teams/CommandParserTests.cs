using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams.Commands;

namespace HealthItPm.Bot.Tests.Teams;

public class CommandParserTests
{
    private static readonly CommandParser Parser = new(
    [
        new CommandDefinition("help"),
        new CommandDefinition("project"),
        new CommandDefinition("project new"),
        new CommandDefinition("risk add"),
    ]);

    [Theory]
    [InlineData("help", "help", "")]
    [InlineData("HeLp", "help", "")]
    [InlineData("  help  ", "help", "")]
    [InlineData("help\u00a0me", "help", "me")]
    [InlineData("project new", "project new", "")]
    [InlineData("project   NEW   Epic go-live", "project new", "Epic go-live")]
    [InlineData("project list", "project", "list")]
    [InlineData("risk add\tvendor delay", "risk add", "vendor delay")]
    public void The_longest_matching_command_wins_and_its_arguments_keep_their_case(string text, string command, string arguments)
    {
        var known = Assert.IsType<CommandMatch.Known>(Parser.Parse(text));

        Assert.Equal(command, known.Command.Name);
        Assert.Equal(arguments, known.Arguments);
    }

    [Theory]
    [InlineData("hlep", "help")]
    [InlineData("hepl", "help")]
    [InlineData("halp", "help")]
    [InlineData("projet new", "project new")]
    [InlineData("risk ad", "risk add")]
    [InlineData("rsk add", "risk add")]
    public void A_typo_gets_the_closest_command(string text, string suggestion)
    {
        var unknown = Assert.IsType<CommandMatch.Unknown>(Parser.Parse(text));

        Assert.Equal(suggestion, unknown.Suggestion?.Name);
    }

    [Theory]
    [InlineData("qwertyuiop")]
    [InlineData("what is the go-live date")]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_far_from_every_command_gets_no_suggestion(string text)
    {
        var unknown = Assert.IsType<CommandMatch.Unknown>(Parser.Parse(text));

        Assert.Null(unknown.Suggestion);
    }

    [Fact]
    public void The_typed_text_is_kept_with_its_spacing_normalised()
    {
        var unknown = Assert.IsType<CommandMatch.Unknown>(Parser.Parse("  Qwerty   uiop "));

        Assert.Equal("Qwerty uiop", unknown.Typed);
    }
}
