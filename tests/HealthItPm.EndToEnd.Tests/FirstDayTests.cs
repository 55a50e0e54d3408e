using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// A first day at the demo hospital, in order, each person in their own Teams client as tools/run opens
/// them: the PM creates a project and adds a nurse and the CIO from the people picker, each with their
/// role in one card; a check-in reaches the nurse, whose answer the PM sees; a critical risk reaches the
/// CIO with its description, he acknowledges it from the card, and the PM is told.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class FirstDayTests(PlaygroundEnvironment env)
{
    private const string Description = "Handheld scanners on 4 West drop their Wi-Fi link during the 08:00 medication pass; nurses fall back to manual double checks.";

    [Fact]
    public async Task A_PM_a_nurse_and_a_CIO_go_through_their_first_day_each_in_their_own_Teams()
    {
        // The nurse and the CIO use the app once: the bot can reach them, and the PM's picker offers them.
        await using var nurse = await TeamsChat.OpenAsync(env, DemoPerson.Nurse);
        await nurse.AskAsync("help", "What I can do");
        await using var cio = await TeamsChat.OpenAsync(env, DemoPerson.Leader);
        await cio.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("DAY", "Closed-loop medication administration", 45, endInDays: 120);

        // The Playground cannot search as one types: its picker lists the people the bot knows. Both are
        // picked with the discipline most of them share, then the CIO is made a leader on the second step.
        var form = await pm.AskAsync("stakeholder add", "Add people");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Nina Patel (RN)" }).CheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Dr. Marcus Lee (CIO)" }).CheckAsync();
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Discipline" }).ClickAsync();
        await pm.Page.GetByRole(AriaRole.Option, new() { Name = "Nurse", Exact = true }).ClickAsync();
        await pm.PressAsync("Set each person's role");
        await pm.ExpectAsync(form, "each with their role");
        var rows = await form.InnerTextAsync();
        var cioRow = rows.IndexOf("Dr. Marcus Lee (CIO): role", StringComparison.Ordinal) < rows.IndexOf("Nina Patel (RN): role", StringComparison.Ordinal) ? 0 : 1;
        await form.Locator("[role=radiogroup]").Nth(cioRow).Locator("input[value=Leader]").CheckAsync();
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Discipline" }).Nth(cioRow).ClickAsync();
        await pm.Page.GetByRole(AriaRole.Option, new() { Name = "Leader", Exact = true }).ClickAsync();
        await pm.PressAsync("Add");
        await pm.ExpectAsync(form, "Added 2 people.");
        var people = await form.InnerTextAsync();
        Assert.Matches(@"Leaders?[\s\S]*Dr\. Marcus Lee \(CIO\)[\s\S]*Stakeholders?[\s\S]*Nina Patel \(RN\)", people);
        await pm.ScreenshotAsync("first-day-stakeholders");

        // A check-in: to the nurse (leaders get none, and the PM is not asked by default); she answers in her own chat.
        await pm.AskAsync("checkin now", "Sending the check-in to 1 person");
        var checkIn = await nurse.ArrivesAsync($"{code} check-in");
        await checkIn.Locator("input[type=radio][value=OnTrack]").CheckAsync();
        await nurse.PressAsync("Submit");
        await nurse.ExpectAsync(checkIn, $"your {code} check-in is in");
        var status = await (await pm.AskAsync("checkin status", $"{code} check-in so far")).InnerTextAsync();
        Assert.Contains("1 of 1 (100%)", status, StringComparison.Ordinal);

        // A critical patient-safety risk goes to the sponsor at once, with its description on the card.
        form = await pm.AskAsync("risk add", "Log a risk");
        await TeamsChat.FillAsync(form, "Risk", "Barcode scanners fail at the bedside on 4 West");
        await TeamsChat.FillAsync(form, "Description", Description);
        await form.Locator("[role=radiogroup]").Nth(0).Locator("input[value='4']").CheckAsync();
        await form.Locator("[role=radiogroup]").Nth(1).Locator("input[value='5']").CheckAsync();
        await pm.PressAsync("Log risk");
        await pm.ExpectAsync(form, $"Logged {code}-R1 and escalated it to the sponsor at once");

        var escalation = await cio.ArrivesAsync($"Escalated risk {code}-R1");
        Assert.Contains(Description, await escalation.InnerTextAsync(), StringComparison.Ordinal);
        await cio.ScreenshotAsync("first-day-escalation");
        await cio.PressAsync("Acknowledge");
        await cio.ExpectAsync(escalation, "Acknowledged by Dr. Marcus Lee (CIO)");

        // The PM is told, with the risk as it stands.
        var told = await pm.ArrivesAsync($"Dr. Marcus Lee (CIO) acknowledged {code}-R1.");
        await pm.ExpectAsync(told, "Acknowledged by Dr. Marcus Lee (CIO)");
        await pm.ScreenshotAsync("first-day-pm-told");
    }
}
