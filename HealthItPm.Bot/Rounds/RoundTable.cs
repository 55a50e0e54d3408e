using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Rounds of every kind (check-ins, ADKAR waves) and their answers (deliveries are the pipeline's, in <c>Deliveries</c>; a
/// kind's own rows, such as the check-in's schedules, are its feature's, in the same table).
/// <para>
/// Table <c>CheckIns</c>, for rounds of every kind. Every row of a round puts its kind first (<c>checkin|…</c>,
/// <c>adkar|…</c>: its descriptor's <see cref="RoundKindDescriptor.StoragePrefix"/>), so kinds never collide; each kind's
/// answer columns are its descriptor's too (<see cref="RoundKindCatalog"/>):
/// <list type="table">
/// <item><term>schedules</term><description>PK <c>schedule</c>: the check-in's (<c>CheckInScheduleTable</c>).</description></item>
/// <item><term>open rounds</term><description>PK <c>open</c>, RK <c>{tenant}|{CODE}|{kind}|{roundId}</c>: an index of
/// the rounds not yet closed, removed when the round is closed, so the scheduler never reads old rounds; it marks which
/// delivery steps were handed to the pipeline.</description></item>
/// <item><term>rounds</term><description>PK <c>{tenant}|{CODE}</c>, RK <c>{kind}|round|{inverted ticks of opening}</c>:
/// newest first, so the latest rounds (for trends) are the first rows of a range query.</description></item>
/// <item><term>answers</term><description>PK <c>{tenant}|{CODE}|{kind}|{roundId}</c>, a partition per round, RK
/// <c>{kind}|answer|{roundId}|{respondent}</c>: one row per respondent per round, so a second submit replaces the first
/// and concurrent answers never contend (they share the round's partition, so those given at once go to storage as one
/// transaction: <see cref="GroupCommit"/>); the project's partition keeps only its rounds, however many answers they
/// gathered (the emulator reads a row in time that grows with its partition; Azure Table storage does not). The
/// respondent is the person's id, or in anonymous rounds its HMAC-SHA256 under the round's key (kept in
/// <see cref="AnonymityKeyTable"/>, never here, and destroyed when the round closes); the row also holds
/// the respondent's discipline and department, for group profiles.</description></item>
/// <item><term>latest rounds</term><description>PK <c>{tenant}|{CODE}</c> as the rounds, RK <c>{kind}|latest</c>: the ids of the kind's
/// latest rounds, newest first, written in the same transaction as each new round, so the latest rounds are point
/// reads (a key-range query costs what the table holds on the emulator, and the table holds every answer ever
/// given).</description></item>
/// <item><term>tallies</term><description>PK <c>{tenant}|{CODE}</c>, RK <c>{kind}|tally|{roundId}</c>: what a closed
/// round's answers were counted to, as JSON.</description></item>
/// </list>
/// </para>
/// </summary>
public sealed class RoundTable(StorageTables tables, GroupCommit writes, RoundKindCatalog kinds) : IRoundStore
{
    public const string Name = "CheckIns";

    private const string OpenPartition = "open";

    // A round never changes once opened, so every answer to it need not read it again: the rounds
    // being answered now stay in memory (a few at a time; the cache starts over if it fills up).
    private const int RoundsKept = 256;

    // As many latest rounds as any reader asks for (a wave list, a trend); more are read by a query.
    private const int LatestKept = 12;
    private const string LatestColumn = "Rounds";

    // Beside the round's document, on its row: when a kind that closes once everyone answered closed it.
    private const string ClosedEarlyColumn = "ClosedEarlyAt";
    private readonly KeptReads<(string Partition, string Key), Round> _rounds = new(RoundsKept);
    private readonly AnonymityKeyTable _keys = new(tables);

    public async Task<bool> AddRoundAsync(TenantId tenant, Round round, CancellationToken cancellationToken) =>
        (await AddAsync(tenant, round, alone: false, cancellationToken)).Added;

    public Task<(bool Added, Round? Open)> AddRoundAloneAsync(TenantId tenant, Round round, CancellationToken cancellationToken) =>
        AddAsync(tenant, round, alone: true, cancellationToken);

    private async Task<(bool Added, Round? Open)> AddAsync(TenantId tenant, Round round, bool alone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        // The key first: whoever reads the round finds its key.
        var keptKey = await _keys.AddAsync(tenant, round, cancellationToken);
        var partition = Partition(tenant, round.Project);
        var row = new TableEntity(partition, RoundKey(round.Kind, round.OpensAt)) { ["RoundId"] = round.Id, ["Kind"] = round.Kind.Name };
        StoredDocument.Write(row, RoundDocument.From(round));
        var open = new TableEntity(OpenPartition, OpenKey(tenant, round.Project, round.Kind, round.Id))
        {
            ["Tenant"] = tenant.Value, ["Project"] = round.Project.Value, ["RoundId"] = round.Id, ["Kind"] = round.Kind.Name,
        };

        // The round and the list of latest rounds change together; another round added in between changes
        // the list's ETag, and the transaction is tried again with the list read anew.
        while (true)
        {
            var latest = await LatestIdsAsync(tenant, round.Project, round.Kind, cancellationToken);
            // Checked against the list the transaction is conditioned on: a round added since changes its ETag, and the
            // check runs again with that round in the list.
            if (alone && await OverlappingAsync(tenant, round, latest.Ids, cancellationToken) is { } overlapping)
            {
                if (keptKey)
                {
                    await _keys.DestroyAsync(tenant, round.Project, round.Kind, round.Id, cancellationToken);
                }

                return (false, overlapping);
            }

            var list = new TableEntity(partition, LatestKey(round.Kind))
            {
                [LatestColumn] = string.Join(
                    ',', latest.Ids.Append(round.Id).Distinct().OrderDescending(StringComparer.Ordinal).Take(LatestKept)),
            };
            TableTransactionAction[] both =
            [
                new(TableTransactionActionType.Add, row),
                latest.Version is { } version
                    ? new(TableTransactionActionType.UpdateReplace, list, new ETag(version))
                    : new(TableTransactionActionType.Add, list),
            ];
            try
            {
                await tables.ExecuteAsync(Name, t => t.SubmitTransactionAsync(both, cancellationToken), cancellationToken);
                break;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Not read through the kept rounds: the key kept just now must not stay in memory with it.
                if (latest.Ids.Contains(round.Id) || await RowExistsAsync(row, cancellationToken))
                {
                    // A key kept just now for a round that already exists can only be for one that closed (an open
                    // one's key was there first): it must not give that round a key again.
                    if (keptKey)
                    {
                        await _keys.DestroyAsync(tenant, round.Project, round.Kind, round.Id, cancellationToken);
                    }

                    return (false, null);
                }
            }
        }

        await tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(open, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return (true, null);
    }

    /// <summary>Another of the latest rounds of the kind whose time overlaps the round's (not closed early before it opens).</summary>
    private async Task<Round?> OverlappingAsync(
        TenantId tenant, Round round, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids.Where(i => i != round.Id))
        {
            if (await GetRoundAsync(tenant, round.Project, round.Kind, id, cancellationToken) is { } other
                && other.OpensAt < round.ClosesAt && round.OpensAt < other.ClosesAt)
            {
                return other;
            }
        }

        return null;
    }

    public async Task<Round?> GetRoundAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        if (!TryParseRoundId(roundId, out var opensAt))
        {
            return null;
        }

        var key = (Partition(tenant, project), RoundKey(kind, opensAt));
        async Task<Round?> ReadAsync()
        {
            var row = await tables.ExecuteAsync(
                Name, t => t.GetEntityIfExistsAsync<TableEntity>(key.Item1, key.Item2), CancellationToken.None);
            return row.HasValue ? await ToRoundAsync(tenant, kind, row.Value!, CancellationToken.None) : null;
        }

        // A round that may close early changes once: it is read each time (such rounds are small panels).
        return kind.ClosesWhenAllAnswered ? await ReadAsync() : await _rounds.GetAsync(key, ReadAsync, cancellationToken);
    }

    public async Task CloseEarlyAsync(TenantId tenant, Round round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var (partition, key) = (Partition(tenant, round.Project), RoundKey(round.Kind, round.OpensAt));
        var row = await tables.ExecuteAsync(
            Name, t => t.GetEntityIfExistsAsync<TableEntity>(partition, key, cancellationToken: cancellationToken), cancellationToken);
        if (!row.HasValue || row.Value!.GetDateTimeOffset(ClosedEarlyColumn) is not null)
        {
            return;
        }

        // With the row's ETag: of two hosts closing it at once the first time is kept.
        var closed = new TableEntity(partition, key) { [ClosedEarlyColumn] = at.ToUniversalTime() };
        await tables.MergeIfUnchangedAsync(Name, closed, row.Value.ETag.ToString(), cancellationToken);
    }

    public async Task<IReadOnlyList<Round>> LatestRoundsAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, int count, CancellationToken cancellationToken)
    {
        if (count > LatestKept)
        {
            var documents = await tables.QueryAsync(Name, RoundsFilter(tenant, project, kind), r => r, cancellationToken, take: count);
            return await Task.WhenAll(documents.Select(r => ToRoundAsync(tenant, kind, r, cancellationToken)));
        }

        var ids = (await LatestIdsAsync(tenant, project, kind, cancellationToken)).Ids.Take(count);
        var rounds = await Task.WhenAll(ids.Select(id => GetRoundAsync(tenant, project, kind, id, cancellationToken)));
        return [.. rounds.OfType<Round>()];
    }

    /// <summary>The ids of the kind's latest rounds and the list's version (none yet: no round of the kind was added).</summary>
    private async Task<(IReadOnlyList<string> Ids, string? Version)> LatestIdsAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, project), LatestKey(kind), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue && row.Value!.GetString(LatestColumn) is var ids
            ? (string.IsNullOrEmpty(ids) ? [] : ids.Split(','), row.Value.ETag.ToString())
            : ([], null);
    }

    private string RoundsFilter(TenantId tenant, ProjectCode project, RoundKind kind) =>
        StorageTables.PrefixFilter(Partition(tenant, project), Prefix(kind) + "round|");

    public Task<IReadOnlyList<OpenRound>> OpenRoundsAsync(CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, $"PartitionKey eq '{OpenPartition}'", ToOpenRound, cancellationToken);

    public async Task<OpenRound?> GetOpenRoundAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                OpenPartition, OpenKey(tenant, project, kind, roundId), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToOpenRound(row.Value!) : null;
    }

    public Task<bool> MarkQueuedAsync(OpenRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = new TableEntity(OpenPartition, OpenKey(round.Tenant, round.Project, round.Kind, round.RoundId))
        {
            ["CardsQueued"] = round.CardsQueued,
            ["RemindersQueued"] = round.RemindersQueued,
            ["EndQueued"] = round.EndQueued,
        };
        return tables.MergeIfUnchangedAsync(Name, row, round.Version, cancellationToken);
    }

    public Task DestroyKeyAsync(TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return round.Anonymous ? _keys.DestroyAsync(tenant, round.Project, round.Kind, round.Id, cancellationToken) : Task.CompletedTask;
    }

    public async Task<bool> CloseRoundAsync(
        TenantId tenant, ProjectCode project, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        // The key goes before the round leaves the open index: a host dying in between closes it again.
        await _keys.DestroyAsync(tenant, project, kind, roundId, cancellationToken);
        // Deleting the index row is the claim: with its ETag read first, only one host's delete succeeds.
        var key = OpenKey(tenant, project, kind, roundId);
        var row = await tables.ExecuteAsync(
            Name, t => t.GetEntityIfExistsAsync<TableEntity>(OpenPartition, key, cancellationToken: cancellationToken), cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }

        try
        {
            var response = await tables.ExecuteAsync(
                Name, t => t.DeleteEntityAsync(OpenPartition, key, row.Value!.ETag, cancellationToken), cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task SaveAnswerAsync<TAnswer>(TenantId tenant, Round round, GivenAnswer<TAnswer> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(answer);
        var row = new TableEntity(AnswerPartition(tenant, round), AnswerKey(round, answer.Respondent))
        {
            ["At"] = answer.At,
            ["Discipline"] = answer.Discipline.ToString(),
            ["Department"] = answer.Department,
        };
        kinds.ColumnsOf<TAnswer>(round.Kind).Write(row, answer.Answer);
        // A round's answers arrive in waves (a card to hundreds at once): those given together are stored together.
        return writes.ReplaceAsync(Name, row, cancellationToken);
    }

    public Task<IReadOnlyList<GivenAnswer<TAnswer>>> AnswersAsync<TAnswer>(
        TenantId tenant, Round round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        return tables.QueryAsync(
            Name,
            StorageTables.PrefixFilter(AnswerPartition(tenant, round), $"{Prefix(round.Kind)}answer|{round.Id}|"),
            row => ToAnswer<TAnswer>(round, row),
            cancellationToken);
    }

    public async Task<GivenAnswer<TAnswer>?> AnswerAsync<TAnswer>(
        TenantId tenant, Round round, RespondentKey respondent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                AnswerPartition(tenant, round), AnswerKey(round, respondent), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToAnswer<TAnswer>(round, row.Value!) : null;
    }

    public async Task<bool> HasAnsweredAsync(TenantId tenant, Round round, RespondentKey respondent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                AnswerPartition(tenant, round), AnswerKey(round, respondent), ["RowKey"], cancellationToken),
            cancellationToken);
        return row.HasValue;
    }

    public async Task<TTally?> TallyAsync<TTally>(TenantId tenant, Round round, CancellationToken cancellationToken)
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(
                Partition(tenant, round.Project), TallyKey(round), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue && row.Value!.GetString("Of") == typeof(TTally).Name
            ? JsonSerializer.Deserialize<TTally>(row.Value.GetString("Tally"), JsonColumns.Documents)
            : null;
    }

    public Task KeepTallyAsync<TTally>(TenantId tenant, Round round, TTally tally, CancellationToken cancellationToken)
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = new TableEntity(Partition(tenant, round.Project), TallyKey(round))
        {
            ["Of"] = typeof(TTally).Name,
            ["Tally"] = JsonSerializer.Serialize(tally, JsonColumns.Documents),
        };
        return tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    private static string Key(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

    private static string Partition(TenantId tenant, ProjectCode project) => Key(tenant, project);

    // A round's answers are a partition of their own, so the project's partition holds only what describes its rounds.
    private string AnswerPartition(TenantId tenant, Round round) => $"{Key(tenant, round.Project)}|{Prefix(round.Kind)}{round.Id}";

    /// <summary>
    /// Every row of a round starts with its kind's name: its descriptor's <see cref="RoundKindDescriptor.StoragePrefix"/>.
    /// </summary>
    private string Prefix(RoundKind kind) => kinds[kind].StoragePrefix;

    private string OpenKey(TenantId tenant, ProjectCode project, RoundKind kind, string roundId) =>
        $"{Key(tenant, project)}|{Prefix(kind)}{roundId}";

    private string RoundKey(RoundKind kind, DateTimeOffset opensAt) =>
        Prefix(kind) + "round|" + (DateTimeOffset.MaxValue.UtcTicks - opensAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private string AnswerKey(Round round, RespondentKey respondent) => $"{Prefix(round.Kind)}answer|{round.Id}|{respondent.Value}";

    private string LatestKey(RoundKind kind) => Prefix(kind) + "latest";

    private string TallyKey(Round round) => $"{Prefix(round.Kind)}tally|{round.Id}";

    private GivenAnswer<TAnswer> ToAnswer<TAnswer>(Round round, TableEntity row) => new(
        new RespondentKey(row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..]),
        kinds.ColumnsOf<TAnswer>(round.Kind).Read(row),
        row.GetDateTimeOffset("At")!.Value,
        Enum.Parse<StakeholderRole>(row.GetString("Discipline")),
        row.GetString("Department"));

    // An open round names its kind; an unknown name is an error.
    private OpenRound ToOpenRound(TableEntity row) => new(
        new TenantId(row.GetString("Tenant")),
        new ProjectCode(row.GetString("Project")),
        kinds.Named(row.GetString("Kind")).Kind,
        row.GetString("RoundId"),
        row.GetBoolean("CardsQueued") ?? false,
        row.GetBoolean("RemindersQueued") ?? false,
        row.GetBoolean("EndQueued") ?? false,
        row.ETag.ToString());

    // A round's id names its minute, or the minute and second of one sent by hand in a minute already taken (Round.IdFor).
    private static bool TryParseRoundId(string roundId, out DateTimeOffset opensAt) =>
        DateTimeOffset.TryParseExact(
            roundId,
            ["yyyyMMdd'T'HHmm'Z'", "yyyyMMdd'T'HHmm'Z+'ss"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out opensAt)
        && Round.IdFor(opensAt) == roundId;

    // The round is of the kind whose keys it was read under.
    private async Task<Round> ToRoundAsync(TenantId tenant, RoundKind kind, TableEntity row, CancellationToken cancellationToken)
    {
        var document = StoredDocument.Read<RoundDocument>(row)!;
        var key = document.Anonymous
            ? await _keys.GetAsync(tenant, new ProjectCode(document.Project), kind, row.GetString("RoundId"), cancellationToken)
            : null;
        return document.ToRound(kind, key, row.GetDateTimeOffset(ClosedEarlyColumn));
    }

    private async Task<bool> RowExistsAsync(TableEntity row, CancellationToken cancellationToken) =>
        (await tables.ExecuteAsync(
            Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, ["RowKey"], cancellationToken),
            cancellationToken)).HasValue;
}
