using System.Globalization;
using HealthItPm.Bot.Cards;
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
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// An EHR project as the gate's tests need it, on a bot host with a fake clock: ten clinicians (ICU nurses 0–4, ED 5–9), a
/// sponsor and any other leaders, three milestones; a named ADKAR wave and a check-in answered and closed; three risks. The
/// figures the gate computes from them are known by hand (see <see cref="ReadinessAndCheckInAsync"/> and
/// <see cref="RisksAsync"/>).
/// </summary>
internal sealed class GoLiveProjectSetup(WebApplicationFactory<Program> host, FakeConnector connector, FakeTimeProvider clock)
{
    public static readonly TenantId Tenant = new(TestActivities.Tenant);
    public static readonly PersonId Pm = new(TestActivities.PmAadId);

    public static readonly ChannelAccount Sponsor =
        new("29:sponsor", "Dr. Ada Okafor", aadObjectId: "a1b2c3d4-0000-4000-8000-0000000000aa");

    public static readonly ChannelAccount Outsider =
        new("29:outsider", "Sam Outside", aadObjectId: "a1b2c3d4-0000-4000-8000-0000000000bb");

    public static readonly IReadOnlyList<(ChannelAccount Account, string Department)> Clinicians = [.. Enumerable.Range(0, 10)
        .Select(n => (new ChannelAccount(
            $"29:gate-{n}", $"Clinician {n}", aadObjectId: new Guid(n, 0x6666, 0x4666, 0x86, 0, 0, 0, 0, 0, 0, 6).ToString()),
            n < 5 ? "ICU" : "ED"))];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public ProjectConversation As(ChannelAccount person) => new(host, connector, person);

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>
    /// Creates the project (going live in <paramref name="goLiveInDays"/>), with the clinicians, the sponsor and
    /// <paramref name="leaders"/>; milestones: integrated testing (done), training (in 30 days), cutover (in 90).
    /// </summary>
    public async Task<string> ProjectAsync(ProjectConversation pm, int goLiveInDays, params ChannelAccount[] leaders)
    {
        ArgumentNullException.ThrowIfNull(pm);
        await pm.SayAsync("help");
        var code = "GL" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(goLiveInDays), end = Date(150),
            timezone = "UTC",
        })), StringComparison.Ordinal);
        var today = Today;
        var seeded = await Get<ProjectService>().ChangeAsync(
            Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
            {
                foreach (var (account, department) in Clinicians)
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(account.AadObjectId), account.Name, ProjectRole.Stakeholder, StakeholderRole.Nurse,
                        Guarded.From(department)));
                }

                foreach (var leader in leaders.Prepend(Sponsor))
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(leader.AadObjectId), leader.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
                }

                project.AddMilestone(new Milestone(Guarded.From("Integrated testing")!, today.AddDays(-5), 1, today.AddDays(-2)));
                project.AddMilestone(new Milestone(Guarded.From("End-user training")!, today.AddDays(30), 1));
                project.AddMilestone(new Milestone(Guarded.From("Cutover")!, today.AddDays(90), 1));
            }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }

    /// <summary>
    /// A named ADKAR wave (ICU: 4 with no barrier, 1 with; ED: 3 and 2) and a check-in (1 blocked, 2 asking for training), both
    /// answered by the ten clinicians and closed eight days on.
    /// </summary>
    public async Task ReadinessAndCheckInAsync(ProjectConversation pm, string code)
    {
        ArgumentNullException.ThrowIfNull(pm);
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

            Assert.Contains(
                "readiness answer is in", CardText.Of(await person.SubmitAsync(CardVerbs.SubmitSurvey, survey)), StringComparison.Ordinal);
            await person.SubmitAsync(CardVerbs.SubmitCheckIn, new
            {
                project = code, round = checkIn.Id, status = n == 2 ? "Blocked" : "OnTrack", impact = "1",
                training = n is 5 or 6 ? "true" : "false",
            });
        }

        clock.Advance(TimeSpan.FromDays(8));
        foreach (var open in await rounds.OpenRoundsAsync(default))
        {
            await Get<RoundSteps>().StepAsync(open, default);
        }
    }

    /// <summary>A critical risk (5 × 4); a patient-safety risk with a mitigation, escalated and acknowledged by the sponsor; one without.</summary>
    public async Task RisksAsync(string code)
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

    /// <summary>The texts of the cards sent to <paramref name="chat"/> that hold <paramref name="title"/>.</summary>
    public List<string> Cards(ProjectConversation chat, string title)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return [.. connector.SentActivities(chat.ConversationId)
            .Select(a => CardText.Of(Teams.MessagesEndpointTests.CardOf(a)))
            .Where(t => t.Contains(title, StringComparison.Ordinal))];
    }

    /// <summary>Every open round's step, as the scheduler's tick takes it, then the deliveries it queued.</summary>
    public async Task StepAsync()
    {
        foreach (var open in await Get<IRoundStore>().OpenRoundsAsync(default))
        {
            await Get<RoundSteps>().StepAsync(open, default);
        }

        await Get<Bot.Delivery.DeliveryReceiver>().DrainAsync(default);
    }

    /// <summary>The checkpoint job's passes, as the scheduler's ticks would run it.</summary>
    public async Task CheckpointTicksAsync(int ticks)
    {
        var job = Get<IEnumerable<Bot.Scheduling.IScheduledJob>>().OfType<Features.GoLive.CheckpointJob>().Single();
        for (var i = 0; i < ticks; i++)
        {
            await job.RunAsync(default);
        }
    }

    /// <summary>Criterion numbers of the project's gate by template key.</summary>
    public async Task<Func<string, int>> NumbersAsync(string code)
    {
        var gate = (await Get<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate;
        return key => gate.Criteria.Single(c => c.TemplateKey == key).Number;
    }

    /// <summary>The computed criteria of a gate on this project, as worked out by hand from what the set-up made.</summary>
    public static void AssertComputedAsByHand(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        CriterionResult Of(string key) => scorecard.Criteria.Single(c => c.Criterion.TemplateKey == key);
        // Milestones planned by the date: integrated testing (done) and training (not): 1 of 2.
        Assert.Equal(
            (CriterionState.NotMet, 1m, 2), (Of("MilestonesDone").State, Of("MilestonesDone").Figure, Of("MilestonesDone").OutOf!.Value));
        // ADKAR: ICU 4 of 5 without a barrier (0.8, at the threshold), ED 3 of 5 (0.6, below): 7 of 10 = 0.7 < 0.8.
        Assert.Equal((CriterionState.NotMet, 0.7m), (Of("Readiness").State, Of("Readiness").Figure));
        Assert.Equal([new DepartmentBelow("ED", 0.6m)], Of("Readiness").Below!);
        // One open critical risk (5 × 4 = 20); one patient-safety risk without a mitigation (the other acknowledged, mitigated).
        Assert.Equal((CriterionState.NotMet, 1m), (Of("NoCriticalRisk").State, Of("NoCriticalRisk").Figure));
        Assert.Equal((CriterionState.NotMet, 1m), (Of("PatientSafetyHandled").State, Of("PatientSafetyHandled").Figure));
        // The check-in: 10 answered, 1 blocked: 0.1 ≤ 0.1 met; 2 asked for training > 0.
        Assert.Equal((CriterionState.Met, 0.1m), (Of("FewBlocked").State, Of("FewBlocked").Figure));
        Assert.Equal((CriterionState.NotMet, 2m), (Of("TrainingRequestsAnswered").State, Of("TrainingRequestsAnswered").Figure));
    }
}
