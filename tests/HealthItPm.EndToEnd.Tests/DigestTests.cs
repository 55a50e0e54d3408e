namespace HealthItPm.EndToEnd.Tests;

/// <summary>The CIO subscribes to the digest of the projects he leads and asks for a preview: the card comes at once, nothing is sent.</summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class DigestTests(PlaygroundEnvironment env)
{
    [Fact]
    public async Task The_cio_types_digest_preview_and_sees_the_card()
    {
        await using var cio = await TeamsChat.OpenAsync(env, DemoPerson.Leader);
        await cio.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("DIG", "Radiology PACS replacement", 45);
        await pm.AddCioAsLeaderAsync();

        await cio.AskAsync($"digest subscribe {code}", "Subscribed to the weekly digest");
        var card = await cio.AskAsync("digest preview", "Weekly digest");
        await cio.ExpectAsync(card, "preview, not sent");
        await cio.ExpectAsync(card, code);
        await cio.ExpectAsync(card, "What changed since last week");
        await cio.ExpectAsync(card, "No readiness survey yet");
        await cio.ScreenshotAsync("digest-preview");
    }
}
