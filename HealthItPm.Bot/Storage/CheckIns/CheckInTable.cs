using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Storage.CheckIns;

/// <summary>
/// Check-in schedules, rounds and answers (deliveries are the pipeline's, in <c>Deliveries</c>).
/// <para>
/// Table <c>CheckIns</c>:
/// <list type="table">
/// <item><term>schedules</term><description>PK <c>schedule</c>, RK <c>{tenant}|{CODE}</c>: every schedule in one
/// partition, which is what the scheduler reads each tick (one row per project).</description></item>
/// <item><term>open rounds</term><description>PK <c>open</c>, RK <c>{tenant}|{CODE}|{roundId}</c>: an index of the
/// rounds not yet closed, removed when the round is closed, so the scheduler never reads old rounds; it marks
/// which delivery steps were handed to the pipeline (CardsQueued, RemindersQueued).</description></item>
/// <item><term>rounds</term><description>PK <c>{tenant}|{CODE}</c>, RK <c>round|{inverted ticks of opening}</c>: newest
/// first, so the latest rounds (for trends) are the first rows of a range query.</description></item>
/// <item><term>answers</term><description>same PK, RK <c>answer|{roundId}|{aadObjectId}</c>: one row per person per
/// round, so a second submit replaces the first and concurrent answers never contend.</description></item>
/// </list>
/// </para>
/// </summary>
public sealed class CheckInTable(StorageTables tables) : ICheckInStore
{
    public const string Name = "CheckIns";

    private const string SchedulePartition = "schedule";
    private const string OpenPartition = "open";

    // A round never changes once opened, so every answer to it need not read it again: the rounds
    // being answered now stay in memory (a few at a time; the cache starts over if it fills up).
    private const int RoundsKept = 256;
    private readonly ConcurrentDictionary<(string Partition, string Key), CheckInRound> _rounds = new();

    public async Task<StoredSchedule?> GetScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(SchedulePartition, Key(tenant, project), cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? ToSchedule(row.Value!) : null;
    }

    public Task SaveScheduleAsync(TenantId tenant, ProjectCode project, CheckInSchedule schedule, DateTimeOffset lastFired, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var row = new TableEntity(SchedulePartition, Key(tenant, project))
        {
            ["Tenant"] = tenant.Value,
            ["Project"] = project.Value,
            ["Day"] = (int)schedule.Day,
            ["At"] = schedule.At.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZone"] = schedule.TimeZone,
            ["RemindMinutes"] = (int)schedule.RemindAfter.TotalMinutes,
            ["CloseMinutes"] = (int)schedule.CloseAfter.TotalMinutes,
            ["Anonymous"] = schedule.Anonymous,
            ["Disciplines"] = string.Join(',', schedule.Audience.Disciplines),
            ["Departments"] = JsonSerializer.Serialize(schedule.Audience.Departments),
            ["LastFired"] = lastFired,
        };
        return tables.ExecuteAsync(
            Name,
            t => version is null ? t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken) : t.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
    }

    public Task DeleteScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(Name, t => t.DeleteEntityAsync(SchedulePartition, Key(tenant, project), ETag.All, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredSchedule>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        QueryAsync($"PartitionKey eq '{SchedulePartition}'", ToSchedule, cancellationToken);

    public async Task<bool> MarkFiredAsync(StoredSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var row = new TableEntity(SchedulePartition, Key(schedule.Tenant, schedule.Project)) { ["LastFired"] = occurrence };
        try
        {
            await tables.ExecuteAsync(Name, t => t.UpdateEntityAsync(row, new ETag(schedule.Version), TableUpdateMode.Merge, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> AddRoundAsync(TenantId tenant, CheckInRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = new TableEntity(Partition(tenant, round.Project), RoundKey(round.OpensAt)) { ["RoundId"] = round.Id };
        JsonColumns.Write(row, JsonSerializer.Serialize(RoundDocument.From(round), JsonColumns.Documents));
        var open = new TableEntity(OpenPartition, $"{Key(tenant, round.Project)}|{round.Id}") { ["Tenant"] = tenant.Value, ["Project"] = round.Project.Value, ["RoundId"] = round.Id };
        if (!await AddAsync(row, cancellationToken))
        {
            return false;
        }

        await tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(open, TableUpdateMode.Replace, cancellationToken), cancellationToken);
        return true;
    }

    public async Task<CheckInRound?> GetRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken)
    {
        if (!TryParseRoundId(roundId, out var opensAt))
        {
            return null;
        }

        var key = (Partition(tenant, project), RoundKey(opensAt));
        if (_rounds.TryGetValue(key, out var known))
        {
            return known;
        }

        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(key.Item1, key.Item2, cancellationToken: cancellationToken), cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        if (_rounds.Count >= RoundsKept)
        {
            _rounds.Clear();
        }

        return _rounds.GetOrAdd(key, ToRound(row.Value!));
    }

    public Task<IReadOnlyList<CheckInRound>> LatestRoundsAsync(TenantId tenant, ProjectCode project, int count, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(Partition(tenant, project), "round|"), ToRound, cancellationToken, take: count);

    public Task<IReadOnlyList<OpenRound>> OpenRoundsAsync(CancellationToken cancellationToken) =>
        QueryAsync($"PartitionKey eq '{OpenPartition}'", ToOpenRound, cancellationToken);

    public async Task<OpenRound?> GetOpenRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(OpenPartition, $"{Key(tenant, project)}|{roundId}", cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? ToOpenRound(row.Value!) : null;
    }

    private static OpenRound ToOpenRound(TableEntity row) => new(
        new TenantId(row.GetString("Tenant")),
        new ProjectCode(row.GetString("Project")),
        row.GetString("RoundId"),
        row.GetBoolean("CardsQueued") ?? false,
        row.GetBoolean("RemindersQueued") ?? false,
        row.ETag.ToString());

    public async Task<bool> MarkQueuedAsync(OpenRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var row = new TableEntity(OpenPartition, $"{Key(round.Tenant, round.Project)}|{round.RoundId}") { ["CardsQueued"] = round.CardsQueued, ["RemindersQueued"] = round.RemindersQueued };
        try
        {
            await tables.ExecuteAsync(Name, t => t.UpdateEntityAsync(row, new ETag(round.Version), TableUpdateMode.Merge, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> CloseRoundAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken)
    {
        // Deleting the index row is the claim: with its ETag read first, only one host's delete succeeds.
        var key = $"{Key(tenant, project)}|{roundId}";
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(OpenPartition, key, cancellationToken: cancellationToken), cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }

        try
        {
            var response = await tables.ExecuteAsync(Name, t => t.DeleteEntityAsync(OpenPartition, key, row.Value!.ETag, cancellationToken), cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task SaveAnswerAsync(TenantId tenant, ProjectCode project, string roundId, GivenAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var row = new TableEntity(Partition(tenant, project), $"answer|{roundId}|{answer.Person.Value}")
        {
            ["Status"] = answer.Answer.Status.ToString(),
            ["Impact"] = answer.Answer.Impact.Value,
            ["Blockers"] = answer.Answer.Blockers?.Value,
            ["TrainingNeeded"] = answer.Answer.TrainingNeeded,
            ["At"] = answer.At,
        };
        return tables.ExecuteAsync(Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<GivenAnswer>> AnswersAsync(TenantId tenant, ProjectCode project, string roundId, CancellationToken cancellationToken) =>
        QueryPrefixAsync(Partition(tenant, project), $"answer|{roundId}|", ToAnswer, cancellationToken);

    public async Task<GivenAnswer?> AnswerAsync(TenantId tenant, ProjectCode project, string roundId, PersonId person, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(Name, t => t.GetEntityIfExistsAsync<TableEntity>(Partition(tenant, project), $"answer|{roundId}|{person.Value}", cancellationToken: cancellationToken), cancellationToken);
        return row.HasValue ? ToAnswer(row.Value!) : null;
    }

    private static string Key(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

    private static string Partition(TenantId tenant, ProjectCode project) => Key(tenant, project);

    private static string RoundKey(DateTimeOffset opensAt) =>
        "round|" + (DateTimeOffset.MaxValue.UtcTicks - opensAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    private static GivenAnswer ToAnswer(TableEntity row) => new(
        new PersonId(row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..]),
        CheckInAnswer.Restore(Enum.Parse<CheckInStatus>(row.GetString("Status")), new WorkflowImpact(row.GetInt32("Impact")!.Value), GuardedText.Restore(row.GetString("Blockers")), row.GetBoolean("TrainingNeeded") ?? false),
        row.GetDateTimeOffset("At")!.Value);

    private static bool TryParseRoundId(string roundId, out DateTimeOffset opensAt) =>
        DateTimeOffset.TryParseExact(roundId, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out opensAt);

    private static CheckInRound ToRound(TableEntity row) => JsonSerializer.Deserialize<RoundDocument>(JsonColumns.Read(row)!, JsonColumns.Documents)!.ToRound();

    private static StoredSchedule ToSchedule(TableEntity row) => new(
        new TenantId(row.GetString("Tenant")),
        new ProjectCode(row.GetString("Project")),
        new CheckInSchedule(
            (DayOfWeek)row.GetInt32("Day")!.Value,
            TimeOnly.ParseExact(row.GetString("At"), "HH:mm", CultureInfo.InvariantCulture),
            row.GetString("TimeZone"),
            TimeSpan.FromMinutes(row.GetInt32("RemindMinutes")!.Value),
            TimeSpan.FromMinutes(row.GetInt32("CloseMinutes")!.Value),
            row.GetBoolean("Anonymous") ?? false,
            new Audience(
                row.GetString("Disciplines").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<StakeholderRole>).ToHashSet(),
                JsonSerializer.Deserialize<string[]>(row.GetString("Departments"))!.ToHashSet(StringComparer.OrdinalIgnoreCase))),
        row.GetDateTimeOffset("LastFired")!.Value,
        row.ETag.ToString());

    private async Task<bool> AddAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.ExecuteAsync(Name, t => t.AddEntityAsync(row, cancellationToken), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private Task<IReadOnlyList<T>> QueryPrefixAsync<T>(string partition, string prefix, Func<TableEntity, T> map, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, StorageTables.PrefixFilter(partition, prefix), map, cancellationToken);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string filter, Func<TableEntity, T> map, CancellationToken cancellationToken) =>
        tables.QueryAsync(Name, filter, map, cancellationToken);
}
