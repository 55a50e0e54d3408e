using System.Globalization;
using Microsoft.Playwright;
using HealthItPm.Testing;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// A readiness wave end to end, each person in their own Teams client: the PM launches it, the survey
/// arrives in the nurse's chat, she answers it in place, and the PM sees the results card.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class AdkarTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task A_wave_is_launched_answered_by_the_nurse_and_its_results_seen_by_the_PM()
    {
        await using var nurse = await TeamsChat.OpenAsync(env, DemoPerson.Nurse);
        await nurse.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = "ADK" + UniqueCodes.Letters(5);

        var form = await pm.AskAsync("project new", "New project");
        await TeamsChat.FillAsync(form, "Code", code);
        await TeamsChat.FillAsync(form, "Name", "Patient portal launch");
        await TeamsChat.FillAsync(form, "Go-live", DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await TeamsChat.FillAsync(form, "End (after stabilization)", DateTime.UtcNow.Date.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await pm.PressAsync("Create project");
        await pm.ExpectAsync(form, $"Created {code}");

        form = await pm.AskAsync("stakeholder add", "Add people");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Nina Patel (RN)" }).CheckAsync();
        await pm.PressAsync("Add");
        await pm.ExpectAsync(form, "Added 1 person.");

        form = await pm.AskAsync("adkar start", "ADKAR readiness survey");
        await TeamsChat.FillAsync(form, "Wave name", "pre go-live");
        await pm.PressAsync("Start wave");
        await pm.ExpectAsync(form, "Readiness survey \u201cpre go-live\u201d started");

        var survey = await nurse.ArrivesAsync($"{code} readiness survey");
        await nurse.ExpectAsync(survey, "I understand why we are moving to Patient portal launch.");
        // One tap a statement: each statement's five scores are radio buttons, one set after another.
        string[] scores = ["4", "5", "3", "4", "4"];
        for (var i = 0; i < scores.Length; i++)
        {
            await survey.Locator($"input[type=radio][value='{scores[i]}']").Nth(i).CheckAsync();
        }

        await nurse.PressAsync("Submit");
        await nurse.ExpectAsync(survey, $"your {code} readiness answer is in");
        await nurse.ExpectAsync(survey, "Change answer");
        await nurse.ScreenshotAsync("adkar-answered");

        var results = await (await pm.AskAsync("adkar results", $"{code} readiness so far: pre go-live")).InnerTextAsync();
        Assert.Contains("1 of 1 (100%)", results, StringComparison.Ordinal);
        // The wave is anonymous and open: the number of answers, and no figure that would show the nurse's scores.
        Assert.Contains("while the survey is open only the number of answers is shown", results, StringComparison.Ordinal);
        Assert.DoesNotContain("stop here", results, StringComparison.Ordinal);
        await pm.ScreenshotAsync("adkar-results");
    }
}
