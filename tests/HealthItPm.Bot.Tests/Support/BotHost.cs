using System.Net.Http.Headers;
using System.Text;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// The real bot host in process (WebApplicationFactory), on a private Azurite, answering through a
/// fake connector on loopback. Settings can be overridden per host to test start-up validation.
/// </summary>
public sealed class BotHost(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Storage:ConnectionString", storageConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Posting to /api/messages as the connector does, on any variant of the host.</summary>
public static class BotHostRequests
{
    public static Task<HttpResponseMessage> PostAsync(this WebApplicationFactory<Program> host, Activity activity) =>
        host.PostRawAsync(TestActivities.Json(activity));

    public static async Task<HttpResponseMessage> PostRawAsync(this WebApplicationFactory<Program> host, string body)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await host.CreateClient().PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }
}

/// <summary>Azurite, a fake connector and a bot host, shared by the tests of one collection.</summary>
public sealed class BotEnvironment : IAsyncLifetime
{
    /// <summary>
    /// What a collection's shared host runs with: the demo's PM and admin, and the delivery loop off — a
    /// conversation delivers what a turn queued when the turn is over (ProjectConversation), so no test
    /// sees another's cards arrive in the middle of its assertions. Every test in a collection speaks as
    /// the same few people from one address: the rate limits are the adversarial tests' subject, not these.
    /// </summary>
    public static Dictionary<string, string?> CollectionSettings() => new()
    {
        ["Access:ProjectManagerIds:0"] = TestActivities.PmAadId,
        ["Access:AdminIds:0"] = TestActivities.CioAadId,
        ["Delivery:Enabled"] = "false",
        ["Messages:PerCaller:Burst"] = "100000",
        ["Messages:PerCaller:PerSecond"] = "100000",
        ["Messages:PerAddress:Burst"] = "100000",
        ["Messages:PerAddress:PerSecond"] = "100000",
    };

    public AzuriteFixture Azurite { get; } = new();

    public FakeConnector Connector { get; private set; } = null!;

    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Connector = await FakeConnector.StartAsync();
        var settings = CollectionSettings();
        // The hospital's own addresses are staff, not PHI: its links may be typed into any field (and must still never become links).
        settings["Privacy:StaffEmailDomains:0"] = "hospital.example";
        Host = new BotHost(Azurite.ConnectionString, settings);
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedBotEnvironment : ICollectionFixture<BotEnvironment>
{
    public const string Name = "bot on Azurite";
}
