using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>The PM sets a project's escalation policy from its form (a critical risk reaching the CIO is walked in <see cref="FirstDayTests"/>).</summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class RiskTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task The_PM_tightens_the_escalation_policy_from_its_form()
    {
        // The CIO uses the app, so the bot can reach him and offers him as a colleague.
        await using var sponsor = await TeamsChat.OpenAsync(env, DemoPerson.Leader);
        await sponsor.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("RSK", "Barcode medication administration", 45);
        await pm.AddCioAsLeaderAsync();

        // One hour to acknowledge, counted in office hours.
        var form = await pm.AskAsync("escalation", $"{code} · Escalation");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Acknowledge within" }).ClickAsync();
        await pm.Page.GetByRole(AriaRole.Option, new() { Name = "1 hour", Exact = true }).ClickAsync();
        await form.Locator("input[type=radio][value=business]").CheckAsync();
        await pm.PressAsync("Save");
        await pm.ExpectAsync(form, "Every open risk of the project follows this policy from now on.");
        await pm.ExpectAsync(form, "1 hour");
        await pm.ExpectAsync(form, "Dr. Marcus Lee (CIO)");
        await pm.ScreenshotAsync("escalation-policy");
    }
}
