using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

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
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);
    private static readonly ChannelAccount Sponsor = new("29:sponsor", "Dr. Ada Okafor", aadObjectId: "a1b2c3d4-0000-4000-8000-0000000000aa");
    private static readonly ChannelAccount Outsider = new("29:outsider", "Sam Outside", aadObjectId: "a1b2c3d4-0000-4000-8000-0000000000bb");

    // Ten clinicians: ICU nurses 0–4, ED physicians 5–9.
    private static readonly IReadOnlyList<(ChannelAccount Account, string Department)> Clinicians = [.. Enumerable.Range(0, 10)
        .Select(n => (new ChannelAccount($"29:gate-{n}", $"Clinician {n}", aadObjectId: new Guid(n, 0x6666, 0x4666, 0x86, 0, 0, 0, 0, 0, 0, 6).ToString()),
            n < 5 ? "ICU" : "ED"))];

    private ProjectConversation As(ChannelAccount person) => new(env.Host, env.Connector, person);

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    private DateOnly Today => DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task An_ehr_gate_45_days_out_scores_as_computed_by_hand_and_keeps_the_checkpoints_30_and_7_days_before_once()
    {
        var pm = As(TestActivities.Pm);
        var code = await ProjectAsync(pm);
        var project = new ProjectCode(code);
        var nurse = new PersonId(Clinicians[0].Account.AadObjectId);
        await ReadinessAndCheckInAsync(pm, code);
        await RisksAsync(code);

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
        // Milestones planned by the date: integrated testing (done) and training (not): 1 of 2.
        Assert.Equal((CriterionState.NotMet, 1m, 2), (Of("MilestonesDone").State, Of("MilestonesDone").Figure, Of("MilestonesDone").OutOf!.Value));
        // ADKAR: ICU 4 of 5 without a barrier (0.8, at the threshold), ED 3 of 5 (0.6, below): 7 of 10 = 0.7 < 0.8.
        Assert.Equal((CriterionState.NotMet, 0.7m), (Of("Readiness").State, Of("Readiness").Figure));
        Assert.Equal([new DepartmentBelow("ED", 0.6m)], Of("Readiness").Below!);
        // One open critical risk (5 × 4 = 20); one patient-safety risk without a mitigation (the other acknowledged, mitigated).
        Assert.Equal((CriterionState.NotMet, 1m), (Of("NoCriticalRisk").State, Of("NoCriticalRisk").Figure));
        Assert.Equal((CriterionState.NotMet, 1m), (Of("PatientSafetyHandled").State, Of("PatientSafetyHandled").Figure));
        // The check-in: 10 answered, 1 blocked: 0.1 ≤ 0.1 met; 2 asked for training > 0.
        Assert.Equal((CriterionState.Met, 0.1m), (Of("FewBlocked").State, Of("FewBlocked").Figure));
        Assert.Equal((CriterionState.NotMet, 2m), (Of("TrainingRequestsAnswered").State, Of("TrainingRequestsAnswered").Figure));
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
        await TicksAsync(2);
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
        await TicksAsync(3);
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

    private async Task TicksAsync(int ticks)
    {
        var job = Get<IEnumerable<Bot.Scheduling.IScheduledJob>>().OfType<CheckpointJob>().Single();
        for (var i = 0; i < ticks; i++)
        {
            await job.RunAsync(default);
        }
    }

    private async Task<string> ProjectAsync(ProjectConversation pm)
    {
        await pm.SayAsync("help");
        var code = "GL" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(60), end = Date(150), timezone = "UTC",
        })), StringComparison.Ordinal);
        var today = Today;
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
        {
            foreach (var (account, department) in Clinicians)
            {
                project.AddMember(new ProjectMember(
                    new PersonId(account.AadObjectId), account.Name, ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From(department)));
            }

            project.AddMember(new ProjectMember(new PersonId(Sponsor.AadObjectId), Sponsor.Name, ProjectRole.Leader, StakeholderRole.Leader, null));

            // Planned by the gate's date (8 + 45 days on): testing (done) and training; cutover after it.
            project.AddMilestone(new Milestone(Guarded.From("Integrated testing")!, today.AddDays(-5), 1, today.AddDays(-2)));
            project.AddMilestone(new Milestone(Guarded.From("End-user training")!, today.AddDays(30), 1));
            project.AddMilestone(new Milestone(Guarded.From("Cutover")!, today.AddDays(90), 1));
        }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }

    // A named ADKAR wave (ICU: 4 with no barrier, 1 with; ED: 3 and 2) and a check-in (1 blocked, 2 asking for training), both
    // answered by the ten clinicians and closed eight days on.
    private async Task ReadinessAndCheckInAsync(ProjectConversation pm, string code)
    {
        Assert.Contains("started", CardText.Of(await pm.SubmitAsync(
            CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "false" })), StringComparison.Ordinal);
        await pm.SayAsync("checkin now " + code);
        var rounds = Get<IRoundStore>();
        var wave = (await rounds.LatestRoundsAsync(Tenant, new ProjectCode(code), AdkarRounds.Kind, 1, default)).Single();
        var checkIn = (await rounds.LatestRoundsAsync(Tenant, new ProjectCode(code), CheckInRounds.Kind, 1, default)).Single();
        for (var n = 0; n < Clinicians.Count; n++)
        {
            var person = As(Clinicians[n].Account);
            var barrier = n is 4 or 8 or 9;
            var survey = new JObject { ["project"] = code, ["wave"] = wave.Id, ["comment"] = "" };
            foreach (var element in AdkarAnswer.Elements)
            {
                survey[element.ToString().ToLowerInvariant()] = barrier ? "3" : "5";
            }

            Assert.Contains("readiness answer is in", CardText.Of(await person.SubmitAsync(CardVerbs.SubmitSurvey, survey)), StringComparison.Ordinal);
            await person.SubmitAsync(CardVerbs.SubmitCheckIn, new
            {
                project = code, round = checkIn.Id, status = n == 2 ? "Blocked" : "OnTrack", impact = "1", training = n is 5 or 6 ? "true" : "false",
            });
        }

        env.Clock.Advance(TimeSpan.FromDays(8));
        foreach (var open in await rounds.OpenRoundsAsync(default))
        {
            await Get<RoundSteps>().StepAsync(open, default);
        }
    }

    // A critical risk (5 × 4); a patient-safety risk with a mitigation, escalated and acknowledged by the sponsor; one without.
    private async Task RisksAsync(string code)
    {
        var register = Get<RiskRegister>();
        var project = new ProjectCode(code);
        async Task<Risk> LogAsync(string title, RiskCategory category, int p, int i, string? mitigation) =>
            Assert.IsType<Outcome<Risk>.Done>(await register.LogAsync(
                Tenant,
                Pm,
                project,
                new NewRisk(Guarded.From(title)!, null, category, p, i, Guarded.From(mitigation), mitigation is null ? null : Today.AddDays(20)),
                default)).Value;
        await LogAsync("Interface engine cannot keep up at peak", RiskCategory.TechnicalIntegration, 5, 4, "Second engine node");
        var mitigated = await LogAsync("Wrong-dose alerts off in the build", RiskCategory.PatientSafety, 3, 4, "Pharmacy re-enables alerts");
        await LogAsync("Allergy list not converted for some units", RiskCategory.PatientSafety, 2, 2, null);
        await Get<RiskEscalation>().WatchOneAsync(Tenant, mitigated.Id, default);
        Assert.IsType<Outcome<(Project, Risk)>.Done>(
            await Get<RiskChanges>().AcknowledgeAsync(Tenant, new PersonId(Sponsor.AadObjectId), mitigated.Id, default));
    }
}
