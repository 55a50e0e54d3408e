using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>
/// A CIO subscribed to a portfolio of six projects in different phases gets one digest every Monday at
/// 07:00 their time (Los Angeles: 15:00 UTC), on two hosts, through a restart and <c>digest now</c>
/// twice; its figures and "what changed" equal what is computed by hand below.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class WeeklyDigestTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string CioChat = "a:cio-chat";
    private const string Digest = "Weekly digest";
    private static readonly PersonId Cio = new(TestActivities.CioAadId);
    private static readonly DateOnly Nov = new(2026, 11, 1);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private DateTimeOffset Now => _hosts.Clock.GetUtcNow();

    private async Task ChangeAsync(string code, Action<Project, DateOnly> change) =>
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageMilestones, change, default));

    private async Task CreateAsync(string code, string name, ProjectPhase phase, int goLiveInDays, Action<Project, DateOnly>? setUp = null)
    {
        var today = D(11, 30);
        var creator = new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().CreateAsync(Tenant, creator, new NewProject(code, Guarded.From(name), ProjectKind.Ehr, Nov, today.AddDays(goLiveInDays), today.AddDays(goLiveInDays + 60), "America/Chicago"), default));
        await ChangeAsync(code, (p, day) =>
        {
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
            p.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
            if (phase != ProjectPhase.Planning)
            {
                p.MoveTo(phase, Pm, Now);
            }

            setUp?.Invoke(p, day);
        });
    }

    private Task LogRiskAsync(string code, string title, RiskCategory category, int probability, int impact, PersonId? owner) =>
        _hosts.Get<IRiskStore>().AddAsync(Tenant, Risk.Log(new RiskId(new ProjectCode(code), 1), Guarded.From(title), null, category, new RiskRating(probability, impact), owner, null, null, Pm, Now), default);

    /// <summary>Monday 30 November 2026, 12:00 UTC (06:00 in Chicago, 04:00 in Los Angeles): six projects, the CIO leads them all.</summary>
    private async Task SeedPortfolioAsync()
    {
        // EHR: PV = 100k × 50% = 50k, EV = 50k, AC = 62.5k → SPI 1.00, CPI 0.80 (amber); Config due in 4 days.
        await CreateAsync("EHR", "Epic EHR go-live", ProjectPhase.Build, 60, (p, today) =>
        {
            p.SetBudget(100_000);
            p.AddMilestone(new Milestone(Guarded.From("Design"), D(11, 20), 50, D(11, 20)));
            p.AddMilestone(new Milestone(Guarded.From("Config"), D(12, 4), 10));
            p.AddMilestone(new Milestone(Guarded.From("Build"), D(12, 20), 40));
            p.RecordSpend(new SpendEntry(62_500, D(11, 25), null), today);
        });

        // PACS: Integration 20 days late (red); PV = 200k, EV = 0 → SPI 0.00; nothing spent → CPI n/a.
        await CreateAsync("PACS", "PACS replacement", ProjectPhase.Testing, 45, (p, _) =>
        {
            p.SetBudget(200_000);
            p.AddMilestone(new Milestone(Guarded.From("Integration"), D(11, 10), 100));
        });

        // PORTAL: nothing to measure yet.
        await CreateAsync("PORTAL", "Patient portal", ProjectPhase.Planning, 120);

        // ERX, LAB: on plan (SPI = CPI = 1.00); ERX's no-show rate moved (16.5 − 18) ÷ (12 − 18) = 25% of the way.
        foreach (var (code, phase) in new[] { ("ERX", ProjectPhase.Training), ("LAB", ProjectPhase.Stabilization), ("TELE", ProjectPhase.GoLive) })
        {
            await CreateAsync(code, code + " project", phase, 30, (p, today) =>
            {
                p.SetBudget(100_000);
                p.AddMilestone(new Milestone(Guarded.From("Pilot"), D(11, 20), 100, D(11, 20)));
                p.RecordSpend(new SpendEntry(100_000, D(11, 20), null), today);
                if (code == "ERX")
                {
                    p.AddKpi(new Kpi(Guarded.From("No-show rate"), Guarded.From("%"), 18, 12, KpiDirection.LowerIsBetter, [new KpiMeasurement(D(11, 27), 16.5m)]));
                }
            });
        }

        // TELE: an open high risk (3 × 4 = 12) owned by the nurse makes it amber.
        await LogRiskAsync("TELE", "Video vendor outage", RiskCategory.Vendor, 3, 4, Nurse);

        // EHR's check-in, the PM including herself: the PM and the nurse are asked, the nurse answers "blocked": 1 of 2.
        // It closes two hours on, before the digest: the digest reports closed rounds, not one still taking answers.
        var withPm = RoundSettings.Default with
        {
            RemindAfter = TimeSpan.FromHours(1), CloseAfter = TimeSpan.FromHours(2), Audience = Audience.Everyone with { ProjectManagers = true },
        };
        var round = Assert.IsType<Outcome<Round>.Done>(await _hosts.Get<CheckInService>().StartNowAsync(Tenant, Pm, new ProjectCode("EHR"), withPm, default)).Value;
        var answer = CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), null, false);
        Assert.IsType<Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Done>(await _hosts.Get<CheckInService>().SubmitAsync(Tenant, Nurse, new ProjectCode("EHR"), round.Id, answer, default));

        await _hosts.GiveChatAsync(Pm, PmChat);
        await _hosts.GiveChatAsync(Cio, CioChat);
        Assert.IsType<Outcome<DigestSubscription>.Done>(await _hosts.Get<DigestSubscriptions>().SubscribeAsync(Tenant, Cio, null, "America/Los_Angeles", default));
    }

    private async Task<PortfolioDigest> AsDeliveredAsync() =>
        await _hosts.Get<DigestService>().ComposeAsync((await _hosts.Get<IDigestStore>().GetAsync(Tenant, Cio, default))!.Subscription, keepSnapshots: false, default);

    private static (string, string, string, string) Figures(ProjectDigest p) =>
        (p.Code.Value, DigestCard.Label(p.Rag), p.Spi.Value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a", p.Cpi.Value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a");

    private string LastDigest() => _hosts.Connector.SentActivities(CioChat).Last(a => a.ToString().Contains(Digest, StringComparison.Ordinal)).ToString();

    [Fact]
    public async Task A_cio_gets_exactly_one_digest_every_monday_at_seven_their_time_with_figures_computed_by_hand()
    {
        await SeedPortfolioAsync();

        // 14:59 UTC is 06:59 in Los Angeles: nothing yet.
        _hosts.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(59));
        await _hosts.BothTickAsync();
        Assert.Equal(0, _hosts.CardsTo(CioChat, Digest));

        // 07:00 in Los Angeles: one digest, whichever host ticks, however often.
        await _hosts.AfterAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, _hosts.CardsTo(CioChat, Digest));

        var first = await AsDeliveredAsync();
        Assert.Equal("2026-W49", first.Week.ToString());
        Assert.Equal((1, 2, 1, 2), (first.ByRag[DigestRag.Red], first.ByRag[DigestRag.Amber], first.ByRag[DigestRag.Unknown], first.ByRag[DigestRag.Green]));
        Assert.Equal(
            [("PACS", "Red", "0.00", "n/a"), ("EHR", "Amber", "1.00", "0.80"), ("TELE", "Amber", "1.00", "1.00"), ("PORTAL", "Not enough data", "n/a", "n/a"), ("ERX", "Green", "1.00", "1.00"), ("LAB", "Green", "1.00", "1.00")],
            first.Projects.Select(Figures));
        var ehr = first.Projects.Single(p => p.Code.Value == "EHR");
        Assert.Equal((ProjectPhase.Build, 60), (ehr.Phase, ehr.DaysToGoLive));
        Assert.Equal(["Config"], ehr.DueSoon.Select(m => m.Name));
        Assert.Equal(new CheckInLine(2, 1, 0.5m, CheckInTrend.FirstRound), ehr.CheckIns);
        Assert.Equal([("Integration", 20)], first.Projects.Single(p => p.Code.Value == "PACS").Missed.Select(m => (m.Name, m.DaysLate)));
        Assert.Equal([("TELE-R1", "Nina Patel", DigestWait.Mitigation)], first.Projects.Single(p => p.Code.Value == "TELE").Risks.Select(r => (r.Id.ToString(), r.WaitingOn?.Name, r.WaitingFor)));
        Assert.Equal(0.25m, first.Projects.Single(p => p.Code.Value == "ERX").Kpis.Single().Progress.Value);
        Assert.Equal(["TELE-R1 logged: Video vendor outage (high, score 12)"], first.Changes.Select(DigestChangeText.Of));
        Assert.Equal(6, first.NoRecordOfLastWeek.Count);

        var card = LastDigest();
        Assert.Contains("Projects by status: 1 red, 2 amber, 1 not enough data, 2 green", card, StringComparison.Ordinal);
        Assert.Contains("1.00 / 0.80", card, StringComparison.Ordinal);
        Assert.Contains("50% answered (1 of 2)", card, StringComparison.Ordinal);
        Assert.Contains("No readiness survey yet", card, StringComparison.Ordinal);

        // The week: a risk logged on LAB (Tuesday), PACS's integration done (Wednesday), TELE's risk closed (Thursday).
        _hosts.Clock.Advance(TimeSpan.FromDays(1));
        await _hosts.Get<IRiskStore>().AddAsync(Tenant, Risk.Log(new RiskId(new ProjectCode("LAB"), 1), Guarded.From("Analyzer interface drops results"), null, RiskCategory.TechnicalIntegration, new RiskRating(4, 3), null, null, null, Pm, Now), default);
        await _hosts.BothTickAsync();
        _hosts.Clock.Advance(TimeSpan.FromDays(1));
        await ChangeAsync("PACS", (p, today) => p.CompleteMilestone("Integration", today, today));
        await _hosts.BothTickAsync();
        _hosts.Clock.Advance(TimeSpan.FromDays(1));
        var tele = (await _hosts.Get<IRiskStore>().GetAsync(Tenant, new RiskId(new ProjectCode("TELE"), 1), default))!;
        tele.Risk.Close(Pm, Now);
        Assert.True(await _hosts.Get<IRiskStore>().SaveAsync(Tenant, tele, default));
        await _hosts.BothTickAsync();

        // A host restarts; the week goes on; still one digest.
        await _hosts.RestartHostAAsync();
        _hosts.Clock.Advance(TimeSpan.FromDays(4) - TimeSpan.FromMinutes(1));
        await _hosts.BothTickAsync();
        Assert.Equal(1, _hosts.CardsTo(CioChat, Digest));

        // Monday 7 December, 07:00 in Los Angeles: the second digest, once.
        await _hosts.AfterAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _hosts.CardsTo(CioChat, Digest));
        var second = await AsDeliveredAsync();
        Assert.Equal("2026-W50", second.Week.ToString());
        Assert.Equal((0, 2, 1, 3), (second.ByRag[DigestRag.Red], second.ByRag[DigestRag.Amber], second.ByRag[DigestRag.Unknown], second.ByRag[DigestRag.Green]));

        // EHR: PV = 100k × 60% = 60k, EV = 50k → SPI 0.83; CPI still 0.80. PACS: EV = PV = 200k → SPI 1.00, nothing spent.
        Assert.Equal(
            [("EHR", "Amber", "0.83", "0.80"), ("LAB", "Amber", "1.00", "1.00"), ("PORTAL", "Not enough data", "n/a", "n/a"), ("ERX", "Green", "1.00", "1.00"), ("PACS", "Green", "1.00", "n/a"), ("TELE", "Green", "1.00", "1.00")],
            second.Projects.Select(Figures));
        Assert.Equal(
            [
                "EHR: milestone “Config” slipped: planned 2026-12-04, not done",
                "LAB: Green → Amber",
                "PACS: Red → Green",
                "PACS: milestone “Integration” done 2026-12-02, 22 days late",
                "TELE: Amber → Green",
                "LAB-R1 logged: Analyzer interface drops results (high, score 12)",
                "TELE-R1 closed by Priya Shah: Video vendor outage",
            ],
            second.Changes.Select(DigestChangeText.Of));
        Assert.True(second.RagChangesKnown);
        Assert.Contains("TELE: Amber → Green", LastDigest(), StringComparison.Ordinal);

        // Ticks later that Monday and a restart send nothing more.
        await _hosts.RestartHostAAsync();
        await _hosts.AfterAsync(TimeSpan.FromHours(3));
        Assert.Equal(2, _hosts.CardsTo(CioChat, Digest));
    }

    [Fact]
    public async Task Digest_now_started_twice_and_the_monday_schedule_send_one_digest_that_week()
    {
        await SeedPortfolioAsync();
        var service = _hosts.Get<DigestService>();
        var sender = _hosts.Get<DigestSender>();

        // The PM sends now, twice (a double click, or two PMs), before Monday 07:00 in Los Angeles.
        foreach (var _ in new[] { 1, 2 })
        {
            var targets = Assert.IsType<Outcome<IReadOnlyList<(PersonId Leader, IsoWeek Week)>>.Done>(await service.SendNowAsync(Tenant, Pm, default)).Value;
            Assert.Equal([(Cio, new IsoWeek(2026, 49))], targets);
            await sender.QueueAsync(Tenant, targets, default);
        }

        await _hosts.BothDeliverAsync();
        await _hosts.BothDeliverAsync();
        Assert.Equal(1, _hosts.CardsTo(CioChat, Digest));

        // Monday 07:00 their time comes: this week's digest has gone, nothing more; next Monday's does.
        await _hosts.RestartHostAAsync();
        await _hosts.AfterAsync(TimeSpan.FromHours(3));
        Assert.Equal(1, _hosts.CardsTo(CioChat, Digest));
        await _hosts.AfterAsync(TimeSpan.FromDays(7));
        Assert.Equal(2, _hosts.CardsTo(CioChat, Digest));
    }

    [Fact]
    public async Task A_leader_who_unsubscribes_gets_nothing_and_someone_who_leads_nothing_is_told_why()
    {
        await SeedPortfolioAsync();
        var service = _hosts.Get<DigestSubscriptions>();

        Assert.IsType<Outcome<DigestSubscription?>.Done>(await service.UnsubscribeAsync(Tenant, Cio, null, default));
        await _hosts.AfterAsync(TimeSpan.FromHours(3));
        Assert.Equal(0, _hosts.CardsTo(CioChat, Digest));

        var refused = Assert.IsType<Outcome<DigestSubscription>.Refused>(await service.SubscribeAsync(Tenant, Nurse, null, null, default));
        Assert.Equal(Refusal.OnNoProject(ProjectAction.ReceiveDigest, Who.Leaders), refused.Reason);
        Assert.IsType<Outcome<DigestSubscription>.Refused>(await service.SubscribeAsync(Tenant, Nurse, new ProjectCode("EHR"), null, default));
    }
}
