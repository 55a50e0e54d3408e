using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Rounds;

/// <summary>
/// What a check-in answer costs storage, through the real host on its own Azurite: once a host has read the round and
/// the project's members, an answer is its own write, and the audit entries of many answers go in a few transactions.
/// And the audit writer's promise at a graceful stop: every entry it holds is written.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class AnswerPathTests : IAsyncLifetime
{
    private const int People = 40;
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly ProjectCode Code = new("ANSWER");

    private readonly AzuriteFixture _azurite = new();
    private FakeConnector _connector = null!;
    private BotHost Host { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _connector = await FakeConnector.StartAsync();
        var settings = BotEnvironment.CollectionSettings();
        // Nothing else on this host touches storage while answers are counted.
        settings["Scheduler:Enabled"] = "false";
        Host = new BotHost(_azurite.ConnectionString, settings);
        _ = Host.Server;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Answers_given_at_once_are_stored_together_with_no_read_of_the_persons_role_and_their_audit_entries_in_batches()
    {
        var (round, people) = await RoundAsync();
        // The host's first answer reads the round and the project's members.
        Assert.Contains("check-in is in", await AnswerAsync(people[0], round), StringComparison.Ordinal);

        using var counter = new StorageRequestCounter(_azurite.TablePort);
        var answers = await Task.WhenAll(people.Skip(1).Select(p => AnswerAsync(p, round)));
        await Host.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var requests = counter.ByMethod();

        Assert.All(answers, a => Assert.Contains("check-in is in", a, StringComparison.Ordinal));
        // No point read (the person's role, the round); the answers given at once stored together (a lone upsert, then
        // transactions), and the audit entries added together: far fewer writes than answers.
        Assert.Equal(0, requests.GetValueOrDefault("GET"));
        Assert.InRange(requests.GetValueOrDefault("PUT") + requests.GetValueOrDefault("POST"), 2, (People - 1) / 2);
        Assert.Equal(requests.GetValueOrDefault("PUT") + requests.GetValueOrDefault("POST"), requests.Values.Sum());
        var store = Host.Services.GetRequiredService<IRoundStore>();
        var opened = await store.GetRoundAsync(Tenant, Code, CheckInRounds.Kind, round, default);
        var stored = await store.AnswersAsync<CheckInAnswer>(Tenant, opened!, default);
        Assert.Equal(People, stored.Count);
        var log = await Host.Services.GetRequiredService<IAuditLog>().ReadAsync(
            Tenant, new AuditQuery(Code, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow)), 100, default);
        Assert.Equal(
            people.Select(p => p.AadObjectId).Order(StringComparer.Ordinal),
            log!.Entries.Where(e => e.Kind == CheckInRounds.Answered && e.Subject == round)
                .Select(e => e.By.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_graceful_stop_writes_every_entry_the_writer_holds_and_one_handed_over_after_it_at_once()
    {
        var tables = new StorageTables(Options.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString }));
        var table = new AuditTable(tables);
        var writer = new AuditWriter(table, NullLogger<AuditWriter>.Instance);
        var tenant = new TenantId(Guid.NewGuid().ToString());
        var now = DateTimeOffset.UtcNow;
        var entries = Enumerable.Range(0, 500)
            .Select(i => new AuditEntry(now.AddTicks(-i), new PersonId(Guid.NewGuid().ToString()), CheckInRounds.Answered, Code, "r"))
            .ToList();

        foreach (var entry in entries)
        {
            await writer.AppendAsync(tenant, entry, default);
        }

        await writer.StopAsync(default);
        var late = new PersonId(Guid.NewGuid().ToString());
        await writer.AppendAsync(tenant, entries[0] with { By = late }, default);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var written = await table.ReadAsync(tenant, new AuditQuery(null, today.AddDays(-1), today.AddDays(1)), 1000, default);
        Assert.Equal(501, written!.Entries.Count);
        Assert.Equal(
            entries.Select(e => e.By.Value).Append(late.Value).Order(StringComparer.Ordinal),
            written.Entries.Select(e => e.By.Value).Order(StringComparer.Ordinal));
        await writer.DisposeAsync();
    }

    [Fact]
    public async Task A_batch_tried_again_after_it_was_saved_adds_nothing_twice()
    {
        var table = new AuditTable(new StorageTables(Options.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString })));
        var tenant = new TenantId(Guid.NewGuid().ToString());
        var now = DateTimeOffset.UtcNow;
        var rows = AuditTable.Rows(tenant, Enumerable.Range(0, 3)
            .Select(i => new PersonId(new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1).ToString()))
            .Select(person => new AuditEntry(now, person, CheckInRounds.Answered, Code, "r")));

        await table.AddBatchAsync(rows, default);
        await table.AddBatchAsync(rows, default);

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var written = await table.ReadAsync(tenant, new AuditQuery(null, today.AddDays(-1), today.AddDays(1)), 10, default);
        Assert.Equal(3, written!.Entries.Count);
    }

    private async Task<(string Round, ChannelAccount[] People)> RoundAsync()
    {
        var pm = new PersonId(TestActivities.PmAadId);
        var projects = Host.Services.GetRequiredService<ProjectService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var people = Enumerable.Range(0, People)
            .Select(i => new ChannelAccount(
                $"29:answer-{i}", $"Nurse {i}", aadObjectId: new Guid(i, 0xa5, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 2).ToString()))
            .ToArray();
        Assert.IsType<Outcome<Project>.Done>(await projects.CreateAsync(
            Tenant,
            new ProjectMember(pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null),
            new NewProject(
                Code.Value, Guarded.From("Telemetry monitors"), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "UTC"),
            default));
        Assert.IsType<Outcome<Project>.Done>(await projects.ChangeAsync(Tenant, pm, Code, ProjectAction.ManageStakeholders, (p, _) =>
        {
            foreach (var person in people)
            {
                p.AddMember(new ProjectMember(
                    new PersonId(person.AadObjectId), person.Name, ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
            }
        }, default));
        var round = await Host.Services.GetRequiredService<CheckInService>()
            .StartNowAsync(Tenant, pm, Code, RoundSettings.Default, default);
        return (Assert.IsType<Outcome<Round>.Done>(round).Value.Id, people);
    }

    private async Task<string> AnswerAsync(ChannelAccount person, string round)
    {
        var data = new JObject
        {
            ["project"] = Code.Value, ["round"] = round, ["status"] = "OnTrack", ["impact"] = "1", ["training"] = "false",
        };
        using var response = await Host.PostAsync(
            TestActivities.Invoke(CardVerbs.SubmitCheckIn, data, _connector.ServiceUrl, "a:" + person.Id, from: person));
        return await response.Content.ReadAsStringAsync();
    }
}
