using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// A weekly check-in run unattended by two bot hosts sharing one storage, on a fake clock: every
/// step (open, send, remind, close, summarise) happens once. The hosts' own timers are off; the
/// test ticks both at once, as two instances would.
/// </summary>
public sealed class SchedulerTests : IAsyncLifetime
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly ProjectCode Code = new("EHR");

    private readonly AzuriteFixture _azurite = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private FakeConnector _connector = null!;
    private WebApplicationFactory<Program> _hostA = null!;
    private WebApplicationFactory<Program> _hostB = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _connector = await FakeConnector.StartAsync();
        _hostA = Host();
        _hostB = Host();
    }

    public async Task DisposeAsync()
    {
        await _hostA.DisposeAsync();
        await _hostB.DisposeAsync();
        await _connector.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private WebApplicationFactory<Program> Host()
    {
#pragma warning disable CA2000 // The derived factory is disposed in DisposeAsync.
        var settings = new Dictionary<string, string?> { ["Access:ProjectManagerIds:0"] = TestActivities.PmAadId, ["Scheduler:Enabled"] = "false" };
        return new BotHost(_azurite.ConnectionString, settings).WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
#pragma warning restore CA2000
    }

    private Task BothTickAsync() => Task.WhenAll(
        _hostA.Services.GetRequiredService<Scheduler>().TickAsync(default),
        _hostB.Services.GetRequiredService<Scheduler>().TickAsync(default));

    private async Task<(string Pm, string Nurse)> SetUpAsync()
    {
        var services = _hostA.Services;
        var projects = services.GetRequiredService<ProjectService>();
        var creator = new ProjectMember(new PersonId(TestActivities.PmAadId), "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        Assert.IsType<Outcome<Project>.Done>(await projects.CreateAsync(Tenant, creator, new NewProject("EHR", "Epic EHR go-live", ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "America/Chicago"), default));
        await projects.ChangeAsync(Tenant, creator.Person, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
        {
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, "ICU"));
            p.AddMember(new ProjectMember(new PersonId(TestActivities.PharmacistAadId), "Grace Kim", ProjectRole.Stakeholder, StakeholderRole.Pharmacist, "Pharmacy"));
        }, default);

        // The PM and the nurse have the app; the pharmacist never installed it.
        var references = services.GetRequiredService<ConversationReferenceTable>();
        foreach (var (person, conversation) in new[] { (TestActivities.PmAadId, "a:pm-chat"), (TestActivities.NurseAadId, "a:nurse-chat") })
        {
            var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount(id: conversation, tenantId: Tenant.Value), Bot = new ChannelAccount("28:bot") };
            await references.SaveAsync(Tenant, ConversationReferenceTable.PersonKey(new PersonId(person)), new StoredConversation(reference, true, default, "29:x", null, null), default);
        }

        var schedule = new CheckInSchedule(DayOfWeek.Tuesday, new TimeOnly(10, 0), "America/Chicago", TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone);
        Assert.IsType<Outcome<CheckInSchedule>.Done>(await services.GetRequiredService<CheckInService>().ScheduleAsync(Tenant, creator.Person, Code, schedule, default));
        return ("a:pm-chat", "a:nurse-chat");
    }

    private int CardsTo(string conversation, string text) =>
        _connector.SentActivities(conversation).Count(a => a.ToString().Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Two_hosts_run_a_weekly_check_in_once()
    {
        var (pm, nurse) = await SetUpAsync();
        var store = _hostA.Services.GetRequiredService<ICheckInStore>();

        // Tuesday 10:00 in Chicago is 16:00 UTC.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 0, 30, TimeSpan.Zero));
        await BothTickAsync();
        await BothTickAsync();

        var rounds = await store.LatestRoundsAsync(Tenant, Code, 10, default);
        var round = Assert.Single(rounds);
        Assert.Equal("20261201T1600Z", round.Id);
        Assert.Equal(1, CardsTo(nurse, "EHR check-in"));
        Assert.Equal(1, CardsTo(pm, "EHR check-in"));
        var deliveries = await store.DeliveriesAsync(Tenant, Code, round.Id, default);
        Assert.Equal(DeliveryState.Unreachable, deliveries.Single(d => d.Person.Value == TestActivities.PharmacistAadId).State);

        // The nurse answers; after 24 h only the PM (reachable, no answer) is reminded, once.
        var checkIns = _hostA.Services.GetRequiredService<CheckInService>();
        var answer = CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(3), "Order sets missing for sepsis", true).Answer!;
        Assert.IsType<Outcome<(CheckInRound, GivenAnswer)>.Done>(await checkIns.SubmitAsync(Tenant, new PersonId(TestActivities.NurseAadId), Code, round.Id, answer, default));
        _clock.Advance(TimeSpan.FromHours(24));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(pm, "Reminder: EHR check-in"));
        Assert.Equal(0, CardsTo(nurse, "Reminder: EHR check-in"));

        // At the deadline the PM gets the summary, once, naming who could not be reached.
        _clock.Advance(TimeSpan.FromHours(24));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(pm, "EHR check-in results"));
        var summary = _connector.SentActivities(pm).Single(a => a.ToString().Contains("EHR check-in results", StringComparison.Ordinal)).ToString();
        Assert.Contains("1 of 3 (33%)", summary, StringComparison.Ordinal);
        Assert.Contains("Grace Kim", summary, StringComparison.Ordinal);
        Assert.Contains("Nina Patel: Order sets missing for sepsis", summary, StringComparison.Ordinal);
        Assert.Empty(await store.OpenRoundsAsync(default));
    }

    [Fact]
    public async Task Checkin_now_twice_in_the_same_minute_opens_and_sends_one_round()
    {
        var (_, nurse) = await SetUpAsync();
        var checkIns = _hostA.Services.GetRequiredService<CheckInService>();
        var dispatcher = _hostB.Services.GetRequiredService<HealthItPm.Bot.Messaging.CheckInDispatcher>();
        var pm = new PersonId(TestActivities.PmAadId);

        var first = Assert.IsType<Outcome<CheckInRound>.Done>(await checkIns.StartNowAsync(Tenant, pm, Code, RoundSettings.Default, default)).Value;
        _clock.Advance(TimeSpan.FromSeconds(20));
        var second = Assert.IsType<Outcome<CheckInRound>.Done>(await checkIns.StartNowAsync(Tenant, pm, Code, RoundSettings.Default, default)).Value;
        await Task.WhenAll(dispatcher.ProcessRoundAsync(Tenant, Code, first.Id, default), dispatcher.ProcessRoundAsync(Tenant, Code, second.Id, default));

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, CardsTo(nurse, "EHR check-in"));
    }

    [Fact]
    public async Task An_unacknowledged_critical_risk_climbs_the_chain_once_per_level_on_two_hosts()
    {
        var (pm, nurse) = await SetUpAsync();
        var services = _hostA.Services;
        var pmId = new PersonId(TestActivities.PmAadId);
        await services.GetRequiredService<ProjectService>().ChangeAsync(Tenant, pmId, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
        {
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Leader, StakeholderRole.Nurse, "Nursing"));
            p.AddMember(new ProjectMember(new PersonId(TestActivities.PharmacistAadId), "Grace Kim", ProjectRole.Leader, StakeholderRole.Pharmacist, "Pharmacy"));
        }, default);
        var reference = new ConversationReference { ChannelId = "msteams", ServiceUrl = _connector.ServiceUrl, Conversation = new ConversationAccount(id: "a:pharmacist-chat", tenantId: Tenant.Value), Bot = new ChannelAccount("28:bot") };
        await services.GetRequiredService<ConversationReferenceTable>().SaveAsync(Tenant, ConversationReferenceTable.PersonKey(new PersonId(TestActivities.PharmacistAadId)), new StoredConversation(reference, true, default, "29:p", null, null), default);
        var risks = services.GetRequiredService<HealthItPm.Domain.Risks.RiskService>();
        Assert.IsType<Outcome<HealthItPm.Domain.Risks.Risk>.Done>(await risks.LogAsync(Tenant, pmId, Code, new HealthItPm.Domain.Risks.NewRisk("Wrong-patient orders after downtime", null, HealthItPm.Domain.Risks.RiskCategory.PatientSafety, 3, 5, null, null), default));

        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(nurse, "Escalated risk EHR-R1"));
        Assert.Equal(0, CardsTo("a:pharmacist-chat", "Escalated risk EHR-R1"));

        _clock.Advance(TimeSpan.FromHours(4));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo("a:pharmacist-chat", "Escalated risk EHR-R1"));

        _clock.Advance(TimeSpan.FromHours(4));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(pm, "Nobody acknowledged EHR-R1"));
        Assert.Equal(1, CardsTo(nurse, "Escalated risk EHR-R1"));
    }

    [Fact]
    public async Task A_projects_own_chain_and_sla_decide_who_is_next_and_when()
    {
        var (_, nurse) = await SetUpAsync();
        var pmId = new PersonId(TestActivities.PmAadId);
        await _hostA.Services.GetRequiredService<ProjectService>().ChangeAsync(Tenant, pmId, Code, Domain.Security.ProjectAction.ManageEscalation, (p, _) =>
        {
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Leader, StakeholderRole.Nurse, "Nursing"));
            p.AddMember(new ProjectMember(new PersonId(TestActivities.PharmacistAadId), "Grace Kim", ProjectRole.Leader, StakeholderRole.Pharmacist, "Pharmacy"));
            p.SetEscalation([new PersonId(TestActivities.PharmacistAadId), new PersonId(TestActivities.NurseAadId)], TimeSpan.FromHours(1), inBusinessHours: false);
        }, default);
        var risks = _hostA.Services.GetRequiredService<HealthItPm.Domain.Risks.RiskService>();
        Assert.IsType<Outcome<HealthItPm.Domain.Risks.Risk>.Done>(await risks.LogAsync(Tenant, pmId, Code, new HealthItPm.Domain.Risks.NewRisk("Interface engine has no failover", null, HealthItPm.Domain.Risks.RiskCategory.TechnicalIntegration, 5, 4, null, null), default));

        // Level 1, the pharmacist, has no chat with the bot: the card waits; after one hour the nurse (level 2) gets it.
        await BothTickAsync();
        Assert.Equal(0, CardsTo(nurse, "Escalated risk EHR-R1"));
        _clock.Advance(TimeSpan.FromMinutes(59));
        await BothTickAsync();
        Assert.Equal(0, CardsTo(nurse, "Escalated risk EHR-R1"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(nurse, "Escalated risk EHR-R1"));
        var history = (await _hostA.Services.GetRequiredService<IRiskStore>().GetAsync(Tenant, new HealthItPm.Domain.Risks.RiskId(Code, 1), default))!.Risk.History;
        Assert.Contains(history, e => e.What == "escalated" && e.After == "level 2: not acknowledged within 1 hour");
    }

    [Fact]
    public async Task An_escalation_Teams_refuses_waits_in_the_outbox_and_is_sent_once_when_it_may_be()
    {
        var (_, nurse) = await SetUpAsync();
        var pmId = new PersonId(TestActivities.PmAadId);
        await _hostA.Services.GetRequiredService<ProjectService>().ChangeAsync(Tenant, pmId, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Leader, StakeholderRole.Nurse, "Nursing")), default);
        var risks = _hostA.Services.GetRequiredService<HealthItPm.Domain.Risks.RiskService>();
        var id = new HealthItPm.Domain.Risks.RiskId(Code, 1);
        Assert.IsType<Outcome<HealthItPm.Domain.Risks.Risk>.Done>(await risks.LogAsync(Tenant, pmId, Code, new HealthItPm.Domain.Risks.NewRisk("Allergy interface drops reactions", null, HealthItPm.Domain.Risks.RiskCategory.PatientSafety, 4, 5, null, null), default));

        // Teams throttles for two minutes: longer than one send waits, so the card stays queued.
        _connector.FailNext(429, retryAfter: "120");
        await BothTickAsync();
        Assert.Equal(0, CardsTo(nurse, "Escalated risk EHR-R1"));
        Assert.Single((await _hostA.Services.GetRequiredService<IRiskStore>().GetAsync(Tenant, id, default))!.Risk.Outbox);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await BothTickAsync();
        Assert.Equal(0, CardsTo(nurse, "Escalated risk EHR-R1"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        await BothTickAsync();
        await BothTickAsync();
        Assert.Equal(1, CardsTo(nurse, "Escalated risk EHR-R1"));
        var risk = (await _hostA.Services.GetRequiredService<IRiskStore>().GetAsync(Tenant, id, default))!.Risk;
        Assert.Empty(risk.Outbox);
        Assert.Equal(["logged", "escalated", "notified"], risk.History.Select(e => e.What));
    }

    [Fact]
    public async Task A_notice_claimed_by_a_host_that_died_is_sent_by_another_after_the_lease()
    {
        var (_, nurse) = await SetUpAsync();
        var pmId = new PersonId(TestActivities.PmAadId);
        await _hostA.Services.GetRequiredService<ProjectService>().ChangeAsync(Tenant, pmId, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(new PersonId(TestActivities.NurseAadId), "Nina Patel", ProjectRole.Leader, StakeholderRole.Nurse, "Nursing")), default);
        var risks = _hostA.Services.GetRequiredService<HealthItPm.Domain.Risks.RiskService>();
        var id = new HealthItPm.Domain.Risks.RiskId(Code, 1);
        Assert.IsType<Outcome<HealthItPm.Domain.Risks.Risk>.Done>(await risks.LogAsync(Tenant, pmId, Code, new HealthItPm.Domain.Risks.NewRisk("Patient portal shows another patient's results", null, HealthItPm.Domain.Risks.RiskCategory.PrivacyRegulatory, 2, 5, null, null), default));

        // Host A decides and claims, then dies before sending.
        await risks.WatchOneAsync(Tenant, id, default);
        Assert.NotNull(await risks.ClaimDueNoticesAsync(Tenant, id, default));
        await _hostB.Services.GetRequiredService<Scheduler>().TickAsync(default);
        Assert.Equal(0, CardsTo(nurse, "Escalated risk EHR-R1"));

        _clock.Advance(HealthItPm.Domain.Risks.NoticeDelivery.ClaimLease);
        await _hostB.Services.GetRequiredService<Scheduler>().TickAsync(default);
        await BothTickAsync();
        Assert.Equal(1, CardsTo(nurse, "Escalated risk EHR-R1"));
    }

    [Fact]
    public async Task After_three_weeks_of_downtime_one_round_catches_up()
    {
        var (_, nurse) = await SetUpAsync();
        var store = _hostA.Services.GetRequiredService<ICheckInStore>();

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 12, 0, 0, TimeSpan.Zero));
        await BothTickAsync();

        var round = Assert.Single(await store.LatestRoundsAsync(Tenant, Code, 10, default));
        Assert.Equal("20261215T1600Z", round.Id);
        Assert.Equal(1, CardsTo(nurse, "EHR check-in"));
    }
}
