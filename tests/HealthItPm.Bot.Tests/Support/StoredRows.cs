using System.Globalization;
using Azure.Data.Tables;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Storage;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// Every row of every table on an Azurite, its columns but not its timestamp or version, for attacks that must store
/// nothing: a snapshot before, one after, and what differs. Left out unless <c>everything</c>: how to reach each person
/// (refreshed by every turn, whoever sends it) and the pipeline's send counters.
/// </summary>
internal static class StoredRows
{
    public static async Task<SortedSet<string>> SnapshotAsync(string connectionString, bool everything = false)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!everything && table.Name == ConversationReferenceTable.Name)
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                if (!everything && row.PartitionKey == DeliveryTable.StatsPartition)
                {
                    continue;
                }

                var columns = row.Where(c => c.Key is not ("Timestamp" or "odata.etag"))
                    .OrderBy(c => c.Key, StringComparer.Ordinal)
                    .Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}");
                rows.Add($"{table.Name}|{row.PartitionKey}|{row.RowKey}|{string.Join(";", columns)}");
            }
        }

        return rows;
    }

    /// <summary>Fails, listing them, when rows were added, changed or removed since <paramref name="before"/>.</summary>
    public static void AssertUnchanged(SortedSet<string> before, SortedSet<string> after)
    {
        var added = after.Except(before).ToList();
        var gone = before.Except(after).ToList();
        Assert.True(
            added.Count == 0 && gone.Count == 0,
            "Stored:\n" + string.Join("\n", added) + "\nChanged or removed:\n" + string.Join("\n", gone));
    }
}
