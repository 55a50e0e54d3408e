using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HealthItPm.Benchmarks.Hosts;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
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
    int Hosts,
    int Tenants,
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
    IReadOnlyList<(string Host, long PeakRssKb, double CpuSeconds)> Processes,
    double EmulatorCpuSeconds)
{
    public double Ratio => Completion / Ideal;
}

/// <summary>
/// The delivery pipeline under check-in rounds to thousands of people: bot hosts as separate processes
/// (two by default) consume the fan-outs' queue and each tenant's, against a local connector that enforces Teams' limits per
/// tenant and per chat (<see cref="ThrottlingConnector"/>); the second host is killed (SIGKILL) part-way
/// and started again. With several tenants, each has its own people and rounds, all opened together.
/// Measures the time until the last person has their card against the ideal (a tenant's people ÷ its
/// rate: the tenants send side by side), and from the connector's own log who got no card or more than one.
/// Usage: tools/bench fanout [--people 5000] [--rates 30,300] [--projects 2] [--hosts 2] [--tenants 1]
/// [--kill-at 0.4 | --no-kill] [--lease 60] [--azurite-in-memory]
/// </summary>
public static class FanOutBenchmark
{
    private const string FirstTenant = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
    private const string ProjectManager = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string ConversationPrefix = "a:fan-";
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var people = BenchmarkOptions.Count(args, "--people", 5000);
        var projects = BenchmarkOptions.Count(args, "--projects", 2);
        var hostCount = BenchmarkOptions.Count(args, "--hosts", 2);
        var tenantCount = BenchmarkOptions.Count(args, "--tenants", 1);
        // The bot's own default: with a lease shorter than the storage clients' three 10 s tries, a stalled
        // emulator can outlast a claim, and another host send the card again.
        var lease = BenchmarkOptions.Count(args, "--lease", new DeliveryOptions().LeaseSeconds);
        var killAt = args.Contains("--no-kill") ? 0 : OptionDouble(args, "--kill-at", 0.4);
        var rates = OptionList(args, "--rates", [30, 300]);
        // On disk by default: in memory, the emulator's queue service sweeps its message store every minute
        // and answers nothing for up to 3 s while it does (Azure Queue storage has no such pause).
        var inMemory = args.Contains("--azurite-in-memory");

        var results = new List<FanOutResult>();
        foreach (var rate in rates)
        {
            var result = await RunOnceAsync(new Shape(people, projects, hostCount, tenantCount), rate, killAt, lease, inMemory);
            results.Add(result);
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{rate}/s: {result.Completion.TotalSeconds:0.0} s = {result.Ratio:0.000} × ideal, "
                + $"{result.Duplicates} duplicates, {result.Lost} lost"));
        }

        var report = Report(results, people, projects, killAt, lease, inMemory);
        Console.WriteLine(report);
        var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "fanout.md"), report);
        return results.Any(r => r.Lost > 0) ? 1 : 0;
    }

    /// <summary>People per tenant, projects per tenant, bot host processes, tenants.</summary>
    private sealed record Shape(int People, int Projects, int Hosts, int Tenants);

    private static async Task<FanOutResult> RunOnceAsync(Shape shape, double rate, double killAt, int lease, bool inMemory)
    {
        await using var azurite = AzuriteFixture.InMemory(inMemory);
        await azurite.InitializeAsync();
        var (connectorApp, connector) = ThrottlingConnector.Build(new ConnectorLimits(rate, 7, Latency, 0.05, TenantOf));
        await using var connectorHost = connectorApp;
        var serviceUrl = await Loopback.StartAsync(connectorApp);
        var tenants = Enumerable.Range(0, shape.Tenants).Select(TenantId).ToArray();

        // An in-process host that only seeds and opens the rounds: it delivers nothing itself.
        var seederSettings = Settings(azurite.ConnectionString, tenants, rate, lease, deliver: false)
            .ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => p.Value);
        await using var seeder = HealthItPmHost.Build(Loopback.Builder(seederSettings));
        await Loopback.StartAsync(seeder);
        var pm = new PersonId(ProjectManager);
        var seeded = new List<(TenantId Tenant, ProjectCode Code)>();
        foreach (var (tenant, t) in tenants.Select((x, i) => (x, i)))
        {
            var people = Enumerable.Range(0, shape.People)
                .Select(i => new PersonId(new Guid(i, 0x4e11, (short)(0x4000 + t), 0x80, 0, 0, 0, 0, 0, 0, 2).ToString()))
                .ToArray();
            var codes = await SeedAsync(seeder.Services, tenant, pm, people, shape.Projects, serviceUrl, Conversation(t, ""));
            seeded.AddRange(codes.Select(c => (tenant, c)));
        }

        var environment = Settings(azurite.ConnectionString, tenants, rate, lease, deliver: true);
        var hosts = new List<BotProcess>();
        try
        {
            foreach (var name in Enumerable.Range(0, shape.Hosts).Select(i => "host " + (char)('A' + i)))
            {
                hosts.Add(await BotProcess.StartAsync(name, environment));
            }

            // Let every host heartbeat so that each starts with its share of the tenant's rate.
            await Task.Delay(TimeSpan.FromSeconds(3));
            // The nurses: the PM, on every project, is not asked.
            var nurses = new Audience(
                new HashSet<StakeholderRole> { StakeholderRole.Nurse }, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            var settings = RoundSettings.Default with { Audience = nurses };
            var checkIns = seeder.Services.GetRequiredService<CheckInService>();
            var rounds = new List<(TenantId Tenant, ProjectCode Code, Round Round)>();
            foreach (var (tenant, code) in seeded)
            {
                rounds.Add((tenant, code, Expect(await checkIns.StartNowAsync(tenant, pm, code, settings, default))));
            }

            var audience = rounds
                .SelectMany(r => r.Round.Audience.Select(a => Conversation(Array.IndexOf(tenants, r.Tenant), a.Person.Value)))
                .ToHashSet(StringComparer.Ordinal);
            var ideal = TimeSpan.FromSeconds(audience.GroupBy(TenantOf).Max(g => g.Count()) / rate);
            var started = connector.Now;
            var emulatorCpu = azurite.CpuSeconds;
            var queue = seeder.Services.GetRequiredService<RoundSteps>();
            foreach (var (tenant, code, round) in rounds)
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
                if (firstQueued is null
                    && (connector.ConversationsReached > 0
                        || await workQueues.WaitingAsync(default) > rounds.Count))
                {
                    firstQueued = connector.Now - started;
                }

                if (killAt > 0 && killedAt is null && hosts.Count > 1 && connector.ConversationsReached >= killAt * audience.Count)
                {
                    await hosts[1].KillAsync();
                    killedAt = connector.Now - started;
                    Console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{rate}/s: host B (pid {hosts[1].Id}) killed at {killedAt.Value.TotalSeconds:0.0} s "
                        + $"with {connector.ConversationsReached} people reached; starting it again"));
                    hosts.Add(await BotProcess.StartAsync("host B, restarted", environment));
                    restartedAt = connector.Now - started;
                }

                if (connector.Now > nextProgress)
                {
                    Console.Error.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{rate}/s: {(connector.Now - started).TotalSeconds:0} s: {connector.ConversationsReached} of {audience.Count} "
                        + $"people reached, {connector.Throttled} 429s"));
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
                foreach (var (tenant, code, round) in rounds)
                {
                    var topic = DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, code, round.Id);
                    records.AddRange(await ledger.ListAsync(tenant, topic, default));
                }
            }
            while ((records.Count < audience.Count
                    || records.Any(r => !r.IsSettled)
                    || await queues.WaitingAsync(default) > 0)
                && connector.Now < settleBy);

            await Task.Delay(TimeSpan.FromSeconds(2));
            var delivered = connector.Delivered;
            var unanswered = connector.Unanswered;
            var firsts = audience.Where(delivered.ContainsKey).Select(c => delivered[c][0] - started).Order().ToArray();
            var duplicates = audience.Where(c => delivered.TryGetValue(c, out var cards) && cards.Count > 1).ToList();
            var lost = audience.Count(c => !delivered.ContainsKey(c));
            var completion = lost == 0 ? firsts[^1] : connector.Now - started;
            var steady = firsts.Length < 10
                ? double.NaN
                : 0.8 * firsts.Length / (firsts[(int)(firsts.Length * 0.9)] - firsts[(int)(firsts.Length * 0.1)]).TotalSeconds;
            if (firsts.Length > 0)
            {
                // Where the time went: people reached in each 10 s of the round.
                var tens = firsts.GroupBy(f => (int)(f.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
                var tensOfRound = Enumerable.Range(0, (int)(firsts[^1].TotalSeconds / 10) + 1).ToArray();
                var timeline = string.Join(' ', tensOfRound.Select(i => tens.GetValueOrDefault(i)));
                Console.Error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{rate}/s: first people on the queue at {firstQueued?.TotalSeconds:0.0} s, "
                    + $"first send at {(connector.FirstSend - started).TotalSeconds:0.0} s, first card at {firsts[0].TotalSeconds:0.0} s; "
                    + $"people reached per 10 s: {timeline}"));
                PrintTenants(rate, audience, delivered, started, firsts[^1]);
                // Per second, for a closer look at where the time went (artifacts/benchmarks/fanout-{rate}-seconds.csv).
                var seconds = firsts.GroupBy(f => (int)f.TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
                var refusedAt = connector.TenantRefusedAt.Select(t => t - started).ToArray();
                var refusedSeconds = refusedAt.GroupBy(f => (int)f.TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
                Directory.CreateDirectory(Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks"));
                await File.WriteAllLinesAsync(
                    Path.Combine(
                        RepositoryLayout.Root,
                        "artifacts",
                        "benchmarks",
                        string.Create(CultureInfo.InvariantCulture, $"fanout-{rate}-seconds.csv")),
                    Enumerable.Range(0, (int)firsts[^1].TotalSeconds + 1)
                        .Select(i => string.Create(
                            CultureInfo.InvariantCulture, $"{i},{seconds.GetValueOrDefault(i)},{refusedSeconds.GetValueOrDefault(i)}"))
                        .Prepend("second,people reached,sends over the rate refused"));
                var refused = refusedAt.GroupBy(f => (int)(f.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
                var refusedTimeline = string.Join(' ', tensOfRound.Select(i => refused.GetValueOrDefault(i)));
                Console.Error.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"{rate}/s: sends over the rate refused per 10 s: {refusedTimeline}"));
            }


            foreach (var c in duplicates)
            {
                var cards = string.Join(
                    ", ", delivered[c].Select(t => string.Create(CultureInfo.InvariantCulture, $"{(t - started).TotalSeconds:0.0} s")));
                var answered = unanswered.ContainsKey(c) ? ", the first answered after the kill" : "";
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rate}/s: duplicate: cards at {cards}{answered}"));
            }

            var folder = Path.Combine(RepositoryLayout.Root, "artifacts", "benchmarks");
            Directory.CreateDirectory(folder);
            foreach (var (host, i) in hosts.Select((h, i) => (h, i)))
            {
                await File.WriteAllTextAsync(
                    Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"fanout-{rate}-host{i}.log")), host.Output);
            }

            return new FanOutResult(
                rate,
                shape.Hosts,
                shape.Tenants,
                audience.Count,
                rounds.Count,
                completion,
                ideal,
                steady,
                duplicates.Count,
                duplicates.Count(c => unanswered.ContainsKey(c)
                    || (killedAt is { } kill && Math.Abs((delivered[c][0] - started - kill).TotalSeconds) < 2)),
                lost,
                records.Count(r => r.State == DeliveryState.Sent),
                records.Count(r => r.State != DeliveryState.Sent),
                connector.Throttled,
                connector.TenantRefusals,
                connector.RandomThrottles,
                connector.ConversationRefusals,
                killedAt,
                restartedAt,
                [.. hosts.Select(h => (h.Name, h.PeakRssKb, h.CpuSeconds))],
                azurite.CpuSeconds - emulatorCpu);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>Tenants are limited apart: each one's own timeline shows whether they were served side by side.</summary>
    private static void PrintTenants(
        double rate,
        HashSet<string> audience,
        IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>> delivered,
        TimeSpan started,
        TimeSpan last)
    {
        foreach (var tenant in audience.Where(delivered.ContainsKey).GroupBy(TenantOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var reached = tenant.Select(c => delivered[c][0] - started).Order().ToArray();
            var perTen = reached.GroupBy(f => (int)(f.TotalSeconds / 10)).ToDictionary(g => g.Key, g => g.Count());
            var own = string.Join(' ', Enumerable.Range(0, (int)(last.TotalSeconds / 10) + 1).Select(i => perTen.GetValueOrDefault(i)));
            var span = string.Create(
                CultureInfo.InvariantCulture, $"first card at {reached[0].TotalSeconds:0.0} s, last at {reached[^1].TotalSeconds:0.0} s");
            var who = string.Create(CultureInfo.InvariantCulture, $"{rate}/s: tenant {tenant.Key}: {reached.Length} people");
            Console.Error.WriteLine($"{who}, {span}; per 10 s: {own}");
        }
    }

    /// <summary>The first tenant's id, then made-up ones.</summary>
    private static TenantId TenantId(int index) =>
        new(index == 0 ? FirstTenant : new Guid(index, 0x1b2e, 0x4c5d, 0x9e, 0x7f, 0, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f).ToString());

    /// <summary>A person's 1:1 chat with the bot: the tenant's number is in its id, for the connector to count it in.</summary>
    private static string Conversation(int tenant, string person) =>
        string.Create(CultureInfo.InvariantCulture, $"{ConversationPrefix}{tenant}-{person}");

    private static string TenantOf(string conversation) => conversation.StartsWith(ConversationPrefix, StringComparison.Ordinal)
        ? conversation[ConversationPrefix.Length..].Split('-')[0]
        : string.Empty;

    /// <summary>The bot's settings, as environment variables for a host process (<c>__</c> for <c>:</c>).</summary>
    private static Dictionary<string, string?> Settings(string connectionString, TenantId[] tenants, double rate, int lease, bool deliver)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = connectionString,
            ["Access__ProjectManagerIds__0"] = ProjectManager,
            ["Scheduler__Enabled"] = "false",
            ["Delivery__Enabled"] = deliver ? "true" : "false",
            ["Delivery__TenantSendsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Delivery__LeaseSeconds"] = lease.ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (tenant, i) in tenants.Select((t, i) => (t, i)))
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"Tenants__AllowedTenantIds__{i}")] = tenant.Value;
        }

        return settings;
    }

    /// <summary>
    /// Projects with the people split between them, and a 1:1 chat with the bot for everyone (as if
    /// each had installed the app), pointing at the connector. Saved side by side: seeding is not measured.
    /// </summary>
    private static async Task<IReadOnlyList<ProjectCode>> SeedAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId pm,
        PersonId[] people,
        int projectCount,
        Uri serviceUrl,
        string conversationPrefix)
    {
        var projects = services.GetRequiredService<ProjectService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var codes = new List<ProjectCode>();
        var share = (people.Length + projectCount - 1) / projectCount;
        foreach (var (slice, index) in people.Chunk(share).Select((s, i) => (s, i)))
        {
            var code = new ProjectCode(string.Create(CultureInfo.InvariantCulture, $"GOLIVE{index + 1}"));
            var manager = new ProjectMember(pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT"));
            var name = Guarded.From("Epic go-live, wave " + (index + 1).ToString(CultureInfo.InvariantCulture));
            var project = new NewProject(
                code.Value, name, ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "America/Chicago");
            Expect(await projects.CreateAsync(tenant, manager, project, default));
            foreach (var batch in slice.Chunk(500))
            {
                Expect(await projects.ChangeAsync(tenant, pm, code, HealthItPm.Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
                {
                    foreach (var person in batch)
                    {
                        p.AddMember(new ProjectMember(
                            person, "Nurse " + person.Value[..8], ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
                    }
                }, default));
            }

            codes.Add(code);
        }

        var references = services.GetRequiredService<ConversationReferenceTable>();
        await Parallel.ForEachAsync(people.Append(pm), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (person, token) =>
        {
            var conversation = conversationPrefix + person.Value;
            var reference = new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl.ToString(),
                Conversation = new ConversationAccount(id: conversation, tenantId: tenant.Value),
                Bot = new ChannelAccount("28:healthitpm"),
            };
            var stored = new StoredConversation(reference, true, default, "29:" + conversation, null, null);
            await references.SaveAsync(tenant, ConversationReferenceTable.PersonKey(person), stored, token);
        });
        return codes;
    }

    private static string Report(List<FanOutResult> results, int people, int projects, double killAt, int lease, bool inMemory)
    {
        var text = new StringBuilder();
        var (hostCount, tenantCount) = (results[0].Hosts, results[0].Tenants);
        var who = tenantCount == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{people} people in {projects} check-in rounds opened together")
            : string.Create(CultureInfo.InvariantCulture, $"{tenantCount} tenants of {people} people, each in {projects} check-in rounds");
        var when = string.Create(CultureInfo.InvariantCulture, $"Fan-out, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        var where = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}")
            + string.Create(CultureInfo.InvariantCulture, $", .NET {Environment.Version}");
        var azurite = inMemory ? " (in memory)" : " (saving to disk)";
        var machine = string.Create(
            CultureInfo.InvariantCulture, $"{when}: {where}; {who}; {hostCount} bot hosts (separate processes) on one Azurite{azurite}; ");
        var kill = killAt > 0
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"host B killed (SIGKILL) when {killAt:P0} of the people had their card and started again at once; ")
            : "no host killed; ";
        var setup = string.Create(CultureInfo.InvariantCulture, $"lease {lease} s, heartbeat {new DeliveryOptions().HeartbeatSeconds} s; ")
            + string.Create(CultureInfo.InvariantCulture, $"connector: {Latency.TotalMilliseconds:0} ms per answer, ")
            + "a tenant's rate in any second and 7 per conversation (else 429, Retry-After 1), 5 % of sends 429 + Retry-After 1 anyway.";
        text.AppendLine(machine + kill + setup);
        text.AppendLine();
        text.AppendLine("| tenant rate | people | completion | ideal | completion ÷ ideal | steady sends/s | duplicates | lost "
            + "| records sent / other | 429s (over rate / random / per chat) | peak RSS per host | emulator CPU |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
        foreach (var r in results)
        {
            var duplicates = r.Duplicates == 0 ? "0" : $"{r.Duplicates} ({r.DuplicatesAtKill} in the kill window)";
            var hosts = string.Join("; ", r.Processes.Select(h => $"{h.Host} {h.PeakRssKb / 1024.0:0} MB ({h.CpuSeconds:0} s CPU)"));
            var throttles = $"{r.ConnectorThrottles} ({r.TenantRefusals} / {r.RandomThrottles} / {r.ConversationRefusals})";
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"| {r.Rate:0}/s | {r.People} | {r.Completion.TotalSeconds:0.0} s | {r.Ideal.TotalSeconds:0.0} s | **{r.Ratio:0.000}** "
                + $"| {r.SteadyPerSecond:0.0} | {duplicates} | {r.Lost} | {r.Sent} / {r.NotSent} | {throttles} | {hosts} "
                + $"| {r.EmulatorCpuSeconds:0} s ({r.EmulatorCpuSeconds / r.Completion.TotalSeconds:0 %} of a core) |");
        }

        text.AppendLine();
        foreach (var r in results.Where(r => r.KilledAt is not null))
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"At {r.Rate:0}/s host B was killed {r.KilledAt!.Value.TotalSeconds:0.0} s into the round "
                + $"and answered its health check again at {r.RestartedAt!.Value.TotalSeconds:0.0} s.");
        }

        text.AppendLine("Emulator CPU: the processor time Azurite (one Node.js process, one core at most) used from the first card "
            + "queued to the end of the run, and its share of one core over the completion.");
        text.AppendLine("Steady sends/s: the people reached between the 10th and the 90th percentile of the round, per second. "
            + "A duplicate \"in the kill window\" is a person whose first card the connector accepted within 2 s of the kill "
            + "(or answered after it): the known window between Teams taking a card and the record saying so, which the killed host "
            + "never wrote.");
        return text.ToString();
    }

    private static Round Expect(Outcome<Round> outcome) =>
        outcome is Outcome<Round>.Done done ? done.Value : throw new InvalidOperationException($"Opening the round failed: {outcome}");

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
        return at >= 0
            && at + 1 < args.Length
            && double.TryParse(args[at + 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and < 1
                ? value
                : fallback;
    }

    private static int[] OptionList(string[] args, string name, int[] fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length
            ? [.. args[at + 1].Split(',').Select(v => int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture))]
            : fallback;
    }
}
