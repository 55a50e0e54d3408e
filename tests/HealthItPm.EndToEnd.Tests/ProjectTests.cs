using System.Globalization;
using HealthItPm.Testing;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>A PM sets up a project from the form cards and reads the computed figures on the status card.</summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class ProjectTests(PlaygroundEnvironment env)
{
    private static string Date(int days) => DateTime.UtcNow.Date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_project_set_up_from_forms_shows_spi_and_cpi()
    {
        await using var chat = await TeamsChat.OpenAsync(env);
        var code = "E2E" + UniqueCodes.Letters(5);

        var form = await chat.AskAsync("project new", "New project");
        await TeamsChat.FillAsync(form, "Code", code);
        await TeamsChat.FillAsync(form, "Name", "Epic EHR go-live");
        await TeamsChat.FillAsync(form, "Go-live", Date(90));
        await TeamsChat.FillAsync(form, "End (after stabilization)", Date(180));
        await chat.PressAsync("Create project");
        await chat.ExpectAsync(form, $"Created {code}");

        form = await chat.AskAsync("budget set", "Budget");
        await TeamsChat.FillAsync(form, "Budget at completion", "100000");
        await chat.PressAsync("Save budget");
        await chat.ExpectAsync(form, "Budget saved.");

        foreach (var (name, planned) in new[] { ("Build complete", -10), ("Go-live", 90) })
        {
            form = await chat.AskAsync("milestone add", "Add a milestone");
            await TeamsChat.FillAsync(form, "Milestone", name);
            await TeamsChat.FillAsync(form, "Planned date", Date(planned));
            await TeamsChat.FillAsync(form, "Weight (share of the work)", "50");
            await chat.PressAsync("Add milestone");
            await chat.ExpectAsync(form, $"Added milestone \u201c{name}\u201d.");
        }

        form = await chat.AskAsync("milestone done", "Mark a milestone done");
        await chat.PressAsync("Mark done");
        await chat.ExpectAsync(form, "Marked \u201cBuild complete\u201d done.");

        form = await chat.AskAsync("spend", "Record spend");
        await TeamsChat.FillAsync(form, "Amount", "40000");
        await chat.PressAsync("Record spend");
        await chat.ExpectAsync(form, "Spend recorded.");

        // PV = 100,000 x 50/100 = 50,000 (Build complete was planned 10 days ago); EV = 50,000 (done today);
        // AC = 40,000. SPI = 1.00, CPI = 1.25, EAC = 100,000 / 1.25 = 80,000.
        var status = await (await chat.AskAsync("status", $"{code} · Epic EHR go-live")).InnerTextAsync();
        Assert.Contains("Status: Green", status, StringComparison.Ordinal);
        Assert.Contains("1.00", status, StringComparison.Ordinal);
        Assert.Contains("1.25", status, StringComparison.Ordinal);
        Assert.Contains("$80,000", status, StringComparison.Ordinal);
        Assert.Contains("$50,000 / $50,000 / $40,000", status, StringComparison.Ordinal);
        await chat.ScreenshotAsync("project-status");
    }
}
