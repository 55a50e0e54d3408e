using System.Globalization;
using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>The CIO subscribes to the digest of the projects he leads and asks for a preview: the card comes at once, nothing is sent.</summary>
[Collection(SharedPlayground.Name)]
public class DigestTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task The_cio_types_digest_preview_and_sees_the_card()
    {
        await using var cio = await TeamsChat.OpenAsync(env, asLeader: true);
        await cio.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = "DIG" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant().Replace('0', 'A');

        var form = await pm.AskAsync("project new", "New project");
        await TeamsChat.FillAsync(form, "Code", code);
        await TeamsChat.FillAsync(form, "Name", "Radiology PACS replacement");
        await TeamsChat.FillAsync(form, "Go-live", DateTime.UtcNow.Date.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await TeamsChat.FillAsync(form, "End (after stabilization)", DateTime.UtcNow.Date.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await pm.PressAsync("Create project");
        await pm.ExpectAsync(form, $"Created {code}");

        form = await pm.AskAsync("stakeholder add", "Add people");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Dr. Marcus Lee (CIO)" }).CheckAsync();
        await form.Locator("input[type=radio][value=Leader]").CheckAsync();
        await pm.PressAsync("Add");
        await pm.ExpectAsync(form, "Added 1 person.");

        await cio.AskAsync($"digest subscribe {code}", "Subscribed to the weekly digest");
        var card = await cio.AskAsync("digest preview", "Weekly digest");
        await cio.ExpectAsync(card, "preview, not sent");
        await cio.ExpectAsync(card, code);
        await cio.ExpectAsync(card, "What changed since last week");
        await cio.ExpectAsync(card, "No readiness survey yet");
        await cio.ScreenshotAsync("digest-preview");
    }
}
