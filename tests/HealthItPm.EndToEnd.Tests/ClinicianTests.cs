using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// Both sides of a check-in, each in their own Teams client as tools/run opens them: the PM adds a
/// nurse and sends a check-in; it arrives in the nurse's chat, she answers in place, and the PM sees it.
/// </summary>
[Collection(SharedPlayground.Name)]
public class ClinicianTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task A_check_in_reaches_the_nurse_in_her_own_Teams_and_her_answer_reaches_the_PM()
    {
        // The nurse uses the app once: the bot can now reach her, and offers her to the PM as a colleague.
        await using var nurse = await TeamsChat.OpenAsync(env, DemoPerson.Nurse);
        await nurse.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("NRS", "Patient portal launch", 30, endInDays: 90);

        var form = await pm.AskAsync("stakeholder add", "Add people");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Nina Patel (RN)" }).CheckAsync();
        await pm.PressAsync("Add");
        await pm.ExpectAsync(form, "Added 1 person.");

        await pm.AskAsync("checkin now", "Sending the check-in to 2 people");

        var checkIn = await nurse.ArrivesAsync($"{code} check-in");
        await checkIn.Locator("input[type=radio][value=OnTrack]").CheckAsync();
        await nurse.PressAsync("Submit");
        await nurse.ExpectAsync(checkIn, $"your {code} check-in is in");
        await nurse.ScreenshotAsync("nurse-checkin-answered");

        var status = await (await pm.AskAsync("checkin status", $"{code} check-in so far")).InnerTextAsync();
        Assert.Contains("1 of 2 (50%)", status, StringComparison.Ordinal);
        await pm.ScreenshotAsync("pm-sees-nurse-answer");
    }
}
