using HealthItPm.Bot.Storage;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// Bot hosts as separate OS processes (the built HealthItPm.Bot.dll) on one private Azurite and one
/// fake connector, so a test can kill one with SIGKILL at a moment it chooses and start another, as a
/// crashed instance and its replacement would. An in-process host with its loops off sets up the data.
/// The project EHR has the PM and a nurse (both with a 1:1 chat) and a pharmacist who never installed the app.
/// With <paramref name="setupClock"/>, the set-up host lives on that clock (days can pass for it before the processes
/// start, on the system's clock).
/// </summary>
public sealed class HostProcesses(TimeProvider? setupClock = null) : IAsyncLifetime
{
    public const string PmChat = "a:pm-chat";
    public const string NurseChat = "a:nurse-chat";
    public const int LeaseSeconds = 5;

    public static readonly TenantId Tenant = new(TestActivities.Tenant);
    public static readonly ProjectCode Code = new("EHR");

    private readonly AzuriteFixture _azurite = new();
    private readonly List<ChildProcess> _hosts = [];

    public FakeConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> Setup { get; private set; } = null!;

    public string ConnectionString => _azurite.ConnectionString;

    public int QueuePort => _azurite.QueuePort;

    public int TablePort => _azurite.TablePort;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Connector = await FakeConnector.StartAsync();
        var settings = BotEnvironment.CollectionSettings();
        settings["Scheduler:Enabled"] = "false";
        settings["Delivery:LeaseSeconds"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
#pragma warning disable CA2000 // The derived factory is disposed in DisposeAsync.
        Setup = setupClock is null
            ? new BotHost(_azurite.ConnectionString, settings)
            : new BotHost(_azurite.ConnectionString, settings).WithWebHostBuilder(b => b.ConfigureTestServices(
                s => s.AddSingleton(setupClock)));
#pragma warning restore CA2000
        _ = Setup.Server;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        await Setup.DisposeAsync();
        await Connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Setup.Services.GetRequiredService<T>();

    /// <summary>Starts a bot host process that delivers (its scheduler off: the test decides what is due), with a short lease.</summary>
    /// <param name="connectionString">Storage as this host reaches it (through a proxy, say); the fixture's by default.</param>
    /// <param name="oneAtATime">The host works on one item at a time, so a kill lands where the test put it and nowhere else.</param>
    /// <param name="leaseSeconds">How long the host holds work it received; <see cref="LeaseSeconds"/> by default.</param>
    public async Task<ChildProcess> StartHostAsync(string? connectionString = null, bool oneAtATime = false, int leaseSeconds = LeaseSeconds) =>
        (await StartBotAsync(connectionString, oneAtATime, leaseSeconds)).Host;

    /// <summary>
    /// Starts a bot host process that delivers and answers turns (its scheduler off), with a short lease; answers with
    /// the address of its <c>/api/messages</c>. Parameters as for <see cref="StartHostAsync"/>.
    /// </summary>
    public Task<(ChildProcess Host, Uri Messages)> StartBotAsync(
        string? connectionString = null, bool oneAtATime = false, int leaseSeconds = LeaseSeconds) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["Storage__ConnectionString"] = connectionString ?? _azurite.ConnectionString,
            ["Delivery__LeaseSeconds"] = leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery__MaxInFlight"] = oneAtATime ? "1" : null,
            ["Delivery__BatchSize"] = oneAtATime ? "1" : null,
        });

    /// <summary>
    /// Starts a bot host process that only answers turns (no delivery, no scheduler), with the per-address and
    /// per-person limits out of the way of a test's load; answers with the address of its <c>/api/messages</c>.
    /// </summary>
    public Task<(ChildProcess Host, Uri Messages)> StartTurnHostAsync() => StartAsync(new Dictionary<string, string?>
    {
        ["Storage__ConnectionString"] = _azurite.ConnectionString,
        ["Delivery__Enabled"] = "false",
        ["Messages__PerAddress__Burst"] = "1000000",
        ["Messages__PerAddress__PerSecond"] = "1000000",
        ["Messages__PerCaller__Burst"] = "1000000",
        ["Messages__PerCaller__PerSecond"] = "1000000",
    });

    private async Task<(ChildProcess Host, Uri Messages)> StartAsync(Dictionary<string, string?> environment)
    {
        var port = ChildProcess.FreeTcpPort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var bot = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot", "bin", configuration, "net10.0", "HealthItPm.Bot.dll");
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Scheduler__Enabled"] = "false";
        var host = ChildProcess.Start("dotnet", [bot, "--urls", $"http://127.0.0.1:{port}"], Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot"), environment);
        _hosts.Add(host);
        await host.WaitUntilAsync(async () => await ChildProcess.IsListeningAsync(port), TimeSpan.FromSeconds(60), "A bot host");
        return (host, new Uri($"http://127.0.0.1:{port}/api/messages"));
    }

    /// <summary>EHR with its people, and a check-in round opened two hours ago whose reminders are already due.</summary>
    public async Task<Round> OpenRoundAsync()
    {
        var projects = Get<ProjectService>();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pm = new ProjectMember(new PersonId(TestActivities.PmAadId), "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);
        Assert.IsType<Outcome<Project>.Done>(await projects.CreateAsync(Tenant, pm, new NewProject("EHR", Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "UTC"), default));
        await projects.ChangeAsync(Tenant, pm.Person, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
        {
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
            p.AddMember(new ProjectMember(new PersonId(TestActivities.PharmacistAadId), "Grace Kim", ProjectRole.Stakeholder, StakeholderRole.Pharmacist, Guarded.From("Pharmacy")));
        }, default);
        await GiveChatAsync(pm.Person, PmChat);
        await GiveChatAsync(new PersonId(TestActivities.NurseAadId), NurseChat);

        var project = (await Get<IProjectRepository>().GetAsync(Tenant, Code, default))!.Project;
        var opens = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddHours(-2);
        var round = new Round(Code, opens, TimeSpan.FromHours(1), TimeSpan.FromHours(48), false,
            (Audience.Everyone with { ProjectManagers = true }).Select(project), CheckInRounds.Kind);
        Assert.True(await Get<IRoundStore>().AddRoundAsync(Tenant, round, default));
        return round;
    }

    public int CardsTo(string conversation, string text) =>
        Connector.SentActivities(conversation).Count(a => a.ToString().Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until <paramref name="done"/> holds (the hosts work in real time), failing with the hosts' output.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await done())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{what} did not happen in {seconds} s. Calls: {string.Join("; ", Connector.Requests.Select(r => $"{r.Method} {r.Path} {(r.Accepted ? "" : "(not answered)")}"))}\n"
            + string.Join("\n---\n", _hosts.Select(h => h.Output.Length > 4000 ? h.Output[^4000..] : h.Output)));
    }

    private Task GiveChatAsync(PersonId person, string conversation)
    {
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = Connector.ServiceUrl, Conversation = new ConversationAccount(id: conversation, tenantId: Tenant.Value), Bot = new ChannelAccount("28:bot") };
        return Get<ConversationReferenceTable>().SaveAsync(Tenant, ConversationReferenceTable.PersonKey(person), new StoredConversation(reference, true, default, "29:" + conversation, null, null), default);
    }
}
