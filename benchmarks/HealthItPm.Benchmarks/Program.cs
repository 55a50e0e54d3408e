using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HealthItPm.Benchmarks;
using HealthItPm.Benchmarks.Digests;
using HealthItPm.Benchmarks.Emulator;
using HealthItPm.Benchmarks.FanOut;
using HealthItPm.Benchmarks.Load;
using HealthItPm.Benchmarks.Turns;
using HealthItPm.Testing;

// Turn-pipeline benchmark: the bot's check-in submission (validate, store in Azure Tables, answer
// with the updated card) and status command against a bare Bot Framework echo bot and against raw
// Azure Tables upserts of an answer-sized row, same machine, same load, same run. The scenarios take
// turns for several rounds (so JIT warm-up and background work fall on all alike) and each reports
// its median round.
// Usage: tools/bench [--seconds N] [--rounds N] [--concurrency N] [--respondents N] [--azurite-in-memory] [--empty-audit]
//        (--empty-audit: the submission's rounds each start with no audit entries stored; see TurnRig.AuditEntriesAsync)
//        tools/bench fanout [options]   (the delivery pipeline's fan-out: see FanOut/FanOutBenchmark.cs)
//        tools/bench digest [options]   (the weekly digest over a year of history: see Digests/DigestBenchmark.cs)
//        tools/bench cpu [options]      (the processor time one turn costs: see Turns/CpuBenchmark.cs)
//        tools/bench partition [options] (the emulator's cost of a row as its partition grows: see Emulator/PartitionBenchmark.cs)
switch (args.FirstOrDefault())
{
    case "fanout":
        return await FanOutBenchmark.RunAsync(args[1..]);
    case "digest":
        return await DigestBenchmark.RunAsync(args[1..]);
    case "cpu":
        return await CpuBenchmark.RunAsync(args[1..]);
    case "partition":
        return await PartitionBenchmark.RunAsync(args[1..]);
}

var seconds = BenchmarkOptions.Count(args, "--seconds", 10);
var rounds = BenchmarkOptions.Count(args, "--rounds", 3);
var concurrency = BenchmarkOptions.Count(args, "--concurrency", 16);
var respondents = BenchmarkOptions.Count(args, "--respondents", 500);
await using var rig = await TurnRig.StartAsync(respondents, args.Contains("--azurite-in-memory"));
var load = new ClosedLoop(concurrency, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(seconds));
var emptyAudit = args.Contains("--empty-audit");
var auditEntries = new List<(int Entries, int Rows)>();
var scenarios = new (string Name, Func<string, Task<LoadResult>> Run)[]
{
    ("Azure Tables: upsert of an answer row", name => load.RunAsync(name, rig.UpsertAnswerAsync)),
    ("Echo bot: card action", name => load.RunAsync(name, rig.EchoUrl, rig.EchoCardAction, "Echo")),
    ("Echo bot: card action with the answer's upsert", name => load.RunAsync(name, rig.EchoUrl, rig.EchoStoreCardAction, "Echo")),
    ("Azure Tables: the answer rows in group commits", name => load.RunAsync(name, rig.GroupCommitAnswerAsync)),
    ("Echo bot: card action with the answer in a group commit",
        name => load.RunAsync(name, rig.EchoUrl, rig.EchoGroupedStoreCardAction, "Echo")),
    ("HealthItPm: check-in submission", async name =>
    {
        if (emptyAudit)
        {
            await rig.EmptyAuditAsync();
        }

        var result = await load.RunAsync(name, rig.BotUrl, rig.CheckInSubmission, "check-in is in");
        await Task.Delay(500); // the audit writer's last batch
        auditEntries.Add(await rig.AuditEntriesAsync());
        return result;
    }),
    ("Echo bot: message", name => load.RunAsync(name, rig.EchoUrl, rig.EchoMessage, null)),
    ("HealthItPm: status command", name => load.RunAsync(name, rig.BotUrl, _ => rig.StatusCommand(), null)),
};
var runs = scenarios.Select(_ => new List<LoadResult>()).ToArray();
for (var pass = 1; pass <= rounds; pass++)
{
    for (var i = 0; i < scenarios.Length; i++)
    {
        var (name, run) = scenarios[i];
        runs[i].Add(await run(name));
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"round {pass}/{rounds}: {name}: {runs[i][^1].TurnsPerSecond:0} turns/s"));
    }
}

var results = runs.Select(r => r.OrderBy(x => x.TurnsPerSecond).ElementAt(r.Count / 2)).ToList();
var ranges = runs.Select(r => (Min: r.Min(x => x.TurnsPerSecond), Max: r.Max(x => x.TurnsPerSecond))).ToList();
var report = Report(results, ranges, auditEntries, (seconds, rounds, concurrency, respondents, emptyAudit));
Console.WriteLine(report);
var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
Directory.CreateDirectory(folder);
await File.WriteAllTextAsync(Path.Combine(folder, "turns.md"), report);
await rig.StopAsync();
return runs.SelectMany(r => r).Any(r => r.Turns == 0 || r.Failures > 0) ? 1 : 0;

static string Report(
    IReadOnlyList<LoadResult> results,
    IReadOnlyList<(double Min, double Max)> ranges,
    IReadOnlyList<(int Entries, int Rows)> auditEntries,
    (int Seconds, int Rounds, int Concurrency, int Respondents, bool EmptyAudit) run)
{
    var (seconds, rounds, concurrency, respondents, emptyAudit) = run;
    var text = new StringBuilder();
    text.AppendLine(
        CultureInfo.InvariantCulture,
        $"Turn pipeline, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, "
        + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}; {concurrency} concurrent callers; "
        + $"each scenario {rounds} rounds of {seconds} s after 5 s warm-up, median round shown; Azurite on loopback; "
        + $"{respondents} respondents.");
    text.AppendLine();
    text.AppendLine("| scenario | turns/s (median) | range over rounds | p50 ms | p95 ms | p99 ms | turns | failed |");
    text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (r, range) in results.Zip(ranges))
    {
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"| {r.Scenario} | {r.TurnsPerSecond:0} | {range.Min:0}–{range.Max:0} | {r.P50Ms:0.0} | {r.P95Ms:0.0} | {r.P99Ms:0.0} "
            + $"| {r.Turns} | {r.Failures} |");
    }

    double Rate(int scenario) => results[scenario].TurnsPerSecond;
    var (upserts, echo, floor, grouped, groupedFloor, submission, message, status) = (0, 1, 2, 3, 4, 5, 6, 7);
    text.AppendLine();
    text.AppendLine(
        CultureInfo.InvariantCulture,
        $"Check-in submission sustains {Rate(submission) / Rate(upserts):P0} of raw Azure Tables upserts of an answer row at the "
        + $"same concurrency (target 85 %, p99 under 50 ms; p99 here {results[submission].P99Ms:0.0} ms), "
        + $"{Rate(submission) / Rate(grouped):P0} of the same rows in group commits with no bot, "
        + $"{Rate(submission) / Rate(floor):P0} of the echo bot's card action with the same upsert "
        + $"(which itself sustains {Rate(floor) / Rate(upserts):P0} of the raw upserts), "
        + $"{Rate(submission) / Rate(groupedFloor):P0} of the echo bot's card action with the answer in a group commit and "
        + $"{Rate(submission) / Rate(echo):P0} of the echo bot's card-action throughput; "
        + $"the status command {Rate(status) / Rate(message):P0} of its message throughput.");
    var counts = string.Join(
        ", ", auditEntries.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Entries:N0} in {n.Rows:N0} rows")));
    text.AppendLine();
    text.AppendLine(
        $"Audit entries stored at the end of each submission round: {counts}"
        + (emptyAudit ? " (each round started with none: --empty-audit)." : " (they accumulate over the run)."));
    return text.ToString();
}
