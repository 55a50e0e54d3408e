namespace HealthItPm.EndToEnd.Tests;

/// <summary>Talking to the bot in the Teams client: help, a hint for nonsense, a suggestion run in place.</summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class ConversationTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task Help_shows_the_help_card()
    {
        await using var chat = await TeamsChat.OpenAsync(env);

        var card = await chat.AskAsync("help", "What I can do");

        Assert.Contains("project new", await card.InnerTextAsync(), StringComparison.Ordinal);
        await chat.ScreenshotAsync("help");
    }

    [Fact]
    public async Task A_nonsense_command_gets_a_hint()
    {
        await using var chat = await TeamsChat.OpenAsync(env);

        var card = await chat.AskAsync("qwertyuiop", "I don't know that command");

        Assert.Contains("to see what I can do", await card.InnerTextAsync(), StringComparison.Ordinal);
        await chat.ScreenshotAsync("nonsense");
    }

    [Fact]
    public async Task A_typo_offers_the_command_and_running_it_replaces_the_card_in_place()
    {
        await using var chat = await TeamsChat.OpenAsync(env);
        var card = await chat.AskAsync("hlep", "Did you mean help?");
        var cards = await chat.Page.Locator(".ac-adaptiveCard").CountAsync();

        await chat.PressAsync("Run help");

        await chat.ExpectAsync(card, "What I can do");
        Assert.Equal(cards, await chat.Page.Locator(".ac-adaptiveCard").CountAsync());
        await chat.ScreenshotAsync("typo-run-in-place");
    }
}
