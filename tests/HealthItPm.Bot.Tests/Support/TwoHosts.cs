using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// Two bot hosts sharing one private Azurite and one fake connector, on one fake clock, as two
/// scaled-out instances would be. Their own timers and receive loops are off: a test ticks both at once
/// and lets both drain the delivery queue. The Azurite
/// is the test class's (started once per class) and is cleared first: each test starts blank.
/// The project EHR (Chicago time) has the PM, a nurse and a pharmacist; the PM and the nurse have a
/// 1:1 chat with the bot (<see cref="PmChat"/>, <see cref="NurseChat"/>), the pharmacist never installed it.
/// <paramref name="settings"/> adds to (or overrides) the hosts' configuration, e.g. an admin; <paramref name="hostAServices"/>
/// adds to host A's services (e.g. an in-memory telemetry exporter).
/// </summary>
public sealed class TwoHosts(
    AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? hostAServices = null)
    : IAsyncLifetime
{
    public const string PmChat = "a:pm-chat";
    public const string NurseChat = "a:nurse-chat";

    public static readonly TenantId Tenant = new(TestActivities.Tenant);
    public static readonly ProjectCode Code = new("EHR");
    public static readonly PersonId Pm = new(TestActivities.PmAadId);
    public static readonly PersonId Nurse = new(TestActivities.NurseAadId);
    public static readonly PersonId Pharmacist = new(TestActivities.PharmacistAadId);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    public FakeConnector Connector { get; private set; } = null!;

    public WebApplicationFactory<Program> HostA { get; private set; } = null!;

    public WebApplicationFactory<Program> HostB { get; private set; } = null!;

    public IServiceProvider Services => HostA.Services;

    /// <summary>Says <paramref name="text"/> in a chat through host A; what the bot sent to that chat in answer.</summary>
    public async Task<string> SayAsync(string text, string chat, ChannelAccount from)
    {
        var before = Connector.SentActivities(chat).Count();
        using var response = await HostA.PostAsync(TestActivities.Message(text, Connector.ServiceUrl, chat, from: from));
        response.EnsureSuccessStatusCode();
        return string.Join("\n", Connector.SentActivities(chat).Skip(before).Select(a => a.ToString()));
    }

    /// <summary>Presses a card button (an Action.Execute with <paramref name="verb"/>) through host A; the invoke's answer.</summary>
    public async Task<string> SubmitAsync(string verb, Newtonsoft.Json.Linq.JObject data, string chat, ChannelAccount from)
    {
        using var response = await HostA.PostAsync(TestActivities.Invoke(verb, data, Connector.ServiceUrl, chat, from: from));
        return await response.Content.ReadAsStringAsync();
    }

    public async Task InitializeAsync()
    {
        await azurite.StartAsync();
        await azurite.ClearTablesAsync();
        Connector = await FakeConnector.StartAsync();
        HostA = Host(hostAServices);
        HostB = Host();
    }

    public async Task DisposeAsync()
    {
        await HostA.DisposeAsync();
        await HostB.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>Host A stops and starts again on the same storage, as after a deployment or a crash.</summary>
    public async Task RestartHostAAsync()
    {
        await HostA.DisposeAsync();
        HostA = Host();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Both hosts' schedulers tick, then both work the delivery queue until nothing on it can be done now.</summary>
    public async Task BothTickAsync()
    {
        await Task.WhenAll(
            HostA.Services.GetRequiredService<Scheduler>().TickAsync(default),
            HostB.Services.GetRequiredService<Scheduler>().TickAsync(default));
        await BothDeliverAsync();
    }

    /// <summary>Both hosts drain the delivery queue at once, as their receivers do, until nothing on it can be done now.</summary>
    public Task BothDeliverAsync() => Task.WhenAll(
        HostA.Services.GetRequiredService<DeliveryReceiver>().DrainAsync(default),
        HostB.Services.GetRequiredService<DeliveryReceiver>().DrainAsync(default));

    /// <summary>Time passes, then both hosts tick twice: the second pass proves nothing is done again.</summary>
    public async Task AfterAsync(TimeSpan wait)
    {
        Clock.Advance(wait);
        await BothTickAsync();
        await BothTickAsync();
    }

    public int CardsTo(string conversation, string text) =>
        Connector.SentActivities(conversation).Count(a => a.ToString().Contains(text, StringComparison.Ordinal));

    /// <summary>Creates EHR with its people, in the given roles, and the 1:1 chats of those who have the app.</summary>
    public async Task SetUpProjectAsync(ProjectRole nurseRole = ProjectRole.Stakeholder, ProjectRole pharmacistRole = ProjectRole.Stakeholder)
    {
        var projects = Get<ProjectService>();
        var creator = new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        Assert.IsType<Outcome<Project>.Done>(await projects.CreateAsync(Tenant, creator, new NewProject("EHR", Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "America/Chicago"), default));
        await projects.ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
        {
            p.AddMember(new ProjectMember(Nurse, "Nina Patel", nurseRole, StakeholderRole.Nurse, Guarded.From("ICU")));
            p.AddMember(new ProjectMember(Pharmacist, "Grace Kim", pharmacistRole, StakeholderRole.Pharmacist, Guarded.From("Pharmacy")));
        }, default);

        foreach (var (person, conversation) in new[] { (Pm, PmChat), (Nurse, NurseChat) })
        {
            await GiveChatAsync(person, conversation);
        }
    }

    /// <summary>The person installs the app: the bot now has a 1:1 chat to reach them in (and the time zone their Teams reported there, if given).</summary>
    public Task GiveChatAsync(PersonId person, string conversation, string? timeZone = null)
    {
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = Connector.ServiceUrl, Conversation = new ConversationAccount(id: conversation, tenantId: Tenant.Value), Bot = new ChannelAccount("28:bot") };
        return Get<ConversationReferenceTable>().SaveAsync(Tenant, ConversationReferenceTable.PersonKey(person), new StoredConversation(reference, true, default, "29:" + conversation, timeZone, null), default);
    }

    private WebApplicationFactory<Program> Host(Action<IServiceCollection>? services = null)
    {
#pragma warning disable CA2000 // The derived factory is disposed in DisposeAsync.
        // Retries wait on the fake clock: a waiting message is looked at again at once, and its record says whether it is time.
        var configuration = new Dictionary<string, string?>
        {
            ["Access:ProjectManagerIds:0"] = TestActivities.PmAadId,
            ["Scheduler:Enabled"] = "false",
            ["Delivery:Enabled"] = "false",
            ["Delivery:MaxSleepSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        return new BotHost(azurite.ConnectionString, configuration).WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(s);
        }));
#pragma warning restore CA2000
    }
}
