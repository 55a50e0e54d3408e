using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>How the gate's cards read to each person who meets them, as walked in Teams: PM, CIO and nurse.</summary>
public class GoLiveWordingTests
{
    private static readonly TenantId Tenant = new("7f1c2a3e-0d4b-4c5a-9e8f-1a2b3c4d5e6f");
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_project_without_a_gate_offers_to_set_it_only_to_those_who_may()
    {
        using var _ = new InCulture("en-US");
        var project = CardFixtures.Project();

        var pm = NoGate(project, CardFixtures.Pm, "Priya Shah");
        var nurse = NoGate(project, CardFixtures.Nurse, "Nina Patel (RN)");

        Assert.Equal(["golive EHR"], Commands(pm));
        Assert.Empty(Commands(nurse));
        Assert.Contains("This project has no go-live gate yet.", CardText.Of(nurse), StringComparison.Ordinal);
    }

    [Fact]
    public void A_voters_seat_follows_their_name_without_a_second_pair_of_parentheses()
    {
        using var _ = new InCulture("en-US");
        var (cio, pm) = (CardFixtures.Cio, CardFixtures.Pm);
        var panel = new VotePanel(cio, [pm], Recommendation.NoGo, [1], [], 0);
        var round = new Round(
            new ProjectCode("EHR"),
            Opens,
            TimeSpan.FromDays(1),
            TimeSpan.FromDays(2),
            false,
            [
                new Respondent(cio, "Dr. Marcus Lee (CIO)", StakeholderRole.Leader, null),
                new Respondent(pm, "Priya Shah", StakeholderRole.It, null),
            ],
            GoLiveRounds.Kind,
            name: panel.Format());
        var counted = round.Counted(
        [
            round.Accept(
                cio, GoLiveVote.Create(VoteChoice.GoWithConditions, Guarded.From("Super-users on nights"), null), Opens.AddHours(1)),
            round.Accept(pm, GoLiveVote.Create(VoteChoice.Go, null, null), Opens.AddHours(2)),
        ]);
        var record = new VoteRecord(
            round,
            panel,
            GoLiveTally.Of(round, counted),
            GoLiveDecision.Decide(panel, counted),
            [.. counted.Select(a => new CastVote(
                round.RespondentOf(a.Respondent)!, a.Respondent.Value == cio.Value, a.Respondent.Value == pm.Value, a.Answer, a.At))]);

        var text = CardText.Of(GoLiveVoteCard.Result("EHR", "Epic EHR go-live", record));

        Assert.Contains("**Dr. Marcus Lee (CIO)**, sponsor: Go with conditions", text, StringComparison.Ordinal);
        Assert.Contains("**Priya Shah**, owner of a must: Go", text, StringComparison.Ordinal);
        Assert.DoesNotContain(") (", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_go_with_conditions_without_them_is_refused_in_a_sentence_that_agrees()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal("The list of conditions is required.", ProblemText.Of(Problem.Required(GoLiveRounds.Conditions)));
        Assert.Equal("The reason is required.", ProblemText.Of(Problem.Required(GoLiveRounds.Reason)));
    }

    [Fact]
    public void Every_commands_summary_in_help_is_a_sentence_ending_with_a_full_stop()
    {
        using var _ = new InCulture("en-US");
        var commands = HostComposition.Services.GetServices<CommandDefinition>().ToList();
        var topics = HelpTopics.Ordered(HostComposition.Services.GetServices<HelpTopic>());

        Assert.NotEmpty(commands);
        Assert.All(commands, c => Assert.EndsWith(".", HelpTopics.Of(c, topics).Summary(c), StringComparison.Ordinal));
    }

    private static JObject NoGate(Project project, PersonId person, string name) => GoLiveForm.Scorecard(
        new Outcome<GateView>.NotFound(Problem.NoGateYet(project.Code)),
        new Caller(Tenant, person, name),
        new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>()),
        project);

    private static List<string> Commands(JObject card) =>
        [.. card.Descendants().OfType<JProperty>().Where(p => p.Name == "command").Select(p => (string)p.Value!).Distinct()];
}
