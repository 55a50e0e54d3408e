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
/// The panel's go/no-go vote on the running bot against Azurite with a fake clock: the PM opens it for a panel of six (the
/// sponsor marked, the CMIO owning a must-criterion), each gets one card through the pipeline; an outsider, a stakeholder
/// not on the panel, a former panel member and tampered cards are refused with nothing stored; five vote (the CMIO's no-go,
/// a veto, changed later to go with conditions), the vote closing when the last still on the project votes; the decision
/// equals the rule and goes to the PM and the panel, once each, with who voted what and when.
/// </summary>
[Trait("Needs", "Azurite")]
public class GoLiveVoteFlowTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);

    private static ChannelAccount Person(int n, string name) =>
        new($"29:vote-{n}", name, aadObjectId: new Guid(n, 0x7777, 0x4777, 0x87, 0, 0, 0, 0, 0, 0, 7).ToString());

    private static readonly ChannelAccount Sponsor = Person(1, "Dr. Ada Okafor");
    private static readonly ChannelAccount Cmio = Person(2, "Dr. Ben Castillo");
    private static readonly ChannelAccount Cno = Person(3, "Carla Nguyen");
    private static readonly ChannelAccount Pharmacy = Person(4, "Dev Pharmacist");
    private static readonly ChannelAccount DataLead = Person(5, "Erin Data");
    private static readonly ChannelAccount Former = Person(6, "Finn Security");
    private static readonly ChannelAccount Nurse = Person(7, "Gina Nurse");
    private static readonly ChannelAccount Outsider = Person(8, "Sam Outside");

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    private DateOnly Today => DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);

    private readonly GoLiveProjectSetup _setup = new(env.Host, env.Connector, env.Clock);

    [Fact]
    public async Task A_panel_of_five_votes_a_veto_is_withdrawn_and_the_decision_follows_the_rule_with_every_card_sent_once()
    {
        var chats = new Dictionary<ChannelAccount, ProjectConversation>();
        foreach (var person in new[] { TestActivities.Pm, Sponsor, Cmio, Cno, Pharmacy, DataLead, Former, Nurse, Outsider })
        {
            chats[person] = new ProjectConversation(env.Host, env.Connector, person);
            await chats[person].SayAsync("help");
        }

        var pm = chats[TestActivities.Pm];
        var code = await ProjectAsync(pm);
        var project = new ProjectCode(code);

        // The gate from the EHR template; the CMIO owns the build sign-off, a must.
        var date = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(
            "Go-live gate saved",
            CardText.Of(await pm.SubmitAsync("golive.set", new { project = code, date, checkpoints = "30, 7" })),
            StringComparison.Ordinal);
        var gate = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate;
        var signOff = gate.Criteria.Single(c => c.TemplateKey == "WorkflowSignOff").Number;
        Assert.Contains($"Criterion #{signOff} Clinical workflows validated and build signed off saved", CardText.Of(await pm.SubmitAsync("golive.edit", new
        {
            project = code, criterion = signOff.ToString(CultureInfo.InvariantCulture), action = "keep",
            importance = "keep", owner = Cmio.AadObjectId, threshold = "", subject = "", stale = "",
        })), StringComparison.Ordinal);

        // The form ticks the project's leaders; only a PM may open it.
        var form = await pm.SayAsync("golive vote " + code);
        var ticked = ((string?)CardText.Input(form, "panel")!["value"])!.Split(',').ToHashSet();
        Assert.Equal(new[] { Sponsor, Cmio, Cno, Pharmacy }.Select(p => p.AadObjectId).ToHashSet(), ticked);
        var panel = string.Join(",", new[] { Sponsor, Cmio, Cno, Pharmacy, DataLead, Former }.Select(p => p.AadObjectId));
        var start = new { project = code, panel, sponsor = Sponsor.AadObjectId, days = "2" };
        Assert.Contains("Only", CardText.Of(await chats[Nurse].SubmitAsync("golive.vote.start", start)), StringComparison.Ordinal);
        Assert.Empty(await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 1, default));
        Assert.Contains("Sending the vote to 6 people", CardText.Of(await pm.SubmitAsync("golive.vote.start", start)), StringComparison.Ordinal);
        await Get<DeliveryReceiver>().DrainAsync(default);
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 1, default)).Single();

        // Each of the panel got one vote card, with the scorecard's recommendation; the nurse none.
        foreach (var member in new[] { Sponsor, Cmio, Cno, Pharmacy, DataLead, Former })
        {
            var card = Assert.Single(Cards(chats[member], "Go/no-go vote"));
            Assert.Contains("Recommendation: no-go", card, StringComparison.Ordinal);
        }

        Assert.Empty(Cards(chats[Nurse], "Go/no-go vote"));

        // The security lead leaves the project before voting.
        Assert.IsType<Outcome<Project>.Done>(await Get<ProjectService>().ChangeAsync(
            Tenant, Pm, project, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(new PersonId(Former.AadObjectId)), default));

        object Vote(string choice, string conditions = "", string reason = "", string? round_ = null, string? project_ = null) => new
        {
            project = project_ ?? code, round = round_ ?? round.Id, choice, conditions, reason,
        };

        // Refused, with nothing stored: an outsider, a stakeholder not on the panel, a former panel member, a card naming
        // another round, and a card naming another project.
        const string NotYours = "was not sent to you or is no longer available";
        Assert.Contains(NotYours, CardText.Of(await chats[Outsider].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        Assert.Contains(NotYours, CardText.Of(await chats[Nurse].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        Assert.Contains(NotYours, CardText.Of(await chats[Former].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        Assert.Contains(
            NotYours, CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go", round_: "20261101T0000Z"))), StringComparison.Ordinal);
        Assert.Contains(
            NotYours, CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go", project_: "ZZNONE"))), StringComparison.Ordinal);
        Assert.Empty(await Get<IRoundStore>().AnswersAsync<GoLiveVote>(Tenant, round, default));

        // What a vote needs comes back on the card: a choice; conditions for go with conditions; a reason without PHI.
        Assert.Contains(
            "Pick go, go with conditions or no-go", CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote(""))), StringComparison.Ordinal);
        Assert.Contains(
            "The list of conditions is required.", CardText.Of(await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("GoWithConditions"))), StringComparison.Ordinal);
        var phi = CardText.Of(await chats[Pharmacy].SubmitAsync(
            GoLiveRoundKind.Submit, Vote("NoGo", reason: "Patient MRN 48213377 had a wrong dose in the test")));
        Assert.DoesNotContain("48213377", phi, StringComparison.Ordinal);
        Assert.Empty(await Get<IRoundStore>().AnswersAsync<GoLiveVote>(Tenant, round, default));

        // Four vote; the CMIO, owner of a must, votes no-go: a veto.
        Assert.Contains("You voted", CardText.Of(await chats[Sponsor].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        await chats[Cno].SubmitAsync(GoLiveRoundKind.Submit, Vote("GoWithConditions", conditions: "Super-users on every night shift"));
        await chats[Pharmacy].SubmitAsync(GoLiveRoundKind.Submit, Vote("NoGo", reason: "Dispensing cabinets not yet interfaced"));
        env.Clock.Advance(TimeSpan.FromMinutes(5));
        await chats[Cmio].SubmitAsync(GoLiveRoundKind.Submit, Vote("NoGo", reason: "Order sets not signed off"));
        var votes = Get<GoLiveVotes>();
        var before = await votes.RecordAsync(Tenant, round, default);
        Assert.Equal((VoteChoice.NoGo, DecidedBy.Veto), (before.Decision.Choice, before.Decision.By));

        // Hours later the CMIO changes his vote: "Change vote" shows his own, and his new one replaces it.
        env.Clock.Advance(TimeSpan.FromHours(3));
        var change = await chats[Cmio].SubmitAsync(GoLiveRoundKind.Change, new { project = code, round = round.Id });
        Assert.Equal("NoGo", (string?)CardText.Input(change, "choice")!["value"]);
        Assert.Equal("Order sets not signed off", (string?)CardText.Input(change, "reason")!["value"]);
        await chats[Cmio].SubmitAsync(GoLiveRoundKind.Submit, Vote("GoWithConditions", conditions: "Order sets signed off by Friday"));

        // The reminder goes to nobody who voted, nor to the former member: only the data lead.
        env.Clock.Advance(TimeSpan.FromDays(1));
        await StepAsync();
        foreach (var member in new[] { Sponsor, Cmio, Cno, Pharmacy, Former })
        {
            Assert.Empty(Cards(chats[member], "Reminder: your go/no-go vote"));
        }

        Assert.Single(Cards(chats[DataLead], "Reminder: your go/no-go vote"));

        // The data lead votes last of those still on the project: the vote closes then, not at its deadline.
        Assert.Contains(
            "The vote closed on", CardText.Of(await chats[DataLead].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);

        // The deadline: the decision by the rule: no veto left; for going 4 (sponsor, CMIO, CNO, data lead), no-go 1: go with
        // conditions, both conditions carried in the order given.
        env.Clock.Advance(TimeSpan.FromDays(1) + RoundEngine.AnswersSettle);
        await StepAsync();
        await StepAsync();
        var record = await votes.RecordAsync(Tenant, round, default);
        Assert.Equal((VoteChoice.GoWithConditions, DecidedBy.Majority), (record.Decision.Choice, record.Decision.By));
        Assert.Equal(
            ["Super-users on every night shift", "Order sets signed off by Friday"],
            record.Decision.Conditions.Select(c => c.Answer.Conditions!.Value));
        Assert.Equal((2, 2, 1, 0, 6), (record.Tally.Go, record.Tally.GoWithConditions, record.Tally.NoGo, record.Tally.Vetoes, record.Tally.Panel));
        Assert.Equal(
            [(Sponsor.Name, VoteChoice.Go), (Cno.Name, VoteChoice.GoWithConditions), (Pharmacy.Name, VoteChoice.NoGo),
                (Cmio.Name, VoteChoice.GoWithConditions), (DataLead.Name, VoteChoice.Go)],
            record.Votes.Select(v => (v.Voter.Name, v.Vote.Choice)));
        Assert.True(record.Votes.Single(v => v.Voter.Name == Sponsor.Name).Sponsor);
        Assert.True(record.Votes.Single(v => v.Voter.Name == Cmio.Name).MustOwner);

        // The PM and the five still on the project get the decision once; the former member and the nurse do not; every vote
        // card went out once.
        foreach (var person in new[] { TestActivities.Pm, Sponsor, Cmio, Cno, Pharmacy, DataLead })
        {
            var result = Assert.Single(Cards(chats[person], "Go/no-go decision"));
            Assert.Contains("Go with conditions", result, StringComparison.Ordinal);
            Assert.Contains("Order sets signed off by Friday", result, StringComparison.Ordinal);
            Assert.Contains($"**{Pharmacy.Name}**: No-go", result, StringComparison.Ordinal);
            Assert.Contains("1 of the panel did not vote", result, StringComparison.Ordinal);
        }

        Assert.Empty(Cards(chats[Former], "Go/no-go decision"));
        Assert.Empty(Cards(chats[Nurse], "Go/no-go decision"));
        foreach (var member in new[] { Sponsor, Cmio, Cno, Pharmacy, DataLead, Former })
        {
            Assert.Single(Cards(chats[member], "Go/no-go vote ·"));
        }

        // The scorecard shows the last decision to anyone on the project.
        Assert.Contains(
            "The panel's last decision",
            CardText.Of(await chats[Nurse].SayAsync("golive status " + code)),
            StringComparison.Ordinal);

        // Closed: no vote is taken any more.
        Assert.Contains(
            "closed", CardText.Of(await chats[Pharmacy].SubmitAsync(GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(VoteChoice.NoGo, (await votes.RecordAsync(Tenant, round, default)).Votes.Single(v => v.Voter.Name == Pharmacy.Name).Vote.Choice);
    }

    private List<string> Cards(ProjectConversation chat, string title) => _setup.Cards(chat, title);

    private Task StepAsync() => _setup.StepAsync();

    private async Task<string> ProjectAsync(ProjectConversation pm)
    {
        var code = "GV" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(30), end = Date(150), timezone = "UTC",
        })), StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
        {
            foreach (var leader in new[] { Sponsor, Cmio, Cno, Pharmacy })
            {
                project.AddMember(new ProjectMember(new PersonId(leader.AadObjectId), leader.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
            }

            foreach (var (person, role) in new[] { (DataLead, StakeholderRole.It), (Former, StakeholderRole.It), (Nurse, StakeholderRole.Nurse) })
            {
                project.AddMember(new ProjectMember(new PersonId(person.AadObjectId), person.Name, ProjectRole.Stakeholder, role, null));
            }
        }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }
}
