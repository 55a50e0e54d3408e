using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>A critical patient-safety risk logged by the PM reaches the sponsor's Teams, who acknowledges it in place.</summary>
[Collection(SharedPlayground.Name)]
public class RiskTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task A_critical_patient_safety_risk_is_escalated_to_the_sponsor_and_acknowledged_in_place()
    {
        // The CIO uses the app, so the bot can reach him and offers him as a colleague.
        await using var sponsor = await TeamsChat.OpenAsync(env, DemoPerson.Leader);
        await sponsor.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("RSK", "Barcode medication administration", 45);
        await pm.AddCioAsLeaderAsync();

        var form = await pm.AskAsync("risk add", "Log a risk");
        await TeamsChat.FillAsync(form, "Risk", "Barcode scanners fail at the bedside on 4 West");
        await form.Locator("[role=radiogroup]").Nth(0).Locator("input[value='4']").CheckAsync();
        await form.Locator("[role=radiogroup]").Nth(1).Locator("input[value='5']").CheckAsync();
        await pm.PressAsync("Log risk");
        await pm.ExpectAsync(form, $"Logged {code}-R1 and escalated it to the sponsor at once: the card is on its way to");
        await pm.ScreenshotAsync("risk-logged");

        var card = await sponsor.ArrivesAsync($"Escalated risk {code}-R1");
        await sponsor.PressAsync("Acknowledge");
        await sponsor.ExpectAsync(card, "Acknowledged by Dr. Marcus Lee (CIO)");
        await sponsor.ScreenshotAsync("risk-acknowledged");

        // The PM tightens the policy: one hour to acknowledge, counted in office hours.
        form = await pm.AskAsync("escalation", $"{code} · Escalation");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Acknowledge within" }).ClickAsync();
        await pm.Page.GetByRole(AriaRole.Option, new() { Name = "1 hour", Exact = true }).ClickAsync();
        await form.Locator("input[type=radio][value=business]").CheckAsync();
        await pm.PressAsync("Save");
        await pm.ExpectAsync(form, "Every open risk of the project follows this policy from now on.");
        await pm.ExpectAsync(form, "1 hour");
        await pm.ScreenshotAsync("escalation-policy");
    }
}
