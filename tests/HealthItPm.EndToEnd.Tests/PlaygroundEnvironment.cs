using System.Globalization;
using HealthItPm.Testing;
using Microsoft.Playwright;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// The whole product as a person meets it: a private Azurite, the bot as its own process
/// (Development settings, as <c>tools/run</c> starts it) and the Microsoft 365 Agents Playground as
/// the Teams client, driven in Chromium. Ports are free ones, so runs never collide.
/// </summary>
public sealed class PlaygroundEnvironment : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private readonly Dictionary<DemoPerson, ChildProcess> _playgrounds = [];
    private ChildProcess? _bot;
    private IPlaywright? _playwright;

    public int BotPort { get; } = ChildProcess.FreeTcpPort();

    /// <summary>Each demo person's own Playground (their Teams client), as <c>tools/run</c> opens them.</summary>
    public IReadOnlyDictionary<DemoPerson, int> PlaygroundPorts { get; } = Enum.GetValues<DemoPerson>().ToDictionary(p => p, _ => ChildProcess.FreeTcpPort());

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What the bot and the Playground printed, to explain a failure.</summary>
    public string Diagnostics => $"--- bot ---\n{Tail(_bot?.Output)}\n" + string.Concat(_playgrounds.Select(p => $"--- {p.Key}'s playground ---\n{Tail(p.Value.Output)}\n"));

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();

        var botDirectory = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot", "bin", BuildConfiguration, "net10.0");
        _bot = ChildProcess.Start(
            "dotnet",
            [Path.Combine(botDirectory, "HealthItPm.Bot.dll"), "--urls", $"http://127.0.0.1:{BotPort}"],
            Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot"),
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__ConnectionString"] = _azurite.ConnectionString,
                // As tools/run starts it: the Playground cannot search people as one types.
                ["TeamsClient__TypeaheadSearch"] = "false",
            });
        using var http = new HttpClient();
        await _bot.WaitUntilAsync(async () => await IsHealthyAsync(http), TimeSpan.FromSeconds(60), "The bot");

        foreach (var (person, port) in PlaygroundPorts)
        {
            _playgrounds[person] = await StartPlaygroundAsync(Config(person), port);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

        async Task<bool> IsHealthyAsync(HttpClient client)
        {
            try
            {
                return (await client.GetAsync(new Uri($"http://127.0.0.1:{BotPort}/healthz"))).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }
    }

    private async Task<ChildProcess> StartPlaygroundAsync(string config, int port)
    {
        var folder = Path.Combine(RepositoryLayout.Tools, "playground");
        var playground = ChildProcess.Start(
            "node",
            [
                Path.Combine(RepositoryLayout.NodeModules, "@microsoft", "m365agentsplayground", "cli.js"),
                "-e", $"http://127.0.0.1:{BotPort}/api/messages", "-c", "msteams", "--dt", "-p", port.ToString(CultureInfo.InvariantCulture),
            ],
            folder,
            new Dictionary<string, string?>
            {
                ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.Combine(folder, config),
                ["TEAMSAPPTESTER_LOGFILE"] = Path.Combine(RepositoryLayout.TestOutput("e2e"), config.TrimStart('.').Replace(".yml", ".log", StringComparison.Ordinal)),
            });
        await playground.WaitUntilAsync(() => ChildProcess.IsListeningAsync(port), TimeSpan.FromSeconds(60), $"The Agents Playground ({config})");
        return playground;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        foreach (var playground in _playgrounds.Values)
        {
            await playground.DisposeAsync();
        }

        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private static string Config(DemoPerson person) => person switch
    {
        DemoPerson.ProjectManager => ".m365agentsplayground.yml",
        DemoPerson.Nurse => "nurse.m365agentsplayground.yml",
        DemoPerson.Leader => "leader.m365agentsplayground.yml",
        _ => throw new ArgumentOutOfRangeException(nameof(person)),
    };

    // Tests run from bin/<Configuration>/net10.0: the bot was built with the same configuration.
    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Tail(string? output) => output is null ? "(not started)" : output.Length <= 4000 ? output : output[^4000..];
}

/// <summary>The demo hospital's people, each with their own Teams client (tools/playground).</summary>
public enum DemoPerson
{
    /// <summary>Priya Shah, the Health IT project manager.</summary>
    ProjectManager,

    /// <summary>Nina Patel (RN), a clinician who answers check-ins.</summary>
    Nurse,

    /// <summary>Dr. Marcus Lee, the CIO who sponsors projects.</summary>
    Leader,
}

[CollectionDefinition(Name)]
public sealed class SharedPlayground : ICollectionFixture<PlaygroundEnvironment>
{
    public const string Name = "bot in the Agents Playground";
}
