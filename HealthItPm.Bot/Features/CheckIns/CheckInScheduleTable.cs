using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// The check-ins' weekly schedules, in the rounds' table (<see cref="RoundTable"/>, <c>CheckIns</c>): PK <c>schedule</c>, RK
/// <c>{tenant}|{CODE}</c>: every schedule in one partition, which is what the scheduler reads each tick (one row per project).
/// </summary>
public sealed class CheckInScheduleTable(StorageTables tables) : ICheckInStore
{
    private const string Partition = "schedule";

    public async Task<StoredSchedule?> GetScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken)
    {
        var row = await tables.ExecuteAsync(
            RoundTable.Name,
            t => t.GetEntityIfExistsAsync<TableEntity>(Partition, Key(tenant, project), cancellationToken: cancellationToken),
            cancellationToken);
        return row.HasValue ? ToSchedule(row.Value!) : null;
    }

    public Task SaveScheduleAsync(
        TenantId tenant,
        ProjectCode project,
        CheckInSchedule schedule,
        DateTimeOffset lastFired,
        string? version,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var row = new TableEntity(Partition, Key(tenant, project))
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
            ["ProjectManagers"] = schedule.Audience.ProjectManagers,
            ["LastFired"] = lastFired,
        };
        return tables.ExecuteAsync(
            RoundTable.Name,
            t => version is null
                ? t.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken)
                : t.UpdateEntityAsync(row, new ETag(version), TableUpdateMode.Replace, cancellationToken),
            cancellationToken);
    }

    public Task DeleteScheduleAsync(TenantId tenant, ProjectCode project, CancellationToken cancellationToken) =>
        tables.ExecuteAsync(
            RoundTable.Name, t => t.DeleteEntityAsync(Partition, Key(tenant, project), ETag.All, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<StoredSchedule>> ListSchedulesAsync(CancellationToken cancellationToken) =>
        tables.QueryAsync(RoundTable.Name, $"PartitionKey eq '{Partition}'", ToSchedule, cancellationToken);

    public Task<bool> MarkFiredAsync(StoredSchedule schedule, DateTimeOffset occurrence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return tables.MergeIfUnchangedAsync(
            RoundTable.Name,
            new TableEntity(Partition, Key(schedule.Tenant, schedule.Project)) { ["LastFired"] = occurrence },
            schedule.Version,
            cancellationToken);
    }

    private static string Key(TenantId tenant, ProjectCode project) => $"{tenant.Value}|{project.Value}";

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
                row.GetString("Disciplines")
                    .Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(Enum.Parse<StakeholderRole>)
                    .ToHashSet(),
                JsonSerializer.Deserialize<string[]>(row.GetString("Departments"))!.ToHashSet(StringComparer.OrdinalIgnoreCase),
                row.GetBoolean("ProjectManagers") ?? false)),
        row.GetDateTimeOffset("LastFired")!.Value,
        row.ETag.ToString());
}
