using HealthItPm.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// Azurite, a fake connector and a bot host on a fake clock set to 03:00 UTC on 26 November 2026:
/// still the 25th in Chicago, so a day counted in UTC instead of the project's zone shows.
/// The PM may create projects; the CIO is the admin.
/// </summary>
public sealed class ClockedBotEnvironment : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero));

    /// <summary>Today in America/Chicago, where the tests' projects are.</summary>
    public static DateOnly ChicagoToday { get; } = new(2026, 11, 25);

    public FakeConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Connector = await FakeConnector.StartAsync();
        var settings = BotEnvironment.CollectionSettings();
        settings["Scheduler:Enabled"] = "false";
#pragma warning disable CA2000 // The derived factory is disposed in DisposeAsync.
        Host = new BotHost(Azurite.ConnectionString, settings).WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
#pragma warning restore CA2000
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
public sealed class SharedClockedBotEnvironment : ICollectionFixture<ClockedBotEnvironment>
{
    public const string Name = "bot on Azurite with a fake clock";
}
