using System.Globalization;
using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Readiness;

/// <summary>
/// The done-when of readiness surveys: a PM runs two anonymous waves on a project with 60 clinicians
/// in 4 departments, through the real bot against Azurite, and the results equal a hand computation.
/// The fourth department has 4 people: it is never shown.
/// </summary>
[Trait("Needs", "Azurite")]
public class AdkarTwoWavesTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    // 60 clinicians: ICU 20 nurses, ED 20 physicians, Pharmacy 16 pharmacists, Radiology 4 clinicians.
    private static readonly (string Department, StakeholderRole Discipline, int Count)[] Departments =
        [("ICU", StakeholderRole.Nurse, 20), ("ED", StakeholderRole.Physician, 20), ("Pharmacy", StakeholderRole.Pharmacist, 16), ("Radiology", StakeholderRole.Clinician, 4)];

    private static readonly IReadOnlyList<(ChannelAccount Account, string Department)> Clinicians = [.. Departments
        .SelectMany(d => Enumerable.Range(0, d.Count).Select(i => (d.Department, i)))
        .Select((x, n) => (new ChannelAccount($"29:clinician-{n}", $"Clinician {n} ({x.Department})", aadObjectId: new Guid(n, 0x5555, 0x4555, 0x85, 0, 0, 0, 0, 0, 0, 5).ToString()), x.Department))];

    private ProjectConversation As(ChannelAccount person) => new(env.Host, env.Connector, person);

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task Two_waves_on_sixty_clinicians_equal_the_hand_computation_and_a_group_of_four_is_never_shown_nor_left_to_subtraction()
    {
        var pm = As(TestActivities.Pm);
        await pm.SayAsync("help");
        var code = await ProjectWithCliniciansAsync(pm);

        // Wave 1, "pre go-live" (anonymous). Who answers what (A D K A R):
        //   ICU 20 of 20: 4 4 3 4 4 (barrier point Knowledge)   ED 15 of 20: 2 5 5 5 5 (Awareness)
        //   Pharmacy 16 of 16: 5 5 5 5 5 (none)                  Radiology 4 of 4: 3 3 3 3 3 (Awareness)
        var first = await RunWaveAsync(pm, code, "pre go-live", new() { ["ICU"] = (20, "44344"), ["ED"] = (15, "25555"), ["Pharmacy"] = (16, "55555"), ["Radiology"] = (4, "33333") });
        // 55 answers of the 60 (the PM is not in the audience).
        Assert.Equal((60, 55), (first.AudienceCount, first.AnsweredCount));
        // Awareness (20·4 + 15·2 + 16·5 + 4·3) / 55 = 202/55 = 3.67; 2s 15, 3s 4, 4s 20, 5s 16; the 28th of 55 sorted is a 4.
        // Desire, Ability, Reinforcement (80 + 75 + 80 + 12) / 55 = 247/55 = 4.49; 3s 4, 4s 20, 5s 31; median 5.
        // Knowledge (20·3 + 75 + 80 + 12) / 55 = 227/55 = 4.13; 3s 24, 5s 31; median 5.
        AssertElements(first, [(3.67m, 4m, [0, 15, 4, 20, 16]), (4.49m, 5m, [0, 0, 4, 20, 31]), (4.13m, 5m, [0, 0, 24, 0, 31]), (4.49m, 5m, [0, 0, 4, 20, 31]), (4.49m, 5m, [0, 0, 4, 20, 31])]);
        // Barrier points: Awareness 15 + 4 = 19, Knowledge 20, none 16: Knowledge dominates.
        Assert.Equal([19, 0, 20, 0, 0], AdkarAnswer.Elements.Select(e => first.BarrierPoints[e]));
        Assert.Equal((16, 0.2909m), (first.WithoutBarrier, first.WithoutBarrierShare));
        Assert.Equal(AdkarElement.Knowledge, first.DominantBarrier);
        Assert.Equal([Intervention.TargetedTraining, Intervention.JobAids], first.Interventions);
        // Radiology (4) would be the totals minus the three others: the smallest shown, ED (15), joins it in "other":
        // Awareness (15·2 + 4·3) / 19 = 2.21, the rest (15·5 + 4·3) / 19 = 4.58. Disciplines are not shown beside
        // departments in an anonymous wave.
        AssertGroups(first.ByDepartment, [("ICU", 20, [4m, 4m, 3m, 4m, 4m]), ("Pharmacy", 16, [5m, 5m, 5m, 5m, 5m]), (GroupProfile.Other, 19, [2.21m, 4.58m, 4.58m, 4.58m, 4.58m])]);
        Assert.True(first.ByDiscipline.Withheld);
        Assert.Empty(first.ByDiscipline.Shown);
        Assert.Null(first.Change);

        // Wave 2, "go-live + 30 days": ICU 20: 4 4 4 4 4; ED 10: 4 5 5 5 5 and 10: 4 4 4 3 4 (Ability);
        // Pharmacy 10 of 16: 5 5 5 5 5; Radiology 4: 4 4 4 4 4.
        var second = await RunWaveAsync(pm, code, "go-live + 30 days", new() { ["ICU"] = (20, "44444"), ["ED"] = (20, "45555|44434"), ["Pharmacy"] = (10, "55555"), ["Radiology"] = (4, "44444") });
        Assert.Equal((60, 54), (second.AudienceCount, second.AnsweredCount));
        // Awareness (80 + 80 + 50 + 16) / 54 = 226/54 = 4.19; Desire, Knowledge, Reinforcement (80 + 90 + 50 + 16) / 54 = 4.37;
        // Ability (80 + 10·5 + 10·3 + 50 + 16) / 54 = 226/54 = 4.19 with 3s 10, 4s 24, 5s 20; every median 4.
        AssertElements(second, [(4.19m, 4m, [0, 0, 0, 44, 10]), (4.37m, 4m, [0, 0, 0, 34, 20]), (4.37m, 4m, [0, 0, 0, 34, 20]), (4.19m, 4m, [0, 0, 10, 24, 20]), (4.37m, 4m, [0, 0, 0, 34, 20])]);
        Assert.Equal([0, 0, 0, 10, 0], AdkarAnswer.Elements.Select(e => second.BarrierPoints[e]));
        Assert.Equal(AdkarElement.Ability, second.DominantBarrier);
        Assert.Equal([Intervention.Coaching, Intervention.PracticeTime, Intervention.SuperUsersAtTheElbow], second.Interventions);
        // Equal sizes go in name order; ED: Desire (10·5 + 10·4)/20 = 4.5, Ability (10·5 + 10·3)/20 = 4.0.
        // Pharmacy (10) joins Radiology (4) in "other": (10·5 + 4·4) / 14 = 4.71.
        AssertGroups(second.ByDepartment, [("ED", 20, [4m, 4.5m, 4.5m, 4m, 4.5m]), ("ICU", 20, [4m, 4m, 4m, 4m, 4m]), (GroupProfile.Other, 14, [4.71m, 4.71m, 4.71m, 4.71m, 4.71m])]);
        // Change: means 4.19 − 3.67 = +0.52, 4.37 − 4.49 = −0.12, 4.37 − 4.13 = +0.24, 4.19 − 4.49 = −0.30, −0.12;
        // barrier-point shares: Awareness 0 − 19/55, Knowledge 0 − 20/55, Ability 10/54 − 0; no barrier 44/54 − 16/55.
        var change = second.Change!;
        Assert.Equal("pre go-live", change.PreviousWave);
        Assert.Equal([0.52m, -0.12m, 0.24m, -0.30m, -0.12m], change.MeanDeltas);
        Assert.Equal(-0.3455m, change.BarrierShareDeltas[AdkarElement.Awareness]);
        Assert.Equal(0m, change.BarrierShareDeltas[AdkarElement.Desire]);
        Assert.Equal(-0.3636m, change.BarrierShareDeltas[AdkarElement.Knowledge]);
        Assert.Equal(0.1852m, change.BarrierShareDeltas[AdkarElement.Ability]);
        Assert.Equal(0.8148m - 0.2909m, change.WithoutBarrierShareDelta);

        // The PM's card says the same, and never shows Radiology (4 people).
        var card = CardText.Of(await pm.SayAsync("adkar results"));
        Assert.Contains("go-live + 30 days", card, StringComparison.Ordinal);
        Assert.Contains("54 of 60 (90%)", card, StringComparison.Ordinal);
        Assert.Contains("Ability (19% stop here)", card, StringComparison.Ordinal);
        Assert.Contains("mean 4.19 · median 4 · 1–5: 0 / 0 / 10 / 24 / 20", card, StringComparison.Ordinal);
        Assert.Contains("ED · 20", card, StringComparison.Ordinal);
        Assert.Contains("Since pre go-live", card, StringComparison.Ordinal);
        Assert.Contains("mean +0.52 · stopping here \u221235 pts", card, StringComparison.Ordinal);
        Assert.Contains("groups under 5 people are merged into Other (with the next smallest where needed", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Radiology", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinician 1", card, StringComparison.Ordinal);
        var firstCard = CardText.Of(await pm.SayAsync("adkar results pre go-live"));
        Assert.Contains("55 of 60 (92%)", firstCard, StringComparison.Ordinal);
        Assert.DoesNotContain("Radiology", firstCard, StringComparison.Ordinal);

        // The waves list names both.
        var waves = CardText.Of(await pm.SayAsync("adkar waves"));
        Assert.Contains("pre go-live", waves, StringComparison.Ordinal);
        Assert.Contains("go-live + 30 days", waves, StringComparison.Ordinal);

        // The project's readiness is the latest closed wave's, on the status card and for the digest.
        var readiness = await Get<AdkarService>().LatestReadinessAsync(Tenant, new ProjectCode(code), default);
        Assert.Equal(("go-live + 30 days", 54, 0.8148m, AdkarElement.Ability, 0m), (readiness!.Wave, readiness.Respondents, readiness.WithoutBarrierShare, readiness.DominantBarrier, readiness.AwarenessOrDesireShare));
        var status = CardText.Of(await pm.SayAsync("status " + code));
        Assert.Contains("Readiness (ADKAR)", status, StringComparison.Ordinal);
        Assert.Contains("Dominant barrier\nAbility", status, StringComparison.Ordinal);

        // Stored anonymous answers are not keyed by anyone's id: no answer row names a clinician.
        var table = new TableClient(env.Azurite.ConnectionString, "CheckIns");
        var answersOfWaves = $"PartitionKey ge '{TestActivities.Tenant}|{code}|adkar|' and PartitionKey lt '{TestActivities.Tenant}|{code}|adkar}}'";
        var rows = table.Query<TableEntity>(answersOfWaves)
            .Where(r => r.RowKey.StartsWith("adkar|answer|", StringComparison.Ordinal)).ToList();
        Assert.Equal(55 + 54, rows.Count);
        Assert.DoesNotContain(rows, r => Clinicians.Any(c => r.RowKey.Contains(c.Account.AadObjectId, StringComparison.OrdinalIgnoreCase)));
    }

    private async Task<string> ProjectWithCliniciansAsync(ProjectConversation pm)
    {
        var code = "RD" + UniqueCodes.Letters(5);
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Epic EHR go-live", kind = "Ehr", start = Date(0), golive = Date(120), end = Date(180), timezone = "UTC" })), StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, new PersonId(TestActivities.PmAadId), new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
        {
            foreach (var (account, department) in Clinicians)
            {
                project.AddMember(new ProjectMember(new PersonId(account.AadObjectId), account.Name, ProjectRole.Stakeholder, Departments.Single(d => d.Department == department).Discipline, Guarded.From(department)));
            }
        }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }

    /// <summary>Starts a wave through the form, has each department's first N clinicians answer through their card, closes it after 8 days, and reads its results as the PM.</summary>
    private async Task<AdkarResults> RunWaveAsync(ProjectConversation pm, string code, string name, Dictionary<string, (int Answering, string Scores)> answers)
    {
        var form = CardText.Of(await pm.SayAsync("adkar start"));
        Assert.Contains("ADKAR readiness survey", form, StringComparison.Ordinal);
        var started = CardText.Of(await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name, days = "7", anonymous = "true" }));
        Assert.Contains($"Readiness survey \u201c{name}\u201d started", started, StringComparison.Ordinal);
        Assert.Contains("Sending it to 60 people, anonymously", started, StringComparison.Ordinal);
        var wave = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), AdkarRounds.Kind, 1, default)).Single();
        Assert.Equal(name, wave.Name);

        foreach (var (department, (answering, scores)) in answers)
        {
            var people = Clinicians.Where(c => c.Department == department).Take(answering).ToList();
            var patterns = scores.Split('|');
            for (var i = 0; i < people.Count; i++)
            {
                var pattern = patterns[i * patterns.Length / people.Count];
                var data = new JObject { ["project"] = code, ["wave"] = wave.Id, ["comment"] = "" };
                foreach (var element in AdkarAnswer.Elements)
                {
                    data[element.ToString().ToLowerInvariant()] = pattern[(int)element].ToString();
                }

                var answered = CardText.Of(await As(people[i].Account).SubmitAsync(CardVerbs.SubmitSurvey, data));
                Assert.Contains("readiness answer is in", answered, StringComparison.Ordinal);
            }
        }

        // Eight days on the wave has closed: the scheduler's step sends the results to the PM.
        env.Clock.Advance(TimeSpan.FromDays(8));
        foreach (var open in await Get<IRoundStore>().OpenRoundsAsync(default))
        {
            await Get<RoundSteps>().StepAsync(open, default);
        }

        // The wave's last step kept its count and closed it.
        Assert.NotNull(await Get<IRoundStore>().TallyAsync<WaveTally>(Tenant, wave, default));
        Assert.Null(await Get<IRoundStore>().GetOpenRoundAsync(Tenant, wave.Project, AdkarRounds.Kind, wave.Id, default));
        // ... and destroyed the key that linked people to their answers.
        var keys = new TableClient(env.Azurite.ConnectionString, "RoundKeys");
        Assert.Empty(keys.Query<TableEntity>($"PartitionKey eq '{TestActivities.Tenant}|{code}'").ToList());

        // ... and its stored answers keep only the groups its results show, and no time of their own.
        var stored = new TableClient(env.Azurite.ConnectionString, "CheckIns")
            .Query<TableEntity>($"PartitionKey eq '{TestActivities.Tenant}|{code}|adkar|{wave.Id}'")
            .Where(r => r.RowKey.StartsWith($"adkar|answer|{wave.Id}|", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stored);
        Assert.All(stored, r => Assert.Equal(wave.ClosesAt, r.GetDateTimeOffset("At")));
        Assert.All(stored, r => Assert.Equal(nameof(StakeholderRole.Other), r.GetString("Discipline")));
        Assert.DoesNotContain(stored, r => r.GetString("Department") == "Radiology");
        Assert.All(stored.GroupBy(r => r.GetString("Department")), g => Assert.True(g.Count() >= AdkarResults.MinimumGroupSize));

        await Get<DeliveryReceiver>().DrainAsync(default);
        var sent = env.Connector.SentActivities(pm.ConversationId).Select(a => CardText.Of(MessagesEndpointTests.CardOf(a))).Where(t => t.Contains($"{code} readiness results: {name}", StringComparison.Ordinal)).ToList();
        Assert.Single(sent);
        Assert.DoesNotContain("Radiology", sent[0], StringComparison.Ordinal);

        var results = await Get<AdkarService>().ResultsAsync(Tenant, new PersonId(TestActivities.PmAadId), new ProjectCode(code), name, default);
        return Assert.IsType<Outcome<AdkarResults>.Done>(results).Value;
    }

    private static void AssertElements(AdkarResults results, (decimal Mean, decimal Median, int[] Distribution)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Mean), results.Elements.Select(e => e.Mean));
        Assert.Equal(expected.Select(e => e.Median), results.Elements.Select(e => e.Median));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Distribution, results.Elements[i].Distribution);
        }
    }

    private static void AssertGroups(GroupBreakdown groups, (string? Group, int Respondents, decimal[] Means)[] expected)
    {
        Assert.Equal(expected.Select(g => (g.Group, g.Respondents)), groups.Shown.Select(g => (g.Group, g.Respondents)));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Means, groups.Shown[i].Means);
        }

        // The group of 4 and the smallest shown group are merged into "other": nobody is left out to be worked
        // out as the totals minus the shown groups. (Read after the close, the answers keep only "other".)
        Assert.True(groups.AnythingMerged);
        Assert.Equal(0, groups.HiddenRespondents);
        Assert.DoesNotContain(groups.Shown, g => g.Respondents < AdkarResults.MinimumGroupSize);
    }
}
