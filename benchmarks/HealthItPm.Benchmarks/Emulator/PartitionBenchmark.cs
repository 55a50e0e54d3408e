using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using HealthItPm.Testing;

namespace HealthItPm.Benchmarks.Emulator;

/// <summary>
/// The emulator alone: what adding a row costs it as the row's partition grows. Audit entries go to one partition per
/// tenant and month, in transactions of several entries; the benchmark adds entries the same way (10 a transaction, one
/// caller) and, after each step, times point reads of its rows and point upserts into a partition that does not grow
/// (500 rows, the answers of a round), so the costs can be told apart. Azure Table storage seeks a row by its keys; the
/// emulator, holding its tables in memory, compares the new row with the rows of its partition.
/// Usage: tools/bench partition [--rows 20000] [--step 2000] [--azurite-in-memory]
/// </summary>
public static class PartitionBenchmark
{
    private const int PerTransaction = 10;
    private const int Upserts = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = BenchmarkOptions.Count(args, "--rows", 20000);
        var step = BenchmarkOptions.Count(args, "--step", 2000);
        await using var azurite = AzuriteFixture.InMemory(args.Contains("--azurite-in-memory"));
        await azurite.InitializeAsync();
        var service = azurite.TableService;
        var audit = service.GetTableClient("BenchAudit");
        var answers = service.GetTableClient("BenchAnswers");
        await audit.CreateIfNotExistsAsync();
        await answers.CreateIfNotExistsAsync();

        var keys = new List<string>();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Emulator partition cost, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: "
            + $"{Environment.ProcessorCount} cores; entries added {PerTransaction} a transaction, one caller; "
            + $"after each step {Upserts} point reads of its rows and {Upserts} upserts into a 500-row partition, one after another.");
        report.AppendLine();
        report.AppendLine("| rows in the growing partition | ms per entry added | emulator CPU ms per entry added "
            + "| ms per point read, growing partition | ms per upsert, 500-row partition |");
        report.AppendLine("| ---: | ---: | ---: | ---: | ---: |");
        for (var stored = 0; stored < rows;)
        {
            var cpu = azurite.CpuSeconds;
            var watch = Stopwatch.StartNew();
            for (var added = 0; added < step; added += PerTransaction, stored += PerTransaction)
            {
                var batch = Enumerable.Range(0, PerTransaction).Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity("tenant|202612", $"{stored + i:D8}|{Guid.NewGuid():N}") { ["Kind"] = "CheckInAnswered" })).ToList();
                await audit.SubmitTransactionAsync(batch);
                keys.AddRange(batch.Select(b => b.Entity.RowKey));
            }

            var perEntry = watch.Elapsed.TotalMilliseconds / step;
            var cpuPerEntry = (azurite.CpuSeconds - cpu) * 1000 / step;
            watch.Restart();
            for (var u = 0; u < Upserts; u++)
            {
                await answers.UpsertEntityAsync(
                    new TableEntity("tenant|BENCH", $"answer|round|{u % 500:D3}") { ["Status"] = "SomeConcerns", ["Impact"] = 3 },
                    TableUpdateMode.Replace);
            }

            var perUpsert = watch.Elapsed.TotalMilliseconds / Upserts;
            watch.Restart();
            for (var r = 0; r < Upserts; r++)
            {
                await audit.GetEntityAsync<TableEntity>("tenant|202612", keys[Random.Shared.Next(keys.Count)]);
            }

            var perRead = watch.Elapsed.TotalMilliseconds / Upserts;
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"| {stored:N0} | {perEntry:0.00} | {cpuPerEntry:0.00} | {perRead:0.00} | {perUpsert:0.00} |");
            Console.Error.WriteLine(line);
            report.AppendLine(line);
        }

        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "partition.md"), report.ToString());
        return 0;
    }
}
