using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The bot as the insider attack tests drive it: a private Azurite, a fake clock, the scheduler off, a second tenant
/// allowed, its log kept; each person posts from their own 1:1 chat. A turn that fails, or logs an error, fails the test;
/// <see cref="StoredAsync"/> is every stored row, to show an attack left nothing behind.
/// </summary>
public class InsiderBot : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 15, 0, 0, TimeSpan.Zero));

    public LogCapture Logs { get; } = new();

    public FakeConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>A card action as Teams posts it; the card that replaces the one acted on.</summary>
    public async Task<JObject> SubmitAsync(ChannelAccount who, string chat, string verb, JObject data, string tenant)
    {
        ArgumentNullException.ThrowIfNull(who);
        var errors = Logs.Entries.Count(e => e.Level >= LogLevel.Error);
        var activity = TestActivities.Invoke(verb, data, Connector.ServiceUrl, chat, tenant, from: who);
        var response = await Host.PostAsync(activity);
        await Get<DeliveryReceiver>().DrainAsync(default);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {verb}: {text}");
        var body = JObject.Parse(text);
        Assert.True((int?)body["statusCode"] == 200, $"A failed turn for {verb}: {text}");
        AssertNoNewErrors(errors);
        return (JObject)body["value"]!;
    }

    /// <summary>A message as Teams posts it; the card the bot answered with in that chat.</summary>
    public async Task<JObject> SayAsync(ChannelAccount who, string chat, string text)
    {
        ArgumentNullException.ThrowIfNull(who);
        var errors = Logs.Entries.Count(e => e.Level >= LogLevel.Error);
        var activity = TestActivities.Message(text, Connector.ServiceUrl, chat, from: who);
        await Host.PostAsync(activity);
        await Get<DeliveryReceiver>().DrainAsync(default);
        AssertNoNewErrors(errors);
        var reply = Connector.Requests.Single(r =>
            r.Method == "POST" && r.Path == $"/v3/conversations/{chat}/activities/{activity.Id}" && r.Body is not null);
        return MessagesEndpointTests.CardOf(reply.Body!);
    }

    /// <summary>Every row of every table once the audit entries handed over are written (see <see cref="StoredRows"/>).</summary>
    public async Task<SortedSet<string>> StoredAsync()
    {
        await Get<AuditWriter>().FlushAsync(default);
        return await StoredRows.SnapshotAsync(Azurite.ConnectionString);
    }

    public async Task AssertNothingStoredAsync(SortedSet<string> before) => StoredRows.AssertUnchanged(before, await StoredAsync());

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Connector = await FakeConnector.StartAsync();
        var settings = BotEnvironment.CollectionSettings();
        settings["Scheduler:Enabled"] = "false";
        settings["Tenants:AllowedTenantIds:1"] = TestActivities.OtherTenant;
#pragma warning disable CA2000 // The derived factory is disposed in DisposeAsync.
        Host = new BotHost(Azurite.ConnectionString, settings).WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(Logs))
            .ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                ConfigureServices(s);
            }));
#pragma warning restore CA2000
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Connector.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>What a test class replaces in the bot's services besides the clock.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private void AssertNoNewErrors(int before)
    {
        var errors = Logs.Entries.Where(e => e.Level >= LogLevel.Error).Skip(before).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.All)));
    }
}
