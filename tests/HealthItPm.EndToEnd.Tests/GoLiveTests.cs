using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// The go/no-go vote as its people meet it, each in their own Teams client: the PM sets an EHR project's gate from
/// the template and hands a must-criterion to the CIO, opens the vote with the CIO on the panel; the CIO votes go
/// with conditions from his own chat, which closes the vote (everyone on the panel voted); the decision card reaches
/// the PM at the scheduler's next step, and <c>golive status</c> shows the decision.
/// </summary>
[Collection(SharedPlayground.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
[Trait("Needs", "Processes")]
public class GoLiveTests(PlaygroundEnvironment env)
{
    private static readonly TimeSpan SchedulerStep = TimeSpan.FromSeconds(60);

    private const string Conditions = "Command center staffed around the clock for the first two weeks; daily huddle at 07:30.";

    [Fact]
    public async Task The_PM_opens_the_vote_the_CIO_votes_from_his_own_client_and_the_PM_sees_the_decision()
    {
        await using var cio = await TeamsChat.OpenAsync(env, DemoPerson.Leader);
        await cio.AskAsync("help", "What I can do");
        await using var pm = await TeamsChat.OpenAsync(env);
        var code = await pm.CreateProjectAsync("GLV", "Inpatient EHR go-live", 45);
        await pm.AddCioAsLeaderAsync();

        // The gate from the EHR template, on the project's go-live date and the default checkpoints.
        var form = await pm.AskAsync("golive", $"Go-live gate of {code}");
        await pm.ExpectAsync(form, "starts from the EHR template");
        await pm.PressAsync("Save");
        await pm.ExpectAsync(form, "Go-live gate saved");
        await pm.ExpectAsync(form, "Recommendation: no-go");
        await pm.ExpectAsync(form, "Lab results round-trip (HL7/FHIR)");

        // The CIO owns the first must: a must-owner on the panel.
        form = await pm.AskAsync("golive edit", $"Change a criterion of the gate of {code}");
        await PickAsync(pm, form, "Criterion", "#1 Clinical workflows validated and build signed off");
        await PickAsync(pm, form, "Owner", "Dr. Marcus Lee (CIO)");
        await pm.PressAsync("Save");
        await pm.ExpectAsync(form, "Criterion #1 Clinical workflows validated and build signed off saved");
        await pm.ExpectAsync(form, "#1 Clinical workflows validated and build signed off · must · Dr. Marcus Lee (CIO)");

        // The vote: the project's leaders are ticked, so the panel is the CIO; he is also the sponsor.
        form = await pm.AskAsync("golive vote", $"Go/no-go vote · {code}");
        await pm.ExpectAsync(form, "A no-go from the sponsor or from an owner of a must-criterion decides");
        Assert.True(await form.GetByRole(AriaRole.Checkbox, new() { Name = "Dr. Marcus Lee (CIO)" }).IsCheckedAsync());
        await PickAsync(pm, form, "The executive sponsor", "Dr. Marcus Lee (CIO)");
        await pm.PressAsync("Send the vote");
        await pm.ExpectAsync(form, "Sending the vote to 1 person");
        await pm.ScreenshotAsync("golive-pm-vote-sent");

        // The CIO's vote card, in his own client, with the scorecard it was opened on.
        var vote = await cio.ArrivesAsync($"Go/no-go vote · {code}");
        var card = await vote.InnerTextAsync();
        AssertRendered(card);
        Assert.Contains("Your vote is recorded with your name and the time", card, StringComparison.Ordinal);
        Assert.Contains("Recommendation: no-go", card, StringComparison.Ordinal);
        Assert.Matches(@"Blockers: #1, #2, .* · conditions: #\d+.* · open critical items: 0", card);
        await cio.ScreenshotAsync("golive-cio-vote-card");

        // Go with conditions needs the conditions: without them, the card comes back asking.
        await vote.Locator("input[type=radio][value=GoWithConditions]").CheckAsync();
        await cio.PressAsync("Vote");
        await cio.ExpectAsync(vote, "The list of conditions is required.");
        await cio.ScreenshotAsync("golive-cio-vote-without-conditions");
        await TeamsChat.FillAsync(vote, "Conditions (required", Conditions);
        await cio.PressAsync("Vote");
        await cio.ExpectAsync(vote, "You voted Go with conditions.");
        await cio.ExpectAsync(vote, "The vote closed on");
        AssertRendered(await vote.InnerTextAsync());
        Assert.Equal(0, await vote.Locator("button[aria-label=\"Change vote\"]").CountAsync());
        await cio.ScreenshotAsync("golive-cio-voted");

        // Everyone on the panel voted: the decision goes to the PM (and the panel) at the scheduler's next step, a tick
        // (30 s) at most, then through the delivery pipeline.
        var decision = await pm.ArrivesAsync($"Go/no-go decision · {code}", SchedulerStep);
        var text = await decision.InnerTextAsync();
        AssertRendered(text);
        Assert.Contains("Go with conditions", text, StringComparison.Ordinal);
        Assert.Contains("Decided by the majority: 1 for going, 0 no-go.", text, StringComparison.Ordinal);
        Assert.Contains("Go 0 · go with conditions 1 · no-go 0 · panel of 1", text, StringComparison.Ordinal);
        Assert.Contains("Conditions carried over", text, StringComparison.Ordinal);
        Assert.Contains(Conditions, text, StringComparison.Ordinal);
        Assert.Contains("Dr. Marcus Lee (CIO), sponsor: Go with conditions", text, StringComparison.Ordinal);
        await pm.ScreenshotAsync("golive-pm-decision");
        await cio.ArrivesAsync($"Go/no-go decision · {code}");

        var status = await pm.AskAsync($"golive status {code}", $"Go-live gate · {code}");
        text = await status.InnerTextAsync();
        AssertRendered(text);
        Assert.Matches(@"The panel's last decision \(.+\): Go with conditions", text);
        await pm.ScreenshotAsync("golive-pm-status");
    }

    // What a reader sees, not the card's source: no unfilled placeholder, no markdown left unrendered.
    private static void AssertRendered(string text)
    {
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    private static async Task PickAsync(TeamsChat chat, ILocator form, string label, string option)
    {
        await form.GetByRole(AriaRole.Combobox, new() { Name = label }).ClickAsync();
        await chat.Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
