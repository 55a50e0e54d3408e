using System.Text.RegularExpressions;
using HealthItPm.Testing;
using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>The personal chat with the bot in the Playground, as a person uses it: type, read cards, fill and press.</summary>
public sealed class TeamsChat(IPage page, PlaygroundEnvironment env) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public IPage Page => page;

    /// <summary>Opens the chat as <paramref name="person"/> (the project manager unless said), in their own Playground.</summary>
    public static async Task<TeamsChat> OpenAsync(PlaygroundEnvironment env, DemoPerson person = DemoPerson.ProjectManager)
    {
        ArgumentNullException.ThrowIfNull(env);
        var page = await env.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        await page.GotoAsync($"http://127.0.0.1:{env.PlaygroundPorts[person]}");
        // The welcome card answers the install the Playground sends on connect: the chat is live once it shows.
        await page.Locator(".ac-adaptiveCard", new PageLocatorOptions { HasText = "Welcome to HealthItPm" }).First.WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Patience.TotalMilliseconds });
        await page.Locator("[data-lexical-editor=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)Patience.TotalMilliseconds });
        return new TeamsChat(page, env);
    }

    /// <summary>As the PM: creates a project named <paramref name="name"/> going live in <paramref name="goLiveInDays"/> days (ending <paramref name="endInDays"/> days from now, else at twice that) and returns its code, <paramref name="prefix"/> and five random letters.</summary>
    public async Task<string> CreateProjectAsync(string prefix, string name, int goLiveInDays, int? endInDays = null)
    {
        var code = prefix + UniqueCodes.Letters(5);
        var form = await AskAsync("project new", "New project");
        await FillAsync(form, "Code", code);
        await FillAsync(form, "Name", name);
        await FillAsync(form, "Go-live", DateTime.UtcNow.Date.AddDays(goLiveInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await FillAsync(form, "End (after stabilization)", DateTime.UtcNow.Date.AddDays(endInDays ?? 2 * goLiveInDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await PressAsync("Create project");
        await ExpectAsync(form, $"Created {code}");
        return code;
    }

    /// <summary>As the PM: adds the CIO (who must have opened his chat first) to the current project as a leader.</summary>
    public async Task AddCioAsLeaderAsync()
    {
        var form = await AskAsync("stakeholder add", "Add people");
        await form.GetByRole(AriaRole.Checkbox, new() { Name = "Dr. Marcus Lee (CIO)" }).CheckAsync();
        await form.Locator("input[type=radio][value=Leader]").CheckAsync();
        await PressAsync("Add");
        await ExpectAsync(form, "Added 1 person.");
    }

    /// <summary>The newest card in the chat.</summary>
    public ILocator LastCard => page.Locator(".ac-adaptiveCard").Last;

    public async Task SendAsync(string text)
    {
        var compose = page.Locator("[data-lexical-editor=true]");
        await compose.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Sends a command and waits until one of the cards that arrive after it contains
    /// <paramref name="expected"/> (the reply, when proactive cards the command queued — a check-in or
    /// survey to the PM too — may arrive before or after it); that card, pinned by position, so a card
    /// arriving later never takes its place.
    /// </summary>
    public async Task<ILocator> AskAsync(string text, string expected)
    {
        var cards = page.Locator(".ac-adaptiveCard");
        var before = await cards.CountAsync();
        await SendAsync(text);
        var found = -1;
        await WaitUntilAsync(
            async () =>
            {
                var texts = (await cards.AllInnerTextsAsync()).Skip(before).ToList();
                found = texts.FindLastIndex(t => t.Contains(expected, StringComparison.Ordinal));
                return found >= 0;
            },
            $"a card with \u201c{expected}\u201d after \u201c{text}\u201d");
        return cards.Nth(before + found);
    }

    /// <summary>
    /// The newest card that shows <paramref name="text"/> now, pinned by position: a card replaced in
    /// place keeps its position, so the locator follows it through its changes.
    /// </summary>
    public async Task<ILocator> CardWithAsync(string text)
    {
        var cards = page.Locator(".ac-adaptiveCard");
        var texts = await cards.AllInnerTextsAsync();
        var index = -1;
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Contains(text, StringComparison.Ordinal))
            {
                index = i;
            }
        }

        Assert.True(index >= 0, $"No card shows “{text}”.\n{env.Diagnostics}");
        return cards.Nth(index);
    }

    /// <summary>
    /// Waits until a card showing <paramref name="text"/> has arrived (a proactive card: no command brings it); that card.
    /// <paramref name="within"/> for one a scheduler step sends, which comes up to a tick (30 s as the bot runs) later.
    /// </summary>
    public async Task<ILocator> ArrivesAsync(string text, TimeSpan? within = null)
    {
        var timeout = (float)(within ?? Patience).TotalMilliseconds;
        await page.Locator(".ac-adaptiveCard", new PageLocatorOptions { HasText = text }).Last
            .WaitForAsync(new LocatorWaitForOptions { Timeout = timeout });
        return await CardWithAsync(text);
    }

    /// <summary>Waits until <paramref name="card"/> shows <paramref name="expected"/> (a card replaced in place).</summary>
    public Task ExpectAsync(ILocator card, string expected) =>
        WaitUntilAsync(async () => (await card.InnerTextAsync()).Contains(expected, StringComparison.Ordinal), $"\u201c{expected}\u201d in the card");

    public static async Task FillAsync(ILocator card, string label, string value)
    {
        ArgumentNullException.ThrowIfNull(card);
        // Required inputs are named "Label *": the label is matched as part of an input's name (not a button's).
        var input = card.GetByLabel(label).And(card.Locator("input, textarea"));
        await input.FillAsync(value);
        // Tab, not Enter: Enter opens a date picker's calendar over the card.
        await input.PressAsync("Tab");
    }

    public async Task PressAsync(string button) =>
        await page.Locator($"button[aria-label=\"{button}\"]").Last.ClickAsync();

    public async Task ScreenshotAsync(string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryLayout.TestOutput("e2e"), Regex.Replace(name, "[^A-Za-z0-9_-]", "_") + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await page.CloseAsync();

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        await ScreenshotAsync("failure-" + what);
        var last = await page.Locator(".ac-adaptiveCard").CountAsync() > 0 ? await LastCard.InnerTextAsync() : "(no card)";
        Assert.Fail($"Did not see {what} within {Patience.TotalSeconds} s. Newest card:\n{last}\n{env.Diagnostics}");
    }
}
