using System.Text.Json;
using HealthItPm.Testing;
using Microsoft.Playwright;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>One problem the official Adaptive Cards library reported.</summary>
public sealed record CardProblem(string Event, string Message);

/// <summary>One choice input shown as a list to tap (radio buttons): how many options it has and which one is picked.</summary>
public sealed record TapChoice(int Options, string? Picked);

/// <summary>
/// What the official library made of a card: its problems, whether it drew something, its text; the texts cut
/// short at the width it was drawn (clipped or ending in an ellipsis), whether anything is wider than the card,
/// how many drop-downs it has and its lists of choices to tap, by input id.
/// </summary>
public sealed record CardCheck(
    IReadOnlyList<CardProblem> Problems,
    bool Rendered,
    string Text,
    IReadOnlyList<string> CutTexts,
    bool WiderThanCard,
    int DropDowns,
    IReadOnlyDictionary<string, TapChoice> TapChoices);

/// <summary>
/// The official Adaptive Cards JavaScript library (npm <c>adaptivecards</c>, the one web clients use)
/// loaded in real Chromium: parses a card for schema 1.5 and reports every validation event, then
/// renders it the width of a Teams chat and keeps a screenshot.
/// </summary>
public sealed class OfficialCardRenderer : IAsyncLifetime
{
    private const string Check = """
        (json) => {
          const AC = window.AdaptiveCards;
          const card = new AC.AdaptiveCard();
          const context = new AC.SerializationContext(AC.Versions.v1_5);
          card.parse(JSON.parse(json), context);
          const problems = [];
          const add = e => { if (e.event !== AC.ValidationEvent.Hint) problems.push({ event: AC.ValidationEvent[e.event], message: e.message }); };
          for (let i = 0; i < context.eventCount; i++) add(context.getEventAt(i));
          card.validateProperties().validationEvents.forEach(add);
          const host = document.getElementById('host');
          host.innerHTML = '';
          const element = card.render();
          if (element) host.appendChild(element);
          window.submitted = null;
          card.onExecuteAction = a => { window.submitted = JSON.stringify(a.data ?? {}); };
          // A text is cut when the box it sits in is narrower than the text (clipped or ellipsed).
          const cut = [...host.querySelectorAll('*')]
            .filter(e => e.childElementCount === 0 && e.innerText && e.innerText.trim() && e.scrollWidth > e.clientWidth + 1)
            .map(e => e.innerText.trim());
          const radios = [...host.querySelectorAll('input[type=radio]')];
          const choices = [...new Set(radios.map(r => r.name))].map(name => {
            const own = radios.filter(r => r.name === name);
            return { name, options: own.length, picked: own.find(r => r.checked)?.value ?? null };
          });
          return {
            problems, rendered: !!element && host.offsetHeight > 0, text: host.innerText, cut,
            wider: host.scrollWidth > host.clientWidth, dropDowns: host.querySelectorAll('select').length, choices,
          };
        }
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage? _page;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 560, Height = 800 } });
        await _page.SetContentAsync("<html><body style=\"font-family: 'Segoe UI', sans-serif; background: #f5f5f5\"><div id=\"host\" style=\"width: 480px; background: white; padding: 12px\"></div></body></html>");
        var dist = Path.Combine(RepositoryLayout.NodeModules, "adaptivecards", "dist");
        await _page.AddStyleTagAsync(new PageAddStyleTagOptions { Path = Path.Combine(dist, "adaptivecards.css") });
        await _page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(dist, "adaptivecards.min.js") });
    }

    /// <summary>Parses and renders <paramref name="json"/> <paramref name="width"/> pixels wide; with <paramref name="screenshot"/>, keeps a PNG of the render.</summary>
    public async Task<CardCheck> CheckAsync(string json, string? screenshot = null, int width = 480)
    {
        // 480 px is a Teams chat on a desktop; a phone's is about 360 px.
        await _page!.EvaluateAsync("w => document.getElementById('host').style.width = w + 'px'", width);
        // Tests of one collection run one at a time, so the single page is never shared by two checks.
        var result = await _page!.EvaluateAsync<JsonElement>(Check, json);
        var problems = result.GetProperty("problems").EnumerateArray()
            .Select(p => new CardProblem(p.GetProperty("event").GetString()!, p.GetProperty("message").GetString()!))
            .ToList();
        if (screenshot is not null)
        {
            await _page.Locator("#host").ScreenshotAsync(new LocatorScreenshotOptions { Path = screenshot });
        }

        return new CardCheck(
            problems,
            result.GetProperty("rendered").GetBoolean(),
            result.GetProperty("text").GetString() ?? string.Empty,
            [.. result.GetProperty("cut").EnumerateArray().Select(t => t.GetString()!)],
            result.GetProperty("wider").GetBoolean(),
            result.GetProperty("dropDowns").GetInt32(),
            result.GetProperty("choices").EnumerateArray().ToDictionary(
                c => c.GetProperty("name").GetString()!,
                c => new TapChoice(c.GetProperty("options").GetInt32(), c.GetProperty("picked").GetString())));
    }

    /// <summary>
    /// Renders <paramref name="json"/> <paramref name="width"/> pixels wide, taps one option of each list
    /// (<paramref name="taps"/>: input id and value, one tap each), then the button titled
    /// <paramref name="button"/>; returns the data the card submitted, or null when it submitted nothing
    /// (an input it requires was not filled).
    /// </summary>
    public async Task<string?> TapAndSubmitAsync(string json, IEnumerable<(string Input, string Value)> taps, string button, int width = 480)
    {
        ArgumentNullException.ThrowIfNull(taps);
        await CheckAsync(json, width: width);
        foreach (var (input, value) in taps)
        {
            await _page!.Locator($"#host input[type=radio][name=\"{input}\"][value=\"{value}\"]").ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
        }

        await _page!.Locator("#host button", new PageLocatorOptions { HasTextString = button }).ClickAsync(new LocatorClickOptions { Timeout = 5_000 });
        return await _page.EvaluateAsync<string?>("() => window.submitted");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCardRenderer : ICollectionFixture<OfficialCardRenderer>
{
    public const string Name = "official Adaptive Cards renderer";
}
