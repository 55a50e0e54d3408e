using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// The way between a voter's ballot and the scorecard: the ballot's Scorecard button sends none of the ballot's inputs and
/// names its project; a scorecard shown while a vote is open says so in counts only, offers no second vote, and gives a
/// voter the way back to their ballot.
/// </summary>
public class GoLiveBallotCardTests
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 7, 21, 7, 0, TimeSpan.Zero);
    private static readonly Project Project = CardFixtures.Project();
    private static readonly string Code = Project.Code.Value;

    [Fact]
    public void The_ballots_scorecard_button_sends_no_input_and_names_the_project()
    {
        using var _ = new InCulture("en-US");
        var ballot = GoLiveVoteCard.Build(new GoLiveVoteModel(Code, "Epic EHR go-live", "20261207T2107Z", Opens.AddDays(2), null));

        var scorecard = Action(ballot, "Scorecard");

        Assert.Equal("none", (string?)scorecard["associatedInputs"]);
        Assert.Equal("none", (string?)scorecard["fallback"]!["associatedInputs"]);
        Assert.Equal(CardVerbs.RunCommand, (string?)scorecard["data"]!["verb"]);
        Assert.Equal($"golive status {Code}", (string?)scorecard["data"]!["command"]);

        // Submit still sends the vote.
        Assert.Null(Action(ballot, "Vote")["associatedInputs"]);
    }

    [Fact]
    public void A_scorecard_while_a_vote_is_open_shows_the_counts_and_takes_a_voter_back_to_the_ballot()
    {
        using var _ = new InCulture("en-US");
        var card = Build(canManage: false, new VoteInProgress("20261207T2107Z", Opens.AddDays(2), 2, 5, OnPanel: true));
        var text = CardText.Of(card);

        Assert.Contains("A go/no-go vote is open until", text, StringComparison.Ordinal);
        Assert.Contains("2 of the panel of 5 voted", text, StringComparison.Ordinal);
        var back = Action(card, "Back to my vote");
        Assert.Equal(GoLiveRoundKind.Change, (string?)back["data"]!["verb"]);
        Assert.Equal(Code, (string?)back["data"]![RoundKindDescriptor.ProjectInput]);
        Assert.Equal("20261207T2107Z", (string?)back["data"]![GoLiveVoteCard.RoundInput]);
        Assert.NotNull(Action(card, "Refresh"));
    }

    [Fact]
    public void A_pm_is_not_offered_a_second_vote_while_one_is_open_and_someone_off_the_panel_has_no_way_to_a_ballot()
    {
        using var _ = new InCulture("en-US");
        var open = new VoteInProgress("20261207T2107Z", Opens.AddDays(2), 0, 3, OnPanel: false);

        var during = Build(canManage: true, open);
        var titles = Titles(during);
        Assert.DoesNotContain("Go/no-go vote", titles);
        Assert.DoesNotContain("Back to my vote", titles);
        Assert.Contains("Add", titles);
        Assert.Contains("0 of the panel of 3 voted", CardText.Of(during), StringComparison.Ordinal);

        Assert.Contains("Go/no-go vote", Titles(Build(canManage: true, null)));
        Assert.DoesNotContain("vote is open", CardText.Of(Build(canManage: true, null)), StringComparison.Ordinal);
    }

    private static JObject Build(bool canManage, VoteInProgress? open)
    {
        var today = DateOnly.FromDateTime(Opens.UtcDateTime);
        var gate = GoLiveGate.FromTemplate(Project, today.AddDays(10), Project.ProjectManagers.First().Person, today);
        return ScorecardCard.Build(new ScorecardModel(
            Project, Scorecard.Of(gate, new GateFacts(Project, today, [], null, null)), canManage, OpenVote: open));
    }

    private static List<string> Titles(JObject card) => [.. ((JArray)card["actions"]!).Select(a => (string)a["title"]!)];

    private static JObject Action(JObject card, string title) =>
        ((JArray)card["actions"]!).OfType<JObject>().Single(a => (string?)a["title"] == title);
}
