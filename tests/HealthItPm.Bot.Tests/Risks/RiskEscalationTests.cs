using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Risks;

/// <summary>
/// The escalation policy run unattended by two hosts on a fake clock, against Azurite: each step
/// and each card happens once, a card Teams throttles waits on the delivery queue, and a claim left
/// by a host that died is taken over after its lease.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class RiskEscalationTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string PharmacistChat = "a:pharmacist-chat";
    private static readonly RiskId Id = new(Code, 1);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private RiskRegister Risks => _hosts.Get<RiskRegister>();

    private async Task LogAsync(string title, RiskCategory category, int probability, int impact) =>
        Assert.IsType<Outcome<Risk>.Done>(await Risks.LogAsync(Tenant, Pm, Code, new NewRisk(Guarded.From(title), null, category, probability, impact, null, null), default));

    private async Task<Risk> StoredAsync() => (await _hosts.Get<IRiskStore>().GetAsync(Tenant, Id, default))!.Risk;

    [Fact]
    public async Task An_unacknowledged_critical_risk_climbs_the_chain_once_per_level_on_two_hosts()
    {
        await _hosts.SetUpProjectAsync(nurseRole: ProjectRole.Leader, pharmacistRole: ProjectRole.Leader);
        await _hosts.GiveChatAsync(Pharmacist, PharmacistChat);
        await LogAsync("Wrong-patient orders after downtime", RiskCategory.PatientSafety, 3, 5);

        await _hosts.AfterAsync(TimeSpan.Zero);
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        Assert.Equal(0, _hosts.CardsTo(PharmacistChat, "Escalated risk EHR-R1"));

        await _hosts.AfterAsync(TimeSpan.FromHours(4));
        Assert.Equal(1, _hosts.CardsTo(PharmacistChat, "Escalated risk EHR-R1"));

        await _hosts.AfterAsync(TimeSpan.FromHours(4));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "Nobody acknowledged EHR-R1"));
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        Assert.Equal(
            [RiskEventKind.Logged, RiskEventKind.Escalated, RiskEventKind.Notified, RiskEventKind.Escalated, RiskEventKind.Notified, RiskEventKind.ChainExhausted, RiskEventKind.Notified],
            (await StoredAsync()).History.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_damaged_risk_row_does_not_hold_up_the_escalation_of_the_others()
    {
        await _hosts.SetUpProjectAsync(nurseRole: ProjectRole.Leader);
        var tables = _hosts.Get<HealthItPm.Bot.Storage.StorageTables>();
        var table = HealthItPm.Bot.Features.Risks.RiskTable.Name;
        // Risk 1's row is damaged (and watched, so it comes first); risk 2 is logged normally.
        await tables.ExecuteAsync(table, t => t.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("watch", $"{Tenant.Value}|EHR|1") { ["Tenant"] = Tenant.Value, ["Project"] = "EHR", ["Number"] = 1 }), default);
        await tables.ExecuteAsync(table, t => t.UpsertEntityAsync(new Azure.Data.Tables.TableEntity($"{Tenant.Value}|EHR", "risk|000001") { ["JsonParts"] = 1, ["Json0"] = "{ not json" }), default);
        await tables.ExecuteAsync(table, t => t.UpsertEntityAsync(new Azure.Data.Tables.TableEntity($"{Tenant.Value}|EHR", "counter") { ["Last"] = 1 }), default);
        await LogAsync("Blood bank interface drops crossmatch results", RiskCategory.PatientSafety, 4, 5);

        await _hosts.BothTickAsync();

        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R2"));
    }

    [Fact]
    public async Task A_projects_own_chain_and_sla_decide_who_is_next_and_when()
    {
        await _hosts.SetUpProjectAsync(nurseRole: ProjectRole.Leader, pharmacistRole: ProjectRole.Leader);
        await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageEscalation, (p, _) =>
            p.SetEscalation([Pharmacist, Nurse], TimeSpan.FromHours(1), inBusinessHours: false), default);
        await LogAsync("Interface engine has no failover", RiskCategory.TechnicalIntegration, 5, 4);

        // Level 1, the pharmacist, has no chat with the bot: the card waits; after one hour the nurse (level 2) gets it.
        await _hosts.BothTickAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        _hosts.Clock.Advance(TimeSpan.FromMinutes(59));
        await _hosts.BothTickAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        await _hosts.AfterAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        var history = (await StoredAsync()).History;
        Assert.Contains(history, e => e is { Kind: RiskEventKind.Escalated, LevelBefore: 1, LevelAfter: 2 } && e.Escalation == new EscalationReason.NotAcknowledged(TimeSpan.FromHours(1), InBusinessHours: false));
        Assert.Single(history, e => e.Kind == RiskEventKind.NotReachable && e.Notice == RiskNoticeKind.Escalation && e.NoticeTo == Pharmacist);

        // The PM heard at once (at the next tick) that the sponsor could not be reached, and only once.
        Assert.Equal(1, _hosts.CardsTo(PmChat, "EHR-R1 cannot reach Grace Kim"));
    }

    [Fact]
    public async Task A_pm_logging_a_risk_for_a_sponsor_without_the_app_is_told_so_at_once()
    {
        await _hosts.SetUpProjectAsync(pharmacistRole: ProjectRole.Leader);
        var data = new Newtonsoft.Json.Linq.JObject { ["project"] = "EHR", ["title"] = "Heparin drip rates wrong after upgrade", ["category"] = "PatientSafety", ["probability"] = "3", ["impact"] = "5" };

        using var response = await _hosts.HostA.PostAsync(TestActivities.Invoke(HealthItPm.Bot.Cards.CardVerbs.AddRisk, data, _hosts.Connector.ServiceUrl, PmChat, from: TestActivities.Pm));
        var answer = await response.Content.ReadAsStringAsync();

        Assert.Contains("Logged EHR-R1 and escalated it to the sponsor, but Grace Kim has no chat with HealthItPm yet", answer, StringComparison.Ordinal);

        // The pipeline settles the card as unreachable at its first try, and every PM (here the one who logged it) gets it in their chat, once, for the record.
        await _hosts.BothDeliverAsync();
        Assert.Contains((await StoredAsync()).History, e => e.Kind == RiskEventKind.NotReachable);
        await _hosts.BothTickAsync();
        _hosts.Clock.Advance(TimeSpan.FromMinutes(5));
        await _hosts.BothTickAsync();
        Assert.Equal(1, _hosts.CardsTo(PmChat, "EHR-R1 cannot reach Grace Kim"));
    }

    [Fact]
    public async Task An_escalation_Teams_throttles_waits_at_least_its_retry_after_and_is_sent_once()
    {
        await _hosts.SetUpProjectAsync(nurseRole: ProjectRole.Leader);
        await LogAsync("Allergy interface drops reactions", RiskCategory.PatientSafety, 4, 5);

        // Teams throttles for two minutes: the card waits on the queue, its record says until when.
        _hosts.Connector.FailNext(429, retryAfter: "120");
        await _hosts.BothTickAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        var waiting = await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.Notice(Id, 1), Nurse, default);
        Assert.Equal((DeliveryState.Pending, 1, 429), (waiting!.State, waiting.Attempts, waiting.LastStatus));
        Assert.InRange(waiting.NextAttemptAt!.Value, _hosts.Clock.GetUtcNow().AddMinutes(2), _hosts.Clock.GetUtcNow().AddMinutes(2).AddSeconds(1));

        _hosts.Clock.Advance(TimeSpan.FromMinutes(1));
        await _hosts.BothTickAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));

        // Past the Retry-After and the second of jitter after it.
        await _hosts.AfterAsync(TimeSpan.FromMinutes(1).Add(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        var risk = await StoredAsync();
        Assert.Empty(risk.Outbox);
        Assert.Equal([RiskEventKind.Logged, RiskEventKind.Escalated, RiskEventKind.Notified], risk.History.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_notice_claimed_by_a_host_that_died_is_sent_by_another_after_the_lease()
    {
        await _hosts.SetUpProjectAsync(nurseRole: ProjectRole.Leader);
        await Risks.LogAsync(Tenant, Pm, Code, new NewRisk(Guarded.From("Patient portal shows another patient's results"), null, RiskCategory.PrivacyRegulatory, 2, 5, null, null), default);
        await _hosts.HostA.Services.GetRequiredService<RiskNotifier>().ApplyPolicyAsync(Tenant, Id, default);

        // Host A takes the work and claims the record, then dies before sending: the message is hidden for its lease.
        var queues = _hosts.HostA.Services.GetRequiredService<DeliveryQueues>();
        var taken = Assert.Single(await queues.ReceiveAsync(DeliveryQueues.TenantQueue(Tenant), 32, TimeSpan.FromSeconds(1), default));
        var ledger = _hosts.HostA.Services.GetRequiredService<DeliveryTable>();
        var now = _hosts.Clock.GetUtcNow();
        Assert.NotNull(await ledger.WriteAsync(Tenant, new DeliveryRecord(taken.Work!.Topic, Nurse, DeliveryState.Pending, 1, now.AddSeconds(60), null, null, null, now), null, reported: false, default));

        await _hosts.BothDeliverAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await _hosts.BothDeliverAsync();
        Assert.Equal(0, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));

        _hosts.Clock.Advance(TimeSpan.FromSeconds(60));
        await _hosts.BothDeliverAsync();
        await _hosts.BothDeliverAsync();
        Assert.Equal(1, _hosts.CardsTo(NurseChat, "Escalated risk EHR-R1"));
        var record = await ledger.GetAsync(Tenant, taken.Work.Topic, Nurse, default);
        Assert.Equal((DeliveryState.Sent, 2), (record!.State, record.Attempts));
    }
}
