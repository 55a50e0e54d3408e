namespace HealthItPm.EndToEnd.Tests;

/// <summary>A check-in sent, answered in the card, changed, and counted once in the PM's status.</summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class CheckInTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task A_check_in_is_answered_in_place_and_a_double_submit_counts_once()
    {
        await using var chat = await TeamsChat.OpenAsync(env);
        var code = await chat.CreateProjectAsync("CHK", "Telemedicine rollout", 60);

        // Rounds go to stakeholders; the PM includes PMs, so the card arrives in this chat, delivered by the pipeline before or after the reply.
        await chat.AskAsync("checkin now including pms", "Sending the check-in to 1 person");
        var checkIn = await chat.ArrivesAsync("takes 10 seconds");
        await chat.ExpectAsync(checkIn, $"{code} check-in");

        await checkIn.Locator("input[type=radio][value=SomeConcerns]").CheckAsync();
        await checkIn.Locator("input[type=radio][value='3']").CheckAsync();
        await TeamsChat.FillAsync(checkIn, "What is blocking you?", "Video visits drop on the old clinic iPads");
        await chat.PressAsync("Submit");
        await chat.ExpectAsync(checkIn, $"your {code} check-in is in");
        await chat.ExpectAsync(checkIn, "Some concerns");

        await chat.PressAsync("Change answer");
        await chat.ExpectAsync(checkIn, "takes 10 seconds");
        await chat.PressAsync("Submit");
        await chat.ExpectAsync(checkIn, $"your {code} check-in is in");
        await chat.ScreenshotAsync("checkin-answered");

        var status = await (await chat.AskAsync("checkin status", $"{code} check-in so far")).InnerTextAsync();
        Assert.Contains("1 of 1 (100%)", status, StringComparison.Ordinal);
        Assert.Contains("Video visits drop on the old clinic iPads", status, StringComparison.Ordinal);
        await chat.ScreenshotAsync("checkin-status");
    }
}
