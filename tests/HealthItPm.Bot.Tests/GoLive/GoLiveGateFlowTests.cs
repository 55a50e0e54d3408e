using System.Globalization;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// The done-when of the gate's first part, on the running bot against Azurite with a fake clock: an EHR project with an
/// ADKAR wave, risks, milestones and a check-in; the PM sets the gate from the EHR template 45 days out; the computed
/// criteria equal a hand computation; two owners attest (one goes stale); the checkpoints 30 and 7 days before are kept
/// once each, with the owners to remind.
/// </summary>
[Trait("Needs", "Azurite")]
public class GoLiveGateFlowTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = GoLiveProjectSetup.Tenant;
    private static readonly PersonId Pm = GoLiveProjectSetup.Pm;
    private static readonly ChannelAccount Outsider = GoLiveProjectSetup.Outsider;
    private static readonly IReadOnlyList<(ChannelAccount Account, string Department)> Clinicians = GoLiveProjectSetup.Clinicians;
    private readonly GoLiveProjectSetup _setup = new(env.Host, env.Connector, env.Clock);

    private ProjectConversation As(ChannelAccount person) => _setup.As(person);

    private T Get<T>()
        where T : notnull => _setup.Get<T>();

    private DateOnly Today => _setup.Today;

    [Fact]
    public async Task An_ehr_gate_45_days_out_scores_as_computed_by_hand_and_keeps_the_checkpoints_30_and_7_days_before_once()
    {
        var pm = As(TestActivities.Pm);
        var code = await _setup.ProjectAsync(pm, goLiveInDays: 60);
        var project = new ProjectCode(code);
        var nurse = new PersonId(Clinicians[0].Account.AadObjectId);
        await _setup.ReadinessAndCheckInAsync(pm, code);
        await _setup.RisksAsync(code);

        // The PM sets the gate 45 days out; outsiders and stakeholders may not, and nothing is stored.
        var date = Today.AddDays(45);
        var set = new { project = code, date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), checkpoints = "90, 60, 30, 7" };
        Assert.Contains("Only", CardText.Of(await As(Clinicians[1].Account).SubmitAsync("golive.set", set)), StringComparison.Ordinal);
        Assert.Contains("not on a project", CardText.Of(await As(Outsider).SubmitAsync("golive.set", set)), StringComparison.Ordinal);
        Assert.Null(await Get<IGateStore>().GetAsync(Tenant, project, default));
        var saved = CardText.Of(await pm.SubmitAsync("golive.set", set));
        Assert.Contains("Go-live gate saved", saved, StringComparison.Ordinal);
        Assert.Contains("Recommendation: no-go", saved, StringComparison.Ordinal);

        // The PM hands the build sign-off to the ICU nurse, who attests it met; the PM attests downtime tests met too.
        var gate = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate;
        Assert.Equal(GateTemplates.For(ProjectKind.Ehr).Select(t => t.Key), gate.Criteria.Select(c => c.TemplateKey));
        int Number(string key) => gate.Criteria.Single(c => c.TemplateKey == key).Number;
        var edited = CardText.Of(await pm.SubmitAsync("golive.edit", new
        {
            project = code, criterion = Number("WorkflowSignOff").ToString(CultureInfo.InvariantCulture), action = "keep",
            importance = "keep", owner = nurse.Value, threshold = "", subject = "", stale = "",
        }));
        Assert.Contains(
            $"Criterion #{Number("WorkflowSignOff")} Clinical workflows validated and build signed off saved",
            edited,
            StringComparison.Ordinal);
        var service = Get<GoLiveService>();
        Assert.IsType<Outcome<GateCriterion>.Done>(await service.AttestAsync(
            Tenant, Pm, project, Number("DowntimeTested"), AttestedState.Met, Guarded.From("Downtime drill on all units, 11/30")!, default));
        Assert.IsType<Outcome<GateCriterion>.Invalid>(await service.AttestAsync(
            Tenant, Pm, project, Number("WorkflowSignOff"), AttestedState.Met, Guarded.From("Signed")!, default));

        // The computed criteria against the hand computation (the scorecard a stakeholder sees):
        var view = Assert.IsType<Outcome<GateView>.Done>(await service.ScorecardAsync(Tenant, nurse, project, default)).Value.Scorecard;
        CriterionResult Of(string key) => view.Criteria.Single(c => c.Criterion.TemplateKey == key);
        GoLiveProjectSetup.AssertComputedAsByHand(view);
        Assert.Equal(CriterionState.Met, Of("DowntimeTested").State);
        Assert.Equal((CriterionState.Unknown, UnknownWhy.NotAttested), (Of("WorkflowSignOff").State, Of("WorkflowSignOff").Why));
        Assert.Equal(2, view.Met);
        Assert.Equal((45, Recommendation.NoGo), (view.DaysToGo, view.Recommendation));
        Assert.Equal(2, view.CriticalItems.Count);

        // The readiness threshold lowered to 70 %: overall 0.7 reaches it, ED (0.6) does not: still not met.
        await pm.SubmitAsync("golive.edit", new
        {
            project = code, criterion = Number("Readiness").ToString(CultureInfo.InvariantCulture), action = "keep",
            importance = "keep", owner = "keep", threshold = "70", subject = "", stale = "",
        });
        view = Assert.IsType<Outcome<GateView>.Done>(await service.ScorecardAsync(Tenant, nurse, project, default)).Value.Scorecard;
        Assert.Equal((CriterionState.NotMet, 0.7m), (Of("Readiness").State, Of("Readiness").Criterion.Threshold));
        Assert.Equal([new DepartmentBelow("ED", 0.6m)], Of("Readiness").Below!);

        // Day 14: the nurse attests the sign-off. Day 15 (30 days before): the checkpoint is kept, once, on two ticks.
        env.Clock.Advance(TimeSpan.FromDays(14));
        Assert.IsType<Outcome<GateCriterion>.Done>(await service.AttestAsync(
            Tenant, nurse, project, Number("WorkflowSignOff"), AttestedState.Met, Guarded.From("Build reviewed with the ICU super-users")!, default));
        env.Clock.Advance(TimeSpan.FromDays(1));
        await _setup.CheckpointTicksAsync(2);
        var kept = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate.Checkpoints;
        // Met: downtime (attested day 0, 15 days ago: stale after 14, not known), sign-off (day 14), no-blocked: 2 of 19.
        Assert.Equal([(30, 2)], kept.Select(k => (k.DaysBefore, k.Met)));
        Assert.Equal(CriterionState.Unknown, kept[0].Criteria.Single(c => c.Number == Number("DowntimeTested")).State);
        Assert.Equal(CriterionState.Met, kept[0].Criteria.Single(c => c.Number == Number("WorkflowSignOff")).State);
        // The nurse's one criterion is met: only the PM, who owns every other, is to be reminded.
        Assert.Equal([Pm], kept[0].Remind);

        // Day 38 (7 days before): the sign-off attested 24 days ago is stale too: 1 of 19 met; the owners to remind are the PM
        // and the nurse. Ticks after it keep nothing more.
        env.Clock.Advance(TimeSpan.FromDays(23));
        await _setup.CheckpointTicksAsync(3);
        kept = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate.Checkpoints;
        Assert.Equal([(30, 2), (7, 1)], kept.Select(k => (k.DaysBefore, k.Met)));
        Assert.Equal(new HashSet<PersonId> { nurse, Pm }, kept[1].Remind.ToHashSet());
        Assert.All(kept, k => Assert.Equal(Recommendation.NoGo, k.Recommendation));

        // The scorecard shows the trend; the status card the recommendation in one line; an outsider is refused.
        var card = CardText.Of(await As(Clinicians[3].Account).SayAsync("golive status " + code));
        Assert.Contains("30 days before", card, StringComparison.Ordinal);
        Assert.Contains("7 days before", card, StringComparison.Ordinal);
        Assert.Contains("7 days to go", card, StringComparison.Ordinal);
        Assert.DoesNotContain("golive add", card, StringComparison.Ordinal);
        Assert.Contains("Go-live gate:** no-go", CardText.Of(await pm.SayAsync("status " + code)), StringComparison.Ordinal);
        var outsider = CardText.Of(await As(Outsider).SayAsync("golive status " + code));
        Assert.Contains("not on any project", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("Go-live gate", outsider, StringComparison.Ordinal);
    }
}
