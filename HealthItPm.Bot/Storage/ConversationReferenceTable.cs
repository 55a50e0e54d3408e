using System.Collections.Concurrent;
using Azure.Data.Tables;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace HealthItPm.Bot.Storage;

/// <summary>A conversation the bot can message later, as last seen.</summary>
public sealed record StoredConversation(
    ConversationReference Reference,
    bool Reachable,
    DateTimeOffset UpdatedAt,
    string? TeamsUserId,
    string? TimeZone,
    string? Locale);

/// <summary>
/// Where the bot can reach people and channels proactively.
/// <para>
/// Table <c>ConversationReferences</c>: PartitionKey = tenant id (every proactive query stays inside
/// one hospital). RowKey:
/// <list type="bullet">
/// <item><c>person|{aadObjectId}</c> — the person's 1:1 chat with the bot (point read before a
/// check-in, reminder or escalation is sent to them), with their Teams user id, time zone and locale;</item>
/// <item><c>conversation|{escaped conversation id}</c> — a team channel or group chat (point read
/// for channel posts; a range query on the prefix lists them for a tenant).</item>
/// <item><c>route|{aadObjectId}</c> — a team or group chat the person was added to a project from,
/// with their Teams user id: how the bot opens a 1:1 chat with someone who never wrote to it.</item>
/// </list>
/// Columns: the reference as JSON (<see cref="JsonColumns"/>), <c>Reachable</c> (false after Teams
/// answered 403/404, true again on the next install or message), <c>UpdatedAt</c>.
/// </para>
/// </summary>
public sealed class ConversationReferenceTable(StorageTables tables, TimeProvider clock)
{
    public const string Name = "ConversationReferences";

    private const string PersonPrefix = "person|";
    private const string ConversationPrefix = "conversation|";
    private const string RoutePrefix = "route|";

    // A fan-out reads each recipient's chat for every card. A reachable chat read here is kept for a
    // minute (this host's own writes replace it at once; another host's reach this one within the
    // minute, and a send to a chat Teams has since closed only earns a 403 that marks it). Absent and
    // unreachable chats are never kept: someone who just installed the app must not be missed.
    private const int ReadsKept = 20_000;
    private static readonly TimeSpan ReadsKeptFor = TimeSpan.FromMinutes(1);

    // What was last written per row, so that a chatty conversation costs one write, not one per message.
    private readonly ConcurrentDictionary<(string, string), string> _lastWritten = new();
    private readonly ConcurrentDictionary<(string, string), (StoredConversation Conversation, DateTimeOffset ReadAt)> _read = new();
    private readonly ConcurrentDictionary<string, long> _writes = new();

    public static string PersonKey(PersonId person) => PersonPrefix + person.Value;

    /// <summary>How many writes this host made to the tenant's rows: what was listed before is stale once it moves.</summary>
    public long WritesTo(TenantId tenant) => _writes.GetValueOrDefault(tenant.Value);

    public static string ConversationKey(string conversationId) => ConversationPrefix + TableKeys.Escape(conversationId);

    /// <summary>A reply in a channel names "19:…;messageid=…": the channel is what the bot keeps.</summary>
    public static string ChannelOf(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        return conversationId.Split(";messageid=", 2)[0];
    }

    /// <summary>
    /// Remembers that the person (named as Teams names them) is a
    /// member of this team or group chat, under this Teams user id.
    /// </summary>
    public Task SaveRouteAsync(
        TenantId tenant, PersonId person, string conversationId, string teamsUserId, string? name, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(tenant.Value, RoutePrefix + person.Value)
        {
            ["Conversation"] = ChannelOf(conversationId),
            ["TeamsUserId"] = teamsUserId,
            ["Name"] = name,
        };
        var fingerprint = $"{entity["Conversation"]}\u001f{teamsUserId}\u001f{name}";
        return _lastWritten.TryGetValue((tenant.Value, entity.RowKey), out var last) && last == fingerprint
            ? Task.CompletedTask
            : WriteAsync(entity, fingerprint, cancellationToken);
    }

    /// <summary>The team or group chat through which a 1:1 chat with the person can be opened, if any.</summary>
    public async Task<(string ConversationId, string TeamsUserId)?> GetRouteAsync(
        TenantId tenant, PersonId person, CancellationToken cancellationToken)
    {
        var response = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(
                tenant.Value, RoutePrefix + person.Value, cancellationToken: cancellationToken),
            cancellationToken);
        return response.HasValue
            && response.Value!.GetString("Conversation") is { } conversation
            && response.Value.GetString("TeamsUserId") is { } userId
            ? (conversation, userId)
            : null;
    }

    /// <summary>
    /// Everyone the bot met in a team's or group chat's roster, with
    /// the name Teams gave them (null for rows kept before names were).
    /// </summary>
    public Task<IReadOnlyList<(PersonId Person, string TeamsUserId, string? Name)>> ListRoutesAsync(
        TenantId tenant, CancellationToken cancellationToken) =>
        tables.QueryAsync(
            Name,
            StorageTables.PrefixFilter(tenant.Value, RoutePrefix),
            row => (
                new PersonId(row.RowKey[RoutePrefix.Length..]),
                row.GetString("TeamsUserId") ?? string.Empty,
                (string?)row.GetString("Name")),
            cancellationToken);

    public Task SaveAsync(TenantId tenant, string rowKey, StoredConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var entity = new TableEntity(tenant.Value, rowKey)
        {
            ["Reachable"] = conversation.Reachable,
            ["TeamsUserId"] = conversation.TeamsUserId,
            ["TimeZone"] = conversation.TimeZone,
            ["Locale"] = conversation.Locale,
        };
        JsonColumns.Write(entity, JsonConvert.SerializeObject(conversation.Reference));
        var fingerprint = string.Join('\u001f', entity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        if (_lastWritten.TryGetValue((tenant.Value, rowKey), out var last) && last == fingerprint)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(entity, fingerprint, cancellationToken);
    }

    public async Task<StoredConversation?> GetAsync(TenantId tenant, string rowKey, CancellationToken cancellationToken)
    {
        var key = (tenant.Value, rowKey);
        var now = clock.GetUtcNow();
        if (_read.TryGetValue(key, out var kept) && now - kept.ReadAt < ReadsKeptFor)
        {
            return kept.Conversation;
        }

        var response = await tables.ExecuteAsync(
            Name,
            table => table.GetEntityIfExistsAsync<TableEntity>(tenant.Value, rowKey, cancellationToken: cancellationToken),
            cancellationToken);
        var stored = response.HasValue ? ToStored(response.Value!) : null;
        if (stored is { Reachable: true })
        {
            if (_read.Count >= ReadsKept)
            {
                _read.Clear();
            }

            _read[key] = (stored, now);
        }

        return stored;
    }

    /// <summary>Everyone in the tenant who has a 1:1 chat with the bot (the people who use HealthItPm), reachable or not.</summary>
    public Task<IReadOnlyList<StoredConversation>> ListPeopleAsync(TenantId tenant, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(tenant.Value, PersonPrefix), ToStored, cancellationToken);

    /// <summary>Teams said the bot cannot reach this conversation (403/404) until the app is installed again.</summary>
    public async Task MarkUnreachableAsync(TenantId tenant, string rowKey, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(tenant.Value, rowKey) { ["Reachable"] = false, ["UpdatedAt"] = clock.GetUtcNow() };
        try
        {
            await tables.ExecuteAsync(
                Name,
                table => table.UpdateEntityAsync(entity, Azure.ETag.All, TableUpdateMode.Merge, cancellationToken),
                cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Nothing stored for it: nothing to mark.
        }

        _lastWritten.TryRemove((tenant.Value, rowKey), out _);
        _read.TryRemove((tenant.Value, rowKey), out _);
        _writes.AddOrUpdate(tenant.Value, 1, (_, n) => n + 1);
    }

    private async Task WriteAsync(TableEntity entity, string fingerprint, CancellationToken cancellationToken)
    {
        entity["UpdatedAt"] = clock.GetUtcNow();
        // Merge: a turn that does not state a time zone or locale (null columns are not sent) keeps the last known one.
        await tables.ExecuteAsync(
            Name, table => table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken), cancellationToken);
        _lastWritten[(entity.PartitionKey, entity.RowKey)] = fingerprint;
        _read.TryRemove((entity.PartitionKey, entity.RowKey), out _);
        _writes.AddOrUpdate(entity.PartitionKey, 1, (_, n) => n + 1);
    }

    private static StoredConversation ToStored(TableEntity entity) => new(
        JsonConvert.DeserializeObject<ConversationReference>(JsonColumns.Read(entity) ?? "{}")!,
        entity.GetBoolean("Reachable") ?? true,
        entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("TeamsUserId"),
        entity.GetString("TimeZone"),
        entity.GetString("Locale"));
}
