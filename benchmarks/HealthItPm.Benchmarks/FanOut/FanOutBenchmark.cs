using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HealthItPm.Benchmarks.Hosts;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Messaging.Delivery;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Storage.Delivery;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;

namespace HealthItPm.Benchmarks.FanOut;

/// <summary>What one fan-out run measured.</summary>
public sealed record FanOutResult(
    double Rate,
    int People,
    int Rounds,
    TimeSpan Completion,
    TimeSpan Ideal,
    double SteadyPerSecond,
    int Duplicates,
    int DuplicatesAtKill,
    int Lost,
    int Sent,
    int NotSent,
    int ConnectorThrottles,
    int TenantRefusals,
    int RandomThrottles,
    int ConversationRefusals,
    TimeSpan? KilledAt,
    TimeSpan? RestartedAt,
    IReadOnlyList<(string Host, long PeakRssKb, double CpuSeconds)> Hosts)
{
    public double Ratio => Completion / Ideal;
}

/// <summary>
/// The delivery pipeline under a check-in round to thousands of people: two bot hosts as separate
/// processes consume the one queue, against a local connector that enforces Teams' limits
/// (<see cref="ThrottlingConnector"/>); one host is killed (SIGKILL) part-way and started again.
/// Measures the time until the last person has their card against the ideal (people ÷ the tenant's
/// rate), and from the connector's own log who got no card or more than one.
/// Usage: tools/bench fanout [--people 5000] [--rates 30,300] [--projects 2] [--kill-at 0.4 | --no-kill] [--lease 60] [--azurite-in-memory]
/// </summary>
public static class FanOutBenchmark
{
    private const string Tenant = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
    private const string ProjectManager = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string ConversationPrefix = "a:fan-";
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var people = BenchmarkOptions.Count(args, "--people", 5000);
        var projects = BenchmarkOptions.Count(args, "--projects", 2);
        // The bot's own default: a shorter lease than the storage clients' three 10 s tries let a stalled emulator
        // outlast a claim, and the card was sent again by the other host.
        var lease = BenchmarkOptions.Count(args, "--lease", new DeliveryOptions().LeaseSeconds);
        var killAt = args.Contains("--no-kill") ? 0 : OptionDouble(args, "--kill-at", 0.4);
        var rates = OptionList(args, "--rates", [30, 300]);
        // On disk by default: in memory, the emulator's queue service sweeps its message store every minute
        // and answers nothing for up to 3 s while it does (Azure Queue storage has no such pause).
        var inMemory = args.Contains("--azurite-in-memory");

        var results = new List<FanOutResult>();
        foreach (var rate in rates)
        {
            var result = await RunOnceAsync(people, projects, rate, killAt, lease, inMemory);
            results.Add(result);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: {result.Completion.TotalSeconds:0.0} s = {result.Ratio:0.000} × ideal, {result.Duplicates} duplicates, {result.Lost} lost"));
        }

        var report = Report(results, people, projects, killAt, lease, inMemory);
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "fanout.md"), report);
        return results.Any(r => r.Lost > 0) ? 1 : 0;
    }

    private static async Task<FanOutResult> RunOnceAsync(int peopleCount, int projectCount, double rate, double killAt, int lease, bool inMemory)
    {
        await using var azurite = AzuriteFixture.InMemory(inMemory);
        await azurite.InitializeAsync();
        var (connectorApp, connector) = ThrottlingConnector.Build(new ConnectorLimits(rate, 7, Latency, 0.05));
        await using var connectorHost = connectorApp;
        var serviceUrl = await Loopback.StartAsync(connectorApp);

        // An in-process host that only seeds and opens the rounds: it delivers nothing itself.
        await using var seeder = HealthItPmHost.Build(Loopback.Builder(Settings(azurite.ConnectionString, rate, lease, deliver: false).ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value)));
        await Loopback.StartAsync(seeder);
        var tenant = new TenantId(Tenant);
        var pm = new PersonId(ProjectManager);
        var people = Enumerable.Range(0, peopleCount).Select(i => new PersonId(new Guid(i, 0x4e11, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 2).ToString())).ToArray();
        var codes = await SeedAsync(seeder.Services, tenant, pm, people, projectCount, serviceUrl);

        var environment = Settings(azurite.ConnectionString, rate, lease, deliver: true);
        var hosts = new List<BotProcess>();
        try
        {
            hosts.Add(await BotProcess.StartAsync("host A", environment));
            hosts.Add(await BotProcess.StartAsync("host B", environment));

            // Let both heartbeat so that each starts with its half of the tenant's rate.
            await Task.Delay(TimeSpan.FromSeconds(3));
            // The nurses: the PM, on every project, is not asked.
            var settings = RoundSettings.Default with { Audience = new Audience(new HashSet<StakeholderRole> { StakeholderRole.Nurse }, new HashSet<string>(StringComparer.OrdinalIgnoreCase)) };
            var checkIns = seeder.Services.GetRequiredService<CheckInService>();
            var rounds = new List<(ProjectCode Code, Round Round)>();
            foreach (var code in codes)
            {
                rounds.Add((code, Expect(await checkIns.StartNowAsync(tenant, pm, code, settings, default))));
            }

            var audience = rounds.SelectMany(r => r.Round.Audience.Select(a => ConversationPrefix + a.Person.Value)).ToHashSet(StringComparer.Ordinal);
            var ideal = SendBudget.Ideal(audience.Count, rate);
            var started = connector.Now;
            var queue = seeder.Services.GetRequiredService<RoundSteps>();
            foreach (var (code, round) in rounds)
            {
                await queue.QueueCardsAsync(tenant, code, CheckInRounds.Kind, round.Id, default);
            }

            TimeSpan? killedAt = null;
            TimeSpan? restartedAt = null;
            var nextProgress = started + TimeSpan.FromSeconds(15);
            var deadline = started + (ideal * 3) + TimeSpan.FromSeconds(60);
            // When the first people were on the queue, for the start's share of the time.
            TimeSpan? firstQueued = null;
            var workQueues = seeder.Services.GetRequiredService<DeliveryQueues>();
            while (connector.ConversationsReached < audience.Count && connector.Now < deadline)
            {
                if (firstQueued is null && (connector.ConversationsReached > 0 || await workQueues.CountAsync(DeliveryQueues.WorkQueue, default) > rounds.Count))
                {
                    firstQueued = connector.Now - started;
                }

                if (killAt > 0 && killedAt is null && connector.ConversationsReached >= killAt * audience.Count)
                {
                    await hosts[1].KillAsync();
                    killedAt = connector.Now - started;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: host B (pid {hosts[1].Id}) killed at {killedAt.Value.TotalSeconds:0.0} s with {connector.ConversationsReached} people reached; starting it again"));
                    hosts.Add(await BotProcess.StartAsync("host B, restarted", environment));
                    restartedAt = connector.Now - started;
                }

                if (connector.Now > nextProgress)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: {(connector.Now - started).TotalSeconds:0} s: {connector.ConversationsReached} of {audience.Count} people reached, {connector.Throttled} 429s"));
                    nextProgress += TimeSpan.FromSeconds(15);
                }

                await Task.Delay(100);
            }

            // Whatever a dead host held reappears after its lease: wait until nothing is left to send.
            var ledger = seeder.Services.GetRequiredService<DeliveryTable>();
            var queues = seeder.Services.GetRequiredService<DeliveryQueues>();
            var records = new List<DeliveryRecord>();
            var settleBy = connector.Now + TimeSpan.FromSeconds(lease * 3);
            do
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                records.Clear();
                foreach (var (code, round) in rounds)
                {
                    records.AddRange(await ledger.ListAsync(tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, code, round.Id), default));
                }
            }
            while ((records.Count < audience.Count || records.Any(r => !r.IsSettled) || await queues.CountAsync(DeliveryQueues.WorkQueue, default) > 0) && connector.Now < settleBy);

            await Task.Delay(TimeSpan.FromSeconds(2));
            var delivered = connector.Delivered;
            var unanswered = connector.Unanswered;
            var firsts = audience.Where(delivered.ContainsKey).Select(c => delivered[c][0] - started).Order().ToArray();
            var duplicates = audience.Where(c => delivered.TryGetValue(c, out var cards) && cards.Count > 1).ToList();
            var lost = audience.Count(c => !delivered.ContainsKey(c));
            var completion = lost == 0 ? firsts[^1] : connector.Now - started;
            var steady = firsts.Length < 10 ? double.NaN : 0.8 * firsts.Length / (firsts[(int)(firsts.Length * 0.9)] - firsts[(int)(firsts.Length * 0.1)]).TotalSeconds;
            if (firsts.Length > 0)
            {
                // Where the time went: people reached in each 10 s of the round.
                var tens = firsts.GroupBy(f => (int)(f.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
                var timeline = string.Join(' ', Enumerable.Range(0, (int)(firsts[^1].TotalSeconds / 10) + 1).Select(i => tens.GetValueOrDefault(i)));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: first people on the queue at {firstQueued?.TotalSeconds:0.0} s, first send at {(connector.FirstSend - started).TotalSeconds:0.0} s, first card at {firsts[0].TotalSeconds:0.0} s; people reached per 10 s: {timeline}"));
                // Per second, for a closer look at where the time went (artifacts/benchmarks/fanout-{rate}-seconds.csv).
                var seconds = firsts.GroupBy(f => (int)f.TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
                var refusedSeconds = connector.TenantRefusedAt.Select(t => t - started).GroupBy(f => (int)f.TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
                Directory.CreateDirectory(Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks"));
                await File.WriteAllLinesAsync(
                    Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks", string.Create(CultureInfo.InvariantCulture, $"fanout-{rate}-seconds.csv")),
                    Enumerable.Range(0, (int)firsts[^1].TotalSeconds + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{seconds.GetValueOrDefault(i)},{refusedSeconds.GetValueOrDefault(i)}")).Prepend("second,people reached,sends over the rate refused"));
                var refused = connector.TenantRefusedAt.Select(t => t - started).GroupBy(f => (int)(f.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: sends over the rate refused per 10 s: {string.Join(' ', Enumerable.Range(0, (int)(firsts[^1].TotalSeconds / 10) + 1).Select(i => refused.GetValueOrDefault(i)))}"));
            }


            foreach (var c in duplicates)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: duplicate: cards at {string.Join(", ", delivered[c].Select(t => $"{(t - started).TotalSeconds:0.0} s"))}{(unanswered.ContainsKey(c) ? ", the first answered after the kill" : "")}"));
            }

            var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
            Directory.CreateDirectory(folder);
            foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
            {
                await File.WriteAllTextAsync(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fanout-{rate}-host{i}.log")), host.Output);
            }

            return new FanOutResult(
                rate,
                audience.Count,
                rounds.Count,
                completion,
                ideal,
                steady,
                duplicates.Count,
                duplicates.Count(c => unanswered.ContainsKey(c) || (killedAt is { } kill && Math.Abs((delivered[c][0] - started - kill).TotalSeconds) < 2)),
                lost,
                records.Count(r => r.State == DeliveryState.Sent),
                records.Count(r => r.State != DeliveryState.Sent),
                connector.Throttled,
                connector.TenantRefusals,
                connector.RandomThrottles,
                connector.ConversationRefusals,
                killedAt,
                restartedAt,
                [.. hosts.Select(h => (h.Name, h.PeakRssKb, h.CpuSeconds))]);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>The bot's settings, as environment variables for a host process (<c>__</c> for <c>:</c>).</summary>
    private static Dictionary<string, string?> Settings(string connectionString, double rate, int lease, bool deliver) => new()
    {
        ["Storage__ConnectionString"] = connectionString,
        ["Tenants__AllowedTenantIds__0"] = Tenant,
        ["Access__ProjectManagerIds__0"] = ProjectManager,
        ["Scheduler__Enabled"] = "false",
        ["Delivery__Enabled"] = deliver ? "true" : "false",
        ["Delivery__TenantSendsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
        ["Delivery__LeaseSeconds"] = lease.ToString(CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    /// <summary>
    /// Projects with the people split between them, and a 1:1 chat with the bot for everyone (as if
    /// each had installed the app), pointing at the connector. Saved side by side: seeding is not measured.
    /// </summary>
    private static async Task<IReadOnlyList<ProjectCode>> SeedAsync(IServiceProvider services, TenantId tenant, PersonId pm, PersonId[] people, int projectCount, Uri serviceUrl)
    {
        var projects = services.GetRequiredService<ProjectService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var codes = new List<ProjectCode>();
        var share = (people.Length + projectCount - 1) / projectCount;
        foreach (var (slice, index) in people.Chunk(share).Select((s, i) => (s, i)))
        {
            var code = new ProjectCode(string.Create(CultureInfo.InvariantCulture, $"GOLIVE{index + 1}"));
            Expect(await projects.CreateAsync(tenant, new ProjectMember(pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), new NewProject(code.Value, Guarded.From("Epic go-live, wave " + (index + 1).ToString(CultureInfo.InvariantCulture)), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "America/Chicago"), default));
            foreach (var batch in slice.Chunk(500))
            {
                Expect(await projects.ChangeAsync(tenant, pm, code, HealthItPm.Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
                {
                    foreach (var person in batch)
                    {
                        p.AddMember(new ProjectMember(person, "Nurse " + person.Value[..8], ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
                    }
                }, default));
            }

            codes.Add(code);
        }

        var references = services.GetRequiredService<ConversationReferenceTable>();
        await Parallel.ForEachAsync(people.Append(pm), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (person, token) =>
        {
            var conversation = ConversationPrefix + person.Value;
            var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = serviceUrl.ToString(), Conversation = new ConversationAccount(id: conversation, tenantId: tenant.Value), Bot = new ChannelAccount("28:healthitpm") };
            await references.SaveAsync(tenant, ConversationReferenceTable.PersonKey(person), new StoredConversation(reference, true, default, "29:" + conversation, null, null), token);
        });
        return codes;
    }

    private static string Report(IReadOnlyList<FanOutResult> results, int people, int projects, double killAt, int lease, bool inMemory)
    {
        var text = new StringBuilder();
        var machine = string.Create(CultureInfo.InvariantCulture, $"Fan-out, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {people} people in {projects} check-in rounds opened together; two bot hosts (separate processes) on one Azurite{(inMemory ? " (in memory)" : " (saving to disk)")}; ");
        var kill = killAt > 0 ? string.Create(CultureInfo.InvariantCulture, $"host B killed (SIGKILL) when {killAt:P0} of the people had their card and started again at once; ") : "no host killed; ";
        var setup = string.Create(CultureInfo.InvariantCulture, $"lease {lease} s, heartbeat {new DeliveryOptions().HeartbeatSeconds} s; connector: {Latency.TotalMilliseconds:0} ms per answer, the tenant's rate in any second and 7 per conversation (else 429, Retry-After 1), 5 % of sends 429 + Retry-After 1 anyway.");
        text.AppendLine(machine + kill + setup);
        text.AppendLine();
        text.AppendLine("| tenant rate | people | completion | ideal | completion ÷ ideal | steady sends/s | duplicates | lost | records sent / other | 429s (over rate / random / per chat) | peak RSS per host |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            var duplicates = r.Duplicates == 0 ? "0" : $"{r.Duplicates} ({r.DuplicatesAtKill} in the kill window)";
            var hosts = string.Join("; ", r.Hosts.Select(h => $"{h.Host} {h.PeakRssKb / 1024.0:0} MB ({h.CpuSeconds:0} s CPU)"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Rate:0}/s | {r.People} | {r.Completion.TotalSeconds:0.0} s | {r.Ideal.TotalSeconds:0.0} s | **{r.Ratio:0.000}** | {r.SteadyPerSecond:0.0} | {duplicates} | {r.Lost} | {r.Sent} / {r.NotSent} | {r.ConnectorThrottles} ({r.TenantRefusals} / {r.RandomThrottles} / {r.ConversationRefusals}) | {hosts} |");
        }

        text.AppendLine();
        foreach (var r in results.Where(r => r.KilledAt is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"At {r.Rate:0}/s host B was killed {r.KilledAt!.Value.TotalSeconds:0.0} s into the round and answered its health check again at {r.RestartedAt!.Value.TotalSeconds:0.0} s.");
        }

        text.AppendLine("Steady sends/s: the people reached between the 10th and the 90th percentile of the round, per second. A duplicate \"in the kill window\" is a person whose first card the connector accepted within 2 s of the kill (or answered after it): the known window between Teams taking a card and the record saying so, which the killed host never wrote.");
        return text.ToString();
    }

    private static Round Expect(Outcome<Round> outcome) => outcome is Outcome<Round>.Done done ? done.Value : throw new InvalidOperationException($"Opening the round failed: {outcome}");

    private static void Expect<T>(Outcome<T> outcome)
    {
        if (outcome is not Outcome<T>.Done)
        {
            throw new InvalidOperationException($"Seeding the benchmark failed: {outcome}");
        }
    }

    private static double OptionDouble(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && double.TryParse(args[at + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and < 1 ? value : fallback;
    }

    private static int[] OptionList(string[] args, string name, int[] fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length
            ? [.. args[at + 1].Split(',').Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))]
            : fallback;
    }
}
