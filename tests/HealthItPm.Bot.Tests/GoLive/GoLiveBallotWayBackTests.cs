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
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// A nurse on the panel goes from her ballot to the scorecard and back, before and after voting, by the cards' own buttons
/// (she may not type <c>golive vote</c>); the scorecard shows the open vote in counts only; while it is open the PM is not
/// offered another, and one asked for anyway is refused before its form and at Send, with nothing opened.
/// </summary>
[Trait("Needs", "Azurite")]
public class GoLiveBallotWayBackTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);

    private static readonly ChannelAccount Nurse =
        new("29:ballot-nurse", "Gina Nurse", aadObjectId: new Guid(1, 0x8888, 0x4888, 0x88, 0, 0, 0, 0, 0, 0, 8).ToString());

    private static readonly ChannelAccount Cio =
        new("29:ballot-cio", "Dr. Ada Okafor", aadObjectId: new Guid(2, 0x8888, 0x4888, 0x88, 0, 0, 0, 0, 0, 0, 8).ToString());

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    private DateOnly Today => DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_voter_gets_from_her_ballot_to_the_scorecard_and_back_with_her_vote_and_no_second_vote_opens()
    {
        var pm = new ProjectConversation(env.Host, env.Connector, TestActivities.Pm);
        var nurse = new ProjectConversation(env.Host, env.Connector, Nurse);
        var cio = new ProjectConversation(env.Host, env.Connector, Cio);
        foreach (var chat in new[] { pm, nurse, cio })
        {
            await chat.SayAsync("help");
        }

        var code = await ProjectAsync(pm);
        var project = new ProjectCode(code);
        var date = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await pm.SubmitAsync("golive.set", new { project = code, date, checkpoints = "7" });
        var panel = string.Join(",", Nurse.AadObjectId, Cio.AadObjectId);
        var start = new { project = code, panel, sponsor = Cio.AadObjectId, days = "2" };
        Assert.Contains("Sending the vote to 2 people", CardText.Of(await pm.SubmitAsync("golive.vote.start", start)), StringComparison.Ordinal);
        await Get<DeliveryReceiver>().DrainAsync(default);
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 1, default)).Single();

        // Before voting: the ballot's Scorecard button brings the scorecard (not "pick a vote"), with the way back.
        var ballot = BallotOf(nurse);
        var scorecard = await TapAsync(nurse, ballot, "Scorecard");
        var text = CardText.Of(scorecard);
        Assert.Contains("Go-live gate · " + code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pick go, go with conditions or no-go", text, StringComparison.Ordinal);
        Assert.Contains("0 of the panel of 2 voted", text, StringComparison.Ordinal);
        var again = await TapAsync(nurse, scorecard, "Back to my vote");
        Assert.NotNull(CardText.Input(again, GoLiveVoteCard.ChoiceInput));
        Assert.Null((string?)CardText.Input(again, GoLiveVoteCard.ChoiceInput)!["value"]);

        // She votes; from "Change vote" to the scorecard and back, her vote is on the ballot; the scorecard tells counts only.
        await nurse.SubmitAsync(
            GoLiveRoundKind.Submit, new { project = code, round = round.Id, choice = "NoGo", conditions = "", reason = "Nights short" });
        var change = await nurse.SubmitAsync(GoLiveRoundKind.Change, new { project = code, round = round.Id });
        scorecard = await TapAsync(nurse, change, "Scorecard");
        text = CardText.Of(scorecard);
        Assert.Contains("1 of the panel of 2 voted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nights short", text, StringComparison.Ordinal);
        again = await TapAsync(nurse, scorecard, "Back to my vote");
        Assert.Equal("NoGo", (string?)CardText.Input(again, GoLiveVoteCard.ChoiceInput)!["value"]);
        Assert.Equal("Nights short", (string?)CardText.Input(again, GoLiveVoteCard.ReasonInput)!["value"]);

        // The PM (not on the panel) sees the vote, no way to a ballot, and no other vote offered; one asked for is refused before the form and at Send.
        var pmScorecard = await pm.SayAsync("golive status " + code);
        Assert.Contains("A go/no-go vote is open until", CardText.Of(pmScorecard), StringComparison.Ordinal);
        Assert.DoesNotContain(Titles(pmScorecard), t => t is "Go/no-go vote" or "Back to my vote");
        var typed = await pm.SayAsync("golive vote " + code);
        Assert.Null(CardText.Input(typed, "panel"));
        Assert.Contains($"A go/no-go vote on {code} is open until", CardText.Of(typed), StringComparison.Ordinal);
        env.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(
            $"A go/no-go vote on {code} is open until",
            CardText.Of(await pm.SubmitAsync("golive.vote.start", start)),
            StringComparison.Ordinal);
        var refused = await Get<GoLiveVotes>().StartAsync(
            Tenant, Pm, project, [new PersonId(Cio.AadObjectId)], null, TimeSpan.FromDays(1), default);
        Assert.Equal(GoLiveProblem.VoteAlreadyOpen, Assert.IsType<Outcome<Round>.Invalid>(refused).Problem.Code);
        Assert.Single(await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 4, default));

        // Once it closed, the PM may open the next vote.
        env.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Contains("Go/no-go vote", Titles(await pm.SayAsync("golive status " + code)));
        Assert.IsType<Outcome<Round>.Done>(await Get<GoLiveVotes>().StartAsync(
            Tenant, Pm, project, [new PersonId(Cio.AadObjectId)], null, TimeSpan.FromDays(1), default));
    }

    // The vote card the pipeline sent to the person's chat (the latest).
    private JObject BallotOf(ProjectConversation chat) =>
        env.Connector.SentActivities(chat.ConversationId)
            .Select(Teams.MessagesEndpointTests.CardOf)
            .Last(card => CardText.Of(card).Contains("Go/no-go vote", StringComparison.Ordinal));

    // Taps a card's button as Teams would: its verb and data, with the card's inputs only when the button sends them.
    private static async Task<JObject> TapAsync(ProjectConversation chat, JObject card, string title)
    {
        var action = ((JArray)card["actions"]!).OfType<JObject>().Single(a => (string?)a["title"] == title);
        var data = (JObject)action["data"]!.DeepClone();
        if ((string?)action["associatedInputs"] != "none")
        {
            foreach (var input in card.Descendants().OfType<JObject>()
                .Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
            {
                data[(string)input["id"]!] = input["value"]?.DeepClone() ?? string.Empty;
            }
        }

        return await chat.SubmitAsync((string)data["verb"]!, data);
    }

    private static List<string> Titles(JObject card) => [.. ((JArray)card["actions"]!).Select(a => (string)a["title"]!)];

    private async Task<string> ProjectAsync(ProjectConversation pm)
    {
        var code = "GB" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(30), end = Date(150), timezone = "UTC",
        })), StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders,
            (project, _) =>
            {
                project.AddMember(new ProjectMember(
                    new PersonId(Nurse.AadObjectId), Nurse.Name, ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
                project.AddMember(new ProjectMember(
                    new PersonId(Cio.AadObjectId), Cio.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
            },
            default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }
}
