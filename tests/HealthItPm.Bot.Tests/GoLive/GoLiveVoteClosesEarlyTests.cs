using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// A go/no-go vote closes as soon as everyone on the panel still on the project has voted, long before its deadline: the
/// last vote's card says it closed, no vote is changed after, and the PM and the panel get the decision once at the next
/// step, nobody twice however many steps follow; someone removed from the project is neither waited for nor reminded. The
/// digest and the status card show the gate.
/// </summary>
[Trait("Needs", "Azurite")]
public class GoLiveVoteClosesEarlyTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);

    private static ChannelAccount Person(int n, string name) =>
        new($"29:early-{n}", name, aadObjectId: new Guid(n, 0x7e7e, 0x4e7e, 0x87, 0, 0, 0, 0, 0, 0, 9).ToString());

    private static readonly ChannelAccount Cio = Person(1, "Dr. Ada Okafor");
    private static readonly ChannelAccount Cmio = Person(2, "Dr. Ben Castillo");
    private static readonly ChannelAccount Cno = Person(3, "Carla Nguyen");
    private static readonly ChannelAccount Former = Person(4, "Finn Security");

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    private DateOnly Today => DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);

    private readonly GoLiveProjectSetup _setup = new(env.Host, env.Connector, env.Clock);

    [Fact]
    public async Task The_vote_closes_when_everyone_still_on_the_project_voted_and_the_decision_goes_out_once()
    {
        var (chats, code, project, round) = await VoteOpenAsync(sponsor: Cio.AadObjectId);
        var pm = chats[TestActivities.Pm];

        // The security lead leaves the project: the vote does not wait for him, and he gets no reminder.
        Assert.IsType<Outcome<Project>.Done>(await Get<ProjectService>().ChangeAsync(
            Tenant, Pm, project, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(new PersonId(Former.AadObjectId)), default));
        object Vote(string choice, string conditions = "") => new { project = code, round = round.Id, choice, conditions, reason = "" };
        Assert.Contains("You can change it", CardText.Of(await chats[Cio].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);

        // The reminder, halfway: the CMIO and the CNO, who have not voted; not the former member.
        env.Clock.Advance(TimeSpan.FromDays(3.5));
        await StepAsync();
        Assert.Single(Cards(chats[Cmio], "Reminder: your go/no-go vote"));
        Assert.Single(Cards(chats[Cno], "Reminder: your go/no-go vote"));
        Assert.Empty(Cards(chats[Former], "Reminder: your go/no-go vote"));
        Assert.Empty(Cards(chats[Cio], "Reminder: your go/no-go vote"));

        await chats[Cmio].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"));
        Assert.True((await Get<IRoundStore>().GetRoundAsync(Tenant, project, GoLiveRounds.Kind, round.Id, default))!.IsOpen(env.Clock.GetUtcNow()));

        // The last vote closes it: its card says so, and a change after is refused.
        env.Clock.Advance(TimeSpan.FromMinutes(10));
        var closedAt = env.Clock.GetUtcNow();
        var last = CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("GoWithConditions", "Super-users on nights")));
        Assert.Contains("The vote closed on", last, StringComparison.Ordinal);
        var stored = (await Get<IRoundStore>().GetRoundAsync(Tenant, project, GoLiveRounds.Kind, round.Id, default))!;
        Assert.Equal(closedAt, stored.ClosesAt);
        Assert.Contains(
            "closed", CardText.Of(await chats[Cio].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.OrdinalIgnoreCase);

        // The next steps: the decision to the PM and the three who voted, once each, days before the deadline.
        await StepAsync();
        env.Clock.Advance(RoundEngine.AnswersSettle);
        await StepAsync();
        await StepAsync();
        foreach (var person in new[] { TestActivities.Pm, Cio, Cmio, Cno })
        {
            Assert.Contains("Go with conditions", Assert.Single(Cards(chats[person], "Go/no-go decision")), StringComparison.Ordinal);
        }

        Assert.Empty(Cards(chats[Former], "Go/no-go decision"));
        var decided = await Get<GoLiveVotes>().LastDecisionAsync(Tenant, project, default);
        Assert.Equal((VoteChoice.GoWithConditions, closedAt), (decided!.Decision.Choice, decided.Round.ClosesAt));
        Assert.Empty(await Get<IRoundStore>().OpenRoundsAsync(default) is var open ? open.Where(o => o.Project == project) : []);

        // The digest shows the gate: its recommendation, days to go, and the decision with its date.
        var digest = CardText.Of(await pm.SayAsync("digest preview " + code));
        Assert.Contains("Go-live gate", digest, StringComparison.Ordinal);
        Assert.Contains("to go", digest, StringComparison.Ordinal);
        Assert.Contains("last decision go with conditions on", digest, StringComparison.Ordinal);

        // The status card: the recommendation and the days to go in one line.
        Assert.Matches(@"Go-live gate:\*\* (no-go|go with conditions|go) · \d+ days to go", CardText.Of(await pm.SayAsync("status " + code)));
    }

    [Fact]
    public async Task A_vote_cast_before_its_voter_left_the_project_still_counts_as_cast()
    {
        var (chats, code, project, round) = await VoteOpenAsync(sponsor: "none");
        object Vote(string choice, string reason = "") => new { project = code, round = round.Id, choice, conditions = "", reason };

        // The security lead votes no-go, then leaves the project; the three others vote go, and the vote closes.
        Assert.Contains(
            "You voted",
            CardText.Of(await chats[Former].SubmitAsync(GoLiveRoundKind.Submit, Vote("NoGo", "Access roles not reviewed"))),
            StringComparison.Ordinal);
        Assert.IsType<Outcome<Project>.Done>(await Get<ProjectService>().ChangeAsync(
            Tenant, Pm, project, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(new PersonId(Former.AadObjectId)), default));
        await chats[Cio].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"));
        await chats[Cmio].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"));
        Assert.Contains(
            "The vote closed on", CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        await StepAsync();
        env.Clock.Advance(RoundEngine.AnswersSettle);
        await StepAsync();

        // His vote stays in the record and the count as he cast it; the decision card goes to those still on the project.
        var record = await Get<GoLiveVotes>().RecordAsync(Tenant, round, default);
        Assert.Equal((3, 1), (record.Tally.Go, record.Tally.NoGo));
        Assert.Equal(VoteChoice.Go, record.Decision.Choice);
        Assert.Contains(record.Votes, v => v.Voter.Name == Former.Name && v.Vote.Choice == VoteChoice.NoGo);
        Assert.Contains(
            $"**{Former.Name}**: No-go", Assert.Single(Cards(chats[TestActivities.Pm], "Go/no-go decision")), StringComparison.Ordinal);
        Assert.Empty(Cards(chats[Former], "Go/no-go decision"));
    }

    // A project with its gate, and a vote open 7 days for the CIO, the CMIO, the CNO and the security lead; each has a chat.
    private async Task<(Dictionary<ChannelAccount, ProjectConversation> Chats, string Code, ProjectCode Project, Round Round)> VoteOpenAsync(
        string sponsor)
    {
        var chats = new Dictionary<ChannelAccount, ProjectConversation>();
        foreach (var person in new[] { TestActivities.Pm, Cio, Cmio, Cno, Former })
        {
            chats[person] = new ProjectConversation(env.Host, env.Connector, person);
            await chats[person].SayAsync("help");
        }

        var pm = chats[TestActivities.Pm];
        var code = await ProjectAsync(pm);
        var project = new ProjectCode(code);
        var date = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await pm.SubmitAsync("golive.set", new { project = code, date, checkpoints = "7" });
        var panel = string.Join(",", new[] { Cio, Cmio, Cno, Former }.Select(p => p.AadObjectId));
        await pm.SubmitAsync("golive.vote.start", new { project = code, panel, sponsor, days = "7" });
        await Get<DeliveryReceiver>().DrainAsync(default);
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 1, default)).Single();
        return (chats, code, project, round);
    }

    private List<string> Cards(ProjectConversation chat, string title) => _setup.Cards(chat, title);

    private Task StepAsync() => _setup.StepAsync();

    private async Task<string> ProjectAsync(ProjectConversation pm)
    {
        var code = "GE" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(30), end = Date(150), timezone = "UTC",
        })), StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
        {
            foreach (var leader in new[] { Cio, Cmio, Cno, Former })
            {
                project.AddMember(new ProjectMember(new PersonId(leader.AadObjectId), leader.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
            }
        }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }
}
