using Azure.Data.Tables;
using HealthItPm.Benchmarks.Hosts;
using HealthItPm.Benchmarks.Load;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Benchmarks.Turns;

/// <summary>
/// What the turn benchmarks run against, all in this process on loopback: a private Azurite, a connector stub, the bare
/// echo bot and the bot's host (HealthItPmHost) with a project of <c>respondents</c> people and an open check-in round.
/// </summary>
public sealed class TurnRig : IAsyncDisposable
{
    public const string Tenant = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";
    public const string ProjectManager = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    private const string BaselineTable = "BenchAnswers";
    private const string Blockers = "Video visits drop on the older iPads in clinic B";

    private readonly AzuriteFixture _azurite;
    private readonly WebApplication _connector;
    private readonly WebApplication _echo;
    private readonly WebApplication _bot;
    private readonly string[] _people;
    private readonly Activities _echoActivities;
    private readonly Activities _botActivities;
    private readonly JObject _answer;
    private readonly string _projectCode;
    private readonly string _round;
    private readonly StorageTables _tables;
    private readonly TableClient _baseline;
    private readonly GroupCommit _grouped;

    private TurnRig(
        AzuriteFixture azurite,
        WebApplication connector,
        Uri connectorUrl,
        (WebApplication App, Uri Url) echo,
        (WebApplication App, Uri Url) bot,
        string[] people,
        string projectCode,
        string round,
        StorageTables tables,
        TableClient baseline,
        GroupCommit grouped)
    {
        _azurite = azurite;
        _connector = connector;
        _echo = echo.App;
        EchoUrl = echo.Url;
        _bot = bot.App;
        BotUrl = bot.Url;
        _people = people;
        _projectCode = projectCode;
        _round = round;
        _tables = tables;
        _baseline = baseline;
        _grouped = grouped;
        _echoActivities = new Activities(Tenant, connectorUrl);
        _botActivities = new Activities(Tenant, connectorUrl);
        _answer = new JObject
        {
            ["project"] = projectCode,
            ["round"] = round,
            ["status"] = "SomeConcerns",
            ["impact"] = "3",
            ["blockers"] = Blockers,
            ["training"] = "true",
        };
    }

    public Uri EchoUrl { get; }

    public Uri BotUrl { get; }

    /// <summary>Processor time the emulator has used so far, in seconds.</summary>
    public double EmulatorCpuSeconds => _azurite.CpuSeconds;

    /// <summary>The emulator's table service port, to count the requests sent to it.</summary>
    public int TablePort => _azurite.TablePort;

    /// <summary>The emulator's queue service port.</summary>
    public int QueuePort => _azurite.QueuePort;

    /// <param name="respondents">People on the benchmark's project, each answering the round.</param>
    /// <param name="inMemory">The emulator keeps its data in memory instead of saving its whole database to disk every few seconds.</param>
    public static async Task<TurnRig> StartAsync(int respondents, bool inMemory = false)
    {
        var azurite = AzuriteFixture.InMemory(inMemory);
        await azurite.InitializeAsync();
        var connector = ConnectorStub.Build();
        var connectorUrl = await Loopback.StartAsync(connector);
        var bot = HealthItPmHost.Build(Loopback.Builder(new Dictionary<string, string?>
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
        var people = Enumerable.Range(0, respondents)
            .Select(i => new Guid(i, 0x4e11, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 1).ToString())
            .ToArray();
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
            Expect(await projects.ChangeAsync(tenant, pm, code, ProjectAction.ManageStakeholders, (p, _) =>
            {
                foreach (var person in batch)
                {
                    p.AddMember(new ProjectMember(
                        new PersonId(person),
                        "Nurse " + person[..8],
                        ProjectRole.Stakeholder,
                        StakeholderRole.Nurse,
                        Guarded.From("4 West")));
                }
            }, default));
        }

        var round = Expect(await bot.Services.GetRequiredService<CheckInService>()
            .StartNowAsync(tenant, pm, code, RoundSettings.Default, default)).Id;
        // The floor under a submission: the one table write it needs, done directly with the bot's own client.
        var tables = bot.Services.GetRequiredService<StorageTables>();
        var baseline = await tables.GetAsync(BaselineTable, default);
        // And through the group commit the bot stores its answers with.
        var grouped = new GroupCommit(tables);
        var echo = EchoBot.Build(
            person => UpsertAnswerAsync(baseline, code.Value, round, person),
            person => GroupCommitAnswerAsync(grouped, code.Value, round, person));
        var echoUrl = await Loopback.StartAsync(echo);
        return new TurnRig(
            azurite, connector, connectorUrl, (echo, echoUrl), (bot, botUrl), people, code.Value, round, tables, baseline, grouped);
    }

    /// <summary>The person who takes turn <paramref name="n"/>: the respondents in turn.</summary>
    public string Respondent(int n) => _people[n % _people.Length];

    public string EchoCardAction(int n) => _echoActivities.CardAction(Respondent(n), "echo", new JObject());

    /// <summary>A card action the echo bot answers after the one write a check-in answer needs.</summary>
    public string EchoStoreCardAction(int n) => _echoActivities.CardAction(Respondent(n), EchoBot.StoreVerb, new JObject());

    /// <summary>A card action the echo bot answers after the same write, made through the bot's group commit.</summary>
    public string EchoGroupedStoreCardAction(int n) =>
        _echoActivities.CardAction(Respondent(n), EchoBot.GroupedStoreVerb, new JObject());

    public string EchoMessage(int n) => _echoActivities.Message(Respondent(n), "hello");

    public string CheckInSubmission(int n) => _botActivities.CardAction(Respondent(n), CardVerbs.SubmitCheckIn, _answer);

    public string StatusCommand() => _botActivities.Message(ProjectManager, "status " + _projectCode);

    /// <summary>The answer row a submission stores, upserted directly; whether storage accepted it.</summary>
    public Task<bool> UpsertAnswerAsync(int n) => UpsertAnswerAsync(_baseline, _projectCode, _round, Respondent(n));

    /// <summary>The same row through the group commit the bot stores answers with; whether storage accepted it.</summary>
    public async Task<bool> GroupCommitAnswerAsync(int n)
    {
        await GroupCommitAnswerAsync(_grouped, _projectCode, _round, Respondent(n));
        return true;
    }

    /// <summary>
    /// The audit entries stored so far, and the rows holding them. The emulator checks each new row against every row of
    /// its partition (a tenant's month), so its cost of a row grows with the rows; Azure Table storage seeks the row's key.
    /// </summary>
    public async Task<(int Entries, int Rows)> AuditEntriesAsync()
    {
        var audit = await _tables.GetAsync(AuditTable.Name, default);
        var (entries, rows) = (0, 0);
        await foreach (var row in audit.QueryAsync<TableEntity>(select: ["Count"], maxPerPage: 1000))
        {
            (entries, rows) = (entries + (row.GetInt32("Count") ?? 0), rows + 1);
        }

        return (entries, rows);
    }

    /// <summary>Deletes the audit entries stored so far (the table is dropped and made again), with no turn running.</summary>
    public async Task EmptyAuditAsync()
    {
        var audit = await _tables.GetAsync(AuditTable.Name, default);
        await audit.DeleteAsync();
        await audit.CreateIfNotExistsAsync();
    }

    private static async Task<bool> UpsertAnswerAsync(TableClient table, string projectCode, string round, string person)
    {
        var response = await table.UpsertEntityAsync(AnswerRow(projectCode, round, person), TableUpdateMode.Replace);
        return !response.IsError;
    }

    private static Task GroupCommitAnswerAsync(GroupCommit writes, string projectCode, string round, string person) =>
        writes.ReplaceAsync(BaselineTable, AnswerRow(projectCode, round, person), default);

    private static TableEntity AnswerRow(string projectCode, string round, string person) =>
        new($"{Tenant}|{projectCode}|checkin|{round}", $"checkin|answer|{round}|{person}")
        {
            ["Status"] = "SomeConcerns",
            ["Impact"] = 3,
            ["Blockers"] = Blockers,
            ["TrainingNeeded"] = true,
            ["At"] = DateTimeOffset.UtcNow,
        };

    public async Task StopAsync()
    {
        await _bot.StopAsync();
        await _echo.StopAsync();
        await _connector.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _echo.DisposeAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private static T Expect<T>(Outcome<T> outcome) =>
        outcome is Outcome<T>.Done done ? done.Value : throw new InvalidOperationException($"Seeding the benchmark failed: {outcome}");
}
