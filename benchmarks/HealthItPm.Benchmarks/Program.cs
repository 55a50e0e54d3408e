using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Azure.Data.Tables;
using HealthItPm.Benchmarks;
using HealthItPm.Benchmarks.Digests;
using HealthItPm.Benchmarks.FanOut;
using HealthItPm.Benchmarks.Hosts;
using HealthItPm.Benchmarks.Load;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

// Turn-pipeline benchmark: the bot's check-in submission (validate, store in Azure Tables, answer
// with the updated card) and status command against a bare Bot Framework echo bot and against raw
// Azure Tables upserts of an answer-sized row, same machine, same load, same run. The scenarios take
// turns for several rounds (so JIT warm-up and background work fall on all alike) and each reports
// its median round.
// Usage: tools/bench [--seconds N] [--rounds N] [--concurrency N] [--respondents N]
//        tools/bench fanout [options]   (the delivery pipeline's fan-out: see FanOut/FanOutBenchmark.cs)
//        tools/bench digest [options]   (the weekly digest over a year of history: see Digests/DigestBenchmark.cs)
switch (args.FirstOrDefault())
{
    case "fanout":
        return await FanOutBenchmark.RunAsync(args[1..]);
    case "digest":
        return await DigestBenchmark.RunAsync(args[1..]);
}

var seconds = BenchmarkOptions.Count(args, "--seconds", 10);
var rounds = BenchmarkOptions.Count(args, "--rounds", 3);
var concurrency = BenchmarkOptions.Count(args, "--concurrency", 16);
var respondents = BenchmarkOptions.Count(args, "--respondents", 500);
const string Tenant = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
const string ProjectManager = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

await using var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
await using var connector = ConnectorStub.Build();
var connectorUrl = await Loopback.StartAsync(connector);

await using var echo = EchoBot.Build();
var echoUrl = await Loopback.StartAsync(echo);

await using var bot = HealthItPmHost.Build(Loopback.Builder(new Dictionary<string, string?>
{
    ["Storage:ConnectionString"] = azurite.ConnectionString,
    ["Tenants:AllowedTenantIds:0"] = Tenant,
    ["Access:ProjectManagerIds:0"] = ProjectManager,
    ["Scheduler:Enabled"] = "false",
    // The load generator is one address and the status scenario one person at ~100 turns/s: far over
    // the production limits, which are measured by tools/bench-memory instead.
    ["Messages:PerAddress:Burst"] = "1000000",
    ["Messages:PerAddress:PerSecond"] = "1000000",
    ["Messages:PerCaller:Burst"] = "1000000",
    ["Messages:PerCaller:PerSecond"] = "1000000",
}));
var botUrl = await Loopback.StartAsync(bot);

// A project with its respondents and an open check-in round, as a weekly check-in would leave it.
var tenant = new TenantId(Tenant);
var pm = new PersonId(ProjectManager);
var people = Enumerable.Range(0, respondents).Select(i => new Guid(i, 0x4e11, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 1).ToString()).ToArray();
var projects = bot.Services.GetRequiredService<ProjectService>();
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var code = new ProjectCode("BENCH");
Expect(await projects.CreateAsync(
    tenant,
    new ProjectMember(pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")),
    new NewProject(
        "BENCH",
        Guarded.From("Telemedicine rollout"),
        ProjectKind.Telemedicine,
        today,
        today.AddDays(60),
        today.AddDays(120),
        "America/Chicago"),
    default));
foreach (var batch in people.Chunk(50))
{
    Expect(await projects.ChangeAsync(tenant, pm, code, HealthItPm.Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
    {
        foreach (var person in batch)
        {
            p.AddMember(new ProjectMember(
                new PersonId(person), "Nurse " + person[..8], ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
        }
    }, default));
}

var round = Expect(await bot.Services.GetRequiredService<CheckInService>()
    .StartNowAsync(tenant, pm, code, RoundSettings.Default, default)).Id;
var echoActivities = new Activities(Tenant, connectorUrl);
var botActivities = new Activities(Tenant, connectorUrl);
string Respondent(int turn) => people[turn % people.Length];
var answer = new JObject
{
    ["project"] = code.Value,
    ["round"] = round,
    ["status"] = "SomeConcerns",
    ["impact"] = "3",
    ["blockers"] = "Video visits drop on the older iPads in clinic B",
    ["training"] = "true",
};

// The floor under a submission: the one table write it needs, done directly with the bot's own client.
var storage = bot.Services.GetRequiredService<StorageTables>();
var baseline = await storage.GetAsync("BenchAnswers", default);
async Task<bool> UpsertAnswerAsync(int n)
{
    var row = new TableEntity($"{Tenant}|{code.Value}", $"answer|{round}|{Respondent(n)}")
    {
        ["Status"] = "SomeConcerns",
        ["Impact"] = 3,
        ["Blockers"] = "Video visits drop on the older iPads in clinic B",
        ["TrainingNeeded"] = true,
        ["At"] = DateTimeOffset.UtcNow,
    };
    var response = await baseline.UpsertEntityAsync(row, TableUpdateMode.Replace);
    return !response.IsError;
}

var load = new ClosedLoop(concurrency, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(seconds));
var scenarios = new (string Name, Func<string, Task<LoadResult>> Run)[]
{
    ("Azure Tables: upsert of an answer row", name => load.RunAsync(name, UpsertAnswerAsync)),
    ("Echo bot: card action",
        name => load.RunAsync(name, echoUrl, n => echoActivities.CardAction(Respondent(n), "echo", new JObject()), "Echo")),
    ("HealthItPm: check-in submission",
        name => load.RunAsync(
            name, botUrl, n => botActivities.CardAction(Respondent(n), CardVerbs.SubmitCheckIn, answer), "check-in is in")),
    ("Echo bot: message", name => load.RunAsync(name, echoUrl, n => echoActivities.Message(Respondent(n), "hello"), null)),
    ("HealthItPm: status command", name => load.RunAsync(name, botUrl, _ => botActivities.Message(ProjectManager, "status BENCH"), null)),
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
var report = Report(results, ranges, seconds, rounds, concurrency, respondents);
Console.WriteLine(report);
var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
Directory.CreateDirectory(folder);
await File.WriteAllTextAsync(Path.Combine(folder, "turns.md"), report);
await bot.StopAsync();
await echo.StopAsync();
await connector.StopAsync();
return runs.SelectMany(r => r).Any(r => r.Turns == 0 || r.Failures > 0) ? 1 : 0;

static string Report(
    IReadOnlyList<LoadResult> results,
    IReadOnlyList<(double Min, double Max)> ranges,
    int seconds,
    int rounds,
    int concurrency,
    int respondents)
{
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

    text.AppendLine();
    text.AppendLine(
        CultureInfo.InvariantCulture,
        $"Check-in submission sustains {results[2].TurnsPerSecond / results[0].TurnsPerSecond:P0} of raw Azure Tables upserts "
        + $"of an answer row at the same concurrency (target 85 %, p99 under 50 ms) and "
        + $"{results[2].TurnsPerSecond / results[1].TurnsPerSecond:P0} of the echo bot's card-action throughput; "
        + $"the status command {results[4].TurnsPerSecond / results[3].TurnsPerSecond:P0} of its message throughput.");
    return text.ToString();
}

static T Expect<T>(Outcome<T> outcome) =>
    outcome is Outcome<T>.Done done ? done.Value : throw new InvalidOperationException($"Seeding the benchmark failed: {outcome}");
