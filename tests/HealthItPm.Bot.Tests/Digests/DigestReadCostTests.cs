using HealthItPm.Bot.Features.Audit;
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
/// What a digest reads grows with the week's facts, not with the project's history: after weeks of
/// check-ins and of risks logged and closed, the same week's worth of facts costs the same storage requests.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class DigestReadCostTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private static readonly PersonId Cio = new(TestActivities.CioAadId);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private DateTimeOffset Now => _hosts.Clock.GetUtcNow();

    /// <summary>A week on EHR, from Monday noon to Monday noon: on Wednesday a check-in the nurse answers, a risk logged, last week's closed.</summary>
    private async Task LiveAWeekAsync(int week)
    {
        _hosts.Clock.Advance(TimeSpan.FromDays(2));
        var checkIns = _hosts.Get<CheckInService>();
        var round = Assert.IsType<Outcome<Round>.Done>(await checkIns.StartNowAsync(Tenant, Pm, Code, RoundSettings.Default, default)).Value;
        Assert.IsType<Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Done>(await checkIns.SubmitAsync(Tenant, Nurse, Code, round.Id, CheckInAnswer.Create(CheckInStatus.OnTrack, new WorkflowImpact(1), null, false), default));

        var risks = _hosts.Get<IRiskStore>();
        await risks.AddAsync(Tenant, Risk.Log(new RiskId(Code, week), Guarded.From($"Interface risk {week}"), null, RiskCategory.TechnicalIntegration, new RiskRating(3, 4), Nurse, null, null, Pm, Now), default);
        if (week > 1)
        {
            var last = (await risks.GetAsync(Tenant, new RiskId(Code, week - 1), default))!;
            last.Risk.Close(Pm, Now);
            Assert.True(await risks.SaveAsync(Tenant, last, default));
        }

        _hosts.Clock.Advance(TimeSpan.FromDays(5));
    }

    [Fact]
    public async Task The_check_in_pulse_read_cold_after_eight_weeks_costs_what_it_cost_after_three()
    {
        await _hosts.SetUpProjectAsync();
        using var requests = new StorageRequestCounter(azurite.TablePort);
        async Task<(CheckInPulse? Pulse, long Requests)> ColdReadAsync()
        {
            // A host just started keeps no round yet: every round the read needs is a request.
            await _hosts.RestartHostAAsync();
            var pulse = _hosts.Get<ICheckInPulse>();
            // What the host does as it starts (its tables made sure of) is not the read's.
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (read, answered, _) = await requests.MeasureAsync(() => pulse.LatestAsync(Tenant, Code, default));
            return (read, answered);
        }

        for (var week = 1; week <= 3; week++)
        {
            await LiveAWeekAsync(week);
        }

        var early = await ColdReadAsync();
        for (var week = 4; week <= 8; week++)
        {
            await LiveAWeekAsync(week);
        }

        var late = await ColdReadAsync();

        Assert.NotNull(late.Pulse);
        Assert.Equal(early.Requests, late.Requests);
    }

    [Fact]
    public async Task A_digest_after_eight_weeks_of_history_reads_what_it_read_after_two_and_lists_only_this_weeks_changes()
    {
        await _hosts.SetUpProjectAsync();
        await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive"))), default);
        var digests = _hosts.Get<DigestService>();
        using var requests = new StorageRequestCounter(azurite.TablePort);
        async Task<(PortfolioDigest Digest, long Requests)> PreviewAsync()
        {
            // The audit entries of the week's changes are written in the background: written first, they are not the read's.
            await _hosts.Get<AuditWriter>().FlushAsync(default);
            var (digest, answered, _) = await requests.MeasureAsync(async () => Assert.IsType<Outcome<PortfolioDigest>.Done>(await digests.PreviewAsync(Tenant, Cio, Code, "UTC", default)).Value);
            return (digest, answered);
        }

        // The first read of a week counts its closed rounds once and keeps the counts; what is compared is
        // what every later read costs.
        await LiveAWeekAsync(1);
        await LiveAWeekAsync(2);
        await PreviewAsync();
        var early = await PreviewAsync();
        for (var week = 3; week <= 8; week++)
        {
            await LiveAWeekAsync(week);
        }

        await PreviewAsync();
        var late = await PreviewAsync();

        Assert.Equal(early.Requests, late.Requests);
        Assert.Equal(["EHR-R7 closed by Priya Shah: Interface risk 7", "EHR-R8 logged: Interface risk 8 (high, score 12)"], late.Digest.Changes.Select(DigestChangeText.Of).Order(StringComparer.Ordinal));
        Assert.Equal(["EHR-R8"], late.Digest.Projects.Single().Risks.Select(r => r.Id.ToString()));
    }
}
