using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Rounds;

/// <summary>
/// The answers' group commit through the running bot: a card tapped twice at once, and a wave answered by everyone at once.
/// Each turn says the answer is in, and what the PM then reads counts each person once.
/// </summary>
[Trait("Needs", "Azurite")]
public class GroupCommitTurnAttackTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private const int People = 30;
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(60);

    private static readonly ChannelAccount[] Nurses = [.. Enumerable.Range(0, People)
        .Select(i => new ChannelAccount(
            $"29:double-{i}", $"Nurse {i}", aadObjectId: new Guid(i, 0x6c6c, 0x4c6c, 0x86, 0, 0, 0, 0, 0, 0, 7).ToString()))];

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_check_in_card_submitted_twice_at_once_by_each_nurse_is_in_for_both_taps_and_counted_once()
    {
        var pm = new ProjectConversation(env.Host, env.Connector, TestActivities.Pm);
        var code = await ProjectAsync(pm, "DT");
        var round = Assert.IsType<Outcome<Round>.Done>(await Get<CheckInService>()
            .StartNowAsync(Tenant, new PersonId(TestActivities.PmAadId), code, RoundSettings.Default, default)).Value;

        // Two thirds of the nurses tap Submit twice in the same moment; every tap is a turn of its own.
        var answering = Nurses.Take(20).ToArray();
        var taps = answering.SelectMany(n => new[] { n, n }).Select(n => SubmitAsync(n, CardVerbs.SubmitCheckIn, new JObject
        {
            ["project"] = code.Value, ["round"] = round.Id, ["status"] = "SomeConcerns", ["impact"] = "3", ["training"] = "false",
        }));
        var replies = await Task.WhenAll(taps).WaitAsync(Hang);

        Assert.All(replies, r => Assert.Contains($"your {code.Value} check-in is in", r, StringComparison.Ordinal));
        var stored = await Get<IRoundStore>().AnswersAsync<CheckInAnswer>(Tenant, round, default);
        Assert.Equal(answering.Select(n => n.AadObjectId).Order(), stored.Select(a => a.Respondent.Value).Order());
        var status = CardText.Of(await pm.SayAsync("checkin status"));
        Assert.Contains($"20 of {People} (67%)", status, StringComparison.Ordinal);
        Assert.Contains("Some concerns\n20", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_wave_answered_by_everyone_at_once_some_twice_counts_each_person_once_for_the_pm()
    {
        var pm = new ProjectConversation(env.Host, env.Connector, TestActivities.Pm);
        var code = await ProjectAsync(pm, "AW");
        var started = CardText.Of(await pm.SubmitAsync(
            CardVerbs.StartSurvey, new { project = code.Value, name = "all at once", days = "7", anonymous = "true" }));
        Assert.Contains($"Sending it to {People} people, anonymously", started, StringComparison.Ordinal);
        var wave = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, code, AdkarRounds.Kind, 1, default)).Single();

        // 25 answer at once, the first 10 of them tapping twice: 2s from the first 10, 4s from the next 15.
        var answering = Nurses.Take(25).ToArray();
        var taps = answering.Select((n, i) => (n, i)).SelectMany(x => x.i < 10 ? new[] { x, x } : [x])
            .Select(x =>
            {
                var score = x.i < 10 ? "2" : "4";
                var data = new JObject { ["project"] = code.Value, ["wave"] = wave.Id, ["comment"] = "" };
                foreach (var element in AdkarAnswer.Elements)
                {
                    data[element.ToString().ToLowerInvariant()] = score;
                }

                return SubmitAsync(x.n, CardVerbs.SubmitSurvey, data);
            });
        var replies = await Task.WhenAll(taps).WaitAsync(Hang);
        Assert.Equal(35, replies.Length);
        Assert.All(replies, r => Assert.Contains("readiness answer is in", r, StringComparison.Ordinal));

        // A week and a day on, the wave has closed and its results are the PM's.
        env.Clock.Advance(TimeSpan.FromDays(8));
        foreach (var open in await Get<IRoundStore>().OpenRoundsAsync(default))
        {
            await Get<RoundSteps>().StepAsync(open, default);
        }

        var results = Assert.IsType<Outcome<AdkarResults>.Done>(await Get<AdkarService>().ResultsAsync(
            Tenant, new PersonId(TestActivities.PmAadId), code, "all at once", default)).Value;
        Assert.Equal((People, 25), (results.AudienceCount, results.AnsweredCount));
        Assert.All(results.Elements, e => Assert.Equal([0, 10, 0, 15, 0], e.Distribution));
        var card = CardText.Of(await pm.SayAsync("adkar results"));
        Assert.Contains($"25 of {People} (83%)", card, StringComparison.Ordinal);
    }

    private async Task<ProjectCode> ProjectAsync(ProjectConversation pm, string prefix)
    {
        await pm.SayAsync("help");
        var code = prefix + UniqueCodes.Letters(5);
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(
            CardVerbs.CreateProject,
            new
            {
                code, name = "Barcode medication administration", kind = "Ehr", start = Date(0), golive = Date(90), end = Date(150),
                timezone = "UTC",
            })),
            StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(
            Tenant, new PersonId(TestActivities.PmAadId), new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
            {
                foreach (var nurse in Nurses)
                {
                    var (person, unit) = (new PersonId(nurse.AadObjectId), Guarded.From("5 East"));
                    project.AddMember(new ProjectMember(person, nurse.Name, ProjectRole.Stakeholder, StakeholderRole.Nurse, unit));
                }
            },
            default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return new ProjectCode(code);
    }

    /// <summary>One tap on a card's button: the text of the card that replaces it.</summary>
    private async Task<string> SubmitAsync(ChannelAccount person, string verb, JObject data)
    {
        using var response = await env.Host.PostAsync(
            TestActivities.Invoke(verb, data, env.Connector.ServiceUrl, "a:" + person.Id, from: person));
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)body["statusCode"]!);
        return CardText.Of((JObject)body["value"]!);
    }
}
