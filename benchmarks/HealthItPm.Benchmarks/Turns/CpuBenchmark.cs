using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using HealthItPm.Testing;

namespace HealthItPm.Benchmarks.Turns;

/// <summary>What one kind of turn cost this process: processor time and bytes allocated per turn.</summary>
public sealed record TurnCost(
    string Scenario,
    int Turns,
    double CpuMs,
    double AllocatedKb,
    double WallSeconds,
    double EmulatorCpuMs,
    double TableRequests,
    double QueueRequests);

/// <summary>
/// The processor time a turn costs, counted rather than timed, so that other work on the machine changes it little:
/// a fixed number of turns of each kind at a modest concurrency, and this process's processor time
/// (<see cref="Process.TotalProcessorTime"/>) and allocated bytes before and after, divided by the turns. The process
/// holds the load generator, the echo bot and the bot's host (<see cref="TurnRig"/>); the emulator is its own process,
/// counted apart (on Linux, from its <c>/proc</c> entry). The raw upsert and the echo bot's card
/// action are the floors: what a check-in submission costs over their sum is the bot's own work. The process id is
/// printed first, for a profiler to attach (<c>dotnet-trace collect -p PID --profile dotnet-sampled-thread-time</c>)
/// while the passes run.
/// Usage: tools/bench cpu [--turns 3000] [--passes 5] [--concurrency 8] [--respondents 500]
///        [--only submission|echo|upsert]
/// </summary>
public static class CpuBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var turns = BenchmarkOptions.Count(args, "--turns", 3000);
        var passes = BenchmarkOptions.Count(args, "--passes", 5);
        var concurrency = BenchmarkOptions.Count(args, "--concurrency", 8);
        var respondents = BenchmarkOptions.Count(args, "--respondents", 500);
        var only = Array.IndexOf(args, "--only") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

        await using var rig = await TurnRig.StartAsync(respondents, args.Contains("--azurite-in-memory"));
        using var tableRequests = new StorageRequestCounter(rig.TablePort);
        using var queueRequests = new StorageRequestCounter(rig.QueuePort);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var scenarios = new (string Name, Func<int, Task<bool>> Turn)[]
        {
            ("Azure Tables: upsert of an answer row", rig.UpsertAnswerAsync),
            ("Echo bot: card action", n => PostAsync(client, rig.EchoUrl, rig.EchoCardAction(n), "Echo")),
            ("Echo bot: card action with the answer's upsert", n => PostAsync(client, rig.EchoUrl, rig.EchoStoreCardAction(n), "Echo")),
            ("HealthItPm: check-in submission", n => PostAsync(client, rig.BotUrl, rig.CheckInSubmission(n), "check-in is in")),
        };
        if (only is not null)
        {
            // One kind of turn alone, for a profiler attached to the process.
            scenarios = [.. scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        foreach (var (_, turn) in scenarios)
        {
            await RunTurnsAsync(turn, Math.Max(500, turns / 3), concurrency);
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measuring in process {Environment.ProcessId}"));
        var costs = scenarios.Select(_ => new List<TurnCost>()).ToArray();
        for (var pass = 1; pass <= passes; pass++)
        {
            for (var i = 0; i < scenarios.Length; i++)
            {
                var cost = await MeasureAsync(
                    scenarios[i].Name, scenarios[i].Turn, turns, concurrency, (tableRequests, queueRequests), () => rig.EmulatorCpuSeconds);
                costs[i].Add(cost);
                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"pass {pass}/{passes}: {cost.Scenario}: {cost.CpuMs:0.000} ms, {cost.AllocatedKb:0.0} KB, "
                    + $"emulator {cost.EmulatorCpuMs:0.000} ms"));
            }
        }

        var medians = costs.Select(c => c.OrderBy(x => x.CpuMs).ElementAt(c.Count / 2)).ToList();
        if (medians.Count < 4)
        {
            await rig.StopAsync();
            return 0;
        }

        var report = Report(medians, costs, turns, passes, concurrency, respondents);
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "cpu.md"), report);
        await rig.StopAsync();
        return 0;
    }

    private static async Task<TurnCost> MeasureAsync(
        string scenario,
        Func<int, Task<bool>> turn,
        int turns,
        int concurrency,
        (StorageRequestCounter Tables, StorageRequestCounter Queues) requests,
        Func<double> emulatorCpu)
    {
        using var process = Process.GetCurrentProcess();
        // Settle what earlier passes left (their garbage, the writer's last batch) so it is not counted here.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(200);
        process.Refresh();
        var emulator = emulatorCpu();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var ((_, tables, _), queues, _) = await requests.Queues.MeasureAsync(
            () => requests.Tables.MeasureAsync(async () =>
            {
                await RunTurnsAsync(turn, turns, concurrency);
                return true;
            }));
        var wall = clock.Elapsed;
        process.Refresh();
        var spent = process.TotalProcessorTime - cpu;
        return new TurnCost(
            scenario,
            turns,
            spent.TotalMilliseconds / turns,
            (GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1024.0 / turns,
            wall.TotalSeconds,
            (emulatorCpu() - emulator) * 1000 / turns,
            (double)tables / turns,
            (double)queues / turns);
    }

    private static async Task RunTurnsAsync(Func<int, Task<bool>> turn, int turns, int concurrency)
    {
        var next = 0;
        var failed = 0;
        async Task CallerAsync()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= turns)
            {
                if (!await turn(n))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CallerAsync)));
        if (failed > 0)
        {
            throw new InvalidOperationException($"{failed} of {turns} turns failed.");
        }
    }

    private static async Task<bool> PostAsync(HttpClient client, Uri bot, string body, string expect)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri(bot, "api/messages"), content);
        var answer = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode && answer.Contains(expect, StringComparison.Ordinal);
    }

    private static string Report(
        List<TurnCost> medians, List<TurnCost>[] all, int turns, int passes, int concurrency, int respondents)
    {
        var text = new StringBuilder();
        text.AppendLine(
            CultureInfo.InvariantCulture,
            $"Processor time per turn, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}; {turns} turns of each kind per pass, "
            + $"{passes} passes, {concurrency} concurrent callers, {respondents} respondents; median pass shown. "
            + $"CPU and allocations: this process (load generator, echo bot, bot host); the emulator's CPU apart, from /proc.");
        text.AppendLine();
        text.AppendLine(
            "| scenario | CPU ms per turn (median) | range over passes | KB allocated per turn | emulator CPU ms per turn "
            + "| table requests per turn | queue requests per turn | turns/s |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (cost, passesOf) in medians.Zip(all))
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {cost.Scenario} | {cost.CpuMs:0.000} | {passesOf.Min(c => c.CpuMs):0.000}–{passesOf.Max(c => c.CpuMs):0.000} "
                + $"| {cost.AllocatedKb:0.0} | {cost.EmulatorCpuMs:0.000} | {cost.TableRequests:0.00} | {cost.QueueRequests:0.00} "
                + $"| {cost.Turns / cost.WallSeconds:0} |");
        }

        var (floor, submission) = (medians[2], medians[3]);
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine()
            .Append(invariant, $"A check-in submission costs {submission.CpuMs - floor.CpuMs:0.000} ms of processor time ")
            .Append(invariant, $"and {submission.AllocatedKb - floor.AllocatedKb:0.0} KB over the echo bot's card action with ")
            .AppendLine("the same upsert: the bot's own work.");
        var (upsertBound, floorBound, submissionBound) = (Bound(medians[0]), Bound(floor), Bound(submission));
        text.AppendLine()
            .Append(invariant, $"What the processor allows on {Environment.ProcessorCount} cores, with this process and the ")
            .Append("emulator (one thread) sharing them and nothing else running: at most the lower of cores ÷ (process + emulator ")
            .Append(invariant, $"ms) and 1 ÷ emulator ms, turns a second. Raw upsert {upsertBound:0}, echo bot's card action with ")
            .Append(invariant, $"the upsert {floorBound:0}, check-in submission {submissionBound:0}: the submission at most ")
            .Append(invariant, $"{submissionBound / upsertBound:P0} of the raw upserts, and no bot that answers a card and makes ")
            .AppendLine(invariant, $"the one write more than {floorBound / upsertBound:P0}.");
        return text.ToString();
    }

    private static double Bound(TurnCost cost) =>
        Math.Min(Environment.ProcessorCount * 1000 / (cost.CpuMs + cost.EmulatorCpuMs), 1000 / cost.EmulatorCpuMs);
}
