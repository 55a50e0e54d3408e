using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// The tables the bot owns. Each table is created once per process on first use (and warmed at
/// start-up), so a storage account that is down at start-up does not stop the host: the first
/// turn after it returns creates what is missing.
/// </summary>
public sealed class StorageTables
{
    /// <summary>Every table, so that start-up and tests can create or clear them all.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        BotStateTable.Name,
        ConversationReferenceTable.Name,
        ProjectTable.Name,
        RoundTable.Name,
        AnonymityKeyTable.Name,
        ProjectManagerGrantTable.Name,
        RiskTable.Name,
        DeliveryTable.Name,
        AuditTable.Name,
        DigestTable.Name,
        SentCardTable.Name,
        GateTable.Name,
    ];

    // A turn has about 5 s to answer Teams: fail fast and tell the person, rather than retry for long.
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new();

    public StorageTables(IOptions<StorageOptions> options)
        : this(options, TurnTimeout)
    {
    }

    private StorageTables(IOptions<StorageOptions> options, TimeSpan networkTimeout)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Value;
        _service = storage.UsesManagedIdentity
            ? new TableServiceClient(storage.ServiceUri("table"), storage.ManagedIdentity(), ClientOptions(networkTimeout))
            : new TableServiceClient(storage.ConnectionString, ClientOptions(networkTimeout));
    }

    /// <summary>
    /// Tables for the delivery pipeline's records, which answer no one within a turn: a slow answer is
    /// waited for, as the queue's client does, since a record that fails costs the card its slot and a
    /// backoff, and a send's record that fails may send the card again. Its own connections, too.
    /// </summary>
    public static StorageTables ForPipeline(IOptions<StorageOptions> options) => new(options, TimeSpan.FromSeconds(10));

    public TableServiceClient Service => _service;

    public async Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted)
        {
            // Forget the failure so the next call tries again once storage is back.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(tableName, lazy));
            throw;
        }
    }

    /// <summary>
    /// Runs an operation on a table. If the table has vanished since it was created here (a storage
    /// account reset, an emulator restarted empty), it is created again and the operation retried once.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string tableName, Func<TableClient, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation(await GetAsync(tableName, cancellationToken));
        }
        catch (RequestFailedException e) when (e.ErrorCode == "TableNotFound")
        {
            _tables.TryRemove(tableName, out _);
            return await operation(await GetAsync(tableName, cancellationToken));
        }
    }

    public Task ExecuteAsync(string tableName, Func<TableClient, Task> operation, CancellationToken cancellationToken) =>
        ExecuteAsync(tableName, async table => { await operation(table); return true; }, cancellationToken);

    /// <summary>
    /// Adds the row when <paramref name="version"/> is null, else replaces it if it is still at that version: the new version,
    /// or null when another writer added it first, changed it or removed it (the caller reads again and retries).
    /// </summary>
    public async Task<string?> SaveIfUnchangedAsync(string tableName, TableEntity row, string? version, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ExecuteAsync(
                tableName,
                t => version is null
                    ? t.AddEntityAsync(row, cancellationToken)
                    : t.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken),
                cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage answered without an ETag.");
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Merges the row's columns if it is still at <paramref name="version"/>; false when it changed or is gone.</summary>
    public async Task<bool> MergeIfUnchangedAsync(string tableName, TableEntity row, string version, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(
                tableName, t => t.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Merge, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Rows matching <paramref name="filter"/>, mapped; stops after <paramref name="take"/> rows when given.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(
        string tableName,
        string filter,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken,
        IEnumerable<string>? select = null,
        int? take = null) =>
        ExecuteAsync<IReadOnlyList<T>>(
            tableName,
            async table =>
            {
                var result = new List<T>();
                await foreach (var row in table.QueryAsync<TableEntity>(
                    filter, maxPerPage: take, select: select, cancellationToken: cancellationToken))
                {
                    result.Add(map(row));
                    if (result.Count == take)
                    {
                        break;
                    }
                }

                return result;
            },
            cancellationToken);

    /// <summary>The filter for one partition's rows whose key starts with <paramref name="prefix"/>: a range, never a scan.</summary>
    public static string PrefixFilter(string partitionKey, string prefix) =>
        TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and RowKey ge {prefix} and RowKey lt {TableKeys.PrefixUpperBound(prefix)}");

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var client = _service.GetTableClient(tableName);
        await client.CreateIfNotExistsAsync();
        return client;
    }

    private static TableClientOptions ClientOptions(TimeSpan networkTimeout)
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = networkTimeout;
        return options;
    }
}

/// <summary>Classifies storage failures into "try again later" (unavailable) and everything else.</summary>
public static class StorageFailure
{
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        HttpRequestException or TimeoutException or IOException => true,
        // The client's retries ran out on its own network timeouts, each a cancellation nobody asked for: a
        // caller's cancellation ends the retries with an OperationCanceledException, never with an aggregate.
        AggregateException aggregate => aggregate.InnerExceptions.Any(e => e is OperationCanceledException || IsUnavailable(e)),
        OperationCanceledException => false,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
