using Azure;
using Azure.Data.Tables;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Storage;

/// <summary>
/// Bot Builder's <see cref="IStorage"/> on Azure Tables, backing <c>ConversationState</c> and
/// <c>UserState</c>.
/// <para>
/// Table <c>BotState</c>: PartitionKey = the Bot Builder storage key, escaped
/// (e.g. <c>msteams%2Fconversations%2Fa:1…</c>); RowKey = "" . Every read is a point read by key,
/// and one key per partition spreads load. The document is JSON in <see cref="JsonColumns"/>,
/// written without type names (Bot Builder converts <c>JObject</c> back to the property type).
/// </para>
/// <para>
/// Concurrency: an item that implements <see cref="IStoreItem"/> with an ETag other than "*" is
/// written only if the row still has that ETag; otherwise <see cref="StorageConflictException"/>.
/// </para>
/// </summary>
public sealed class BotStateTable(StorageTables tables) : IStorage
{
    public const string Name = "BotState";

    private const string RowKey = "";
    private const string ETagProperty = "eTag";

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
    });

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>();
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            var response = await tables.ExecuteAsync(
                Name,
                table => table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(key), RowKey, cancellationToken: cancellationToken),
                cancellationToken);
            if (response.HasValue && JsonColumns.Read(response.Value!) is { } json)
            {
                var document = JObject.Parse(json);
                document[ETagProperty] = response.Value!.ETag.ToString();
                result[key] = document;
            }
        }

        return result;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var document = JObject.FromObject(value, Serializer);
            document.Remove(ETagProperty);
            var entity = new TableEntity(TableKeys.Escape(key), RowKey);
            JsonColumns.Write(entity, document.ToString(Formatting.None));

            var expected = (value as IStoreItem)?.ETag;
            if (string.IsNullOrEmpty(expected) || expected == "*")
            {
                await tables.ExecuteAsync(
                    Name, table => table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken), cancellationToken);
                continue;
            }

            try
            {
                await tables.ExecuteAsync(
                    Name,
                    table => table.UpdateEntityAsync(entity, new ETag(expected), TableUpdateMode.Replace, cancellationToken),
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                throw new StorageConflictException($"State '{key}' was changed by someone else since it was read.", e);
            }
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            // Deleting a row that is not there is the desired end state, not an error.
            await tables.ExecuteAsync(
                Name, table => table.DeleteEntityAsync(TableKeys.Escape(key), RowKey, ETag.All, cancellationToken), cancellationToken);
        }
    }
}
