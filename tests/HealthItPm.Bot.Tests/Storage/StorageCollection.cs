using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Testing;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>Repositories on a private Azurite, without the bot host.</summary>
public sealed class StorageEnvironment : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public StorageTables Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Tables = new StorageTables(Options.Create(new StorageOptions { ConnectionString = Azurite.ConnectionString }));
    }

    public Task DisposeAsync() => Azurite.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedStorageEnvironment : ICollectionFixture<StorageEnvironment>
{
    public const string Name = "repositories on Azurite";
}
