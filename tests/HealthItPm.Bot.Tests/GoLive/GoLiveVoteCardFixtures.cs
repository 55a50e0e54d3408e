using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// Every go/no-go vote card state: the vote as sent and reminded, sent back with problems and PHI; answered; the decision
/// by veto and by the majority with conditions, and the largest (a panel of 20, every word at its longest).
/// </summary>
public sealed class GoLiveVoteCardFixtures : FeatureCardFixtures
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Opens.AddDays(2);
    private static readonly string Longest = new('w', GoLiveVote.MaxTextLength);

    private static PersonId Person(int n) => new(new Guid(n, 0x7777, 0x4777, 0x87, 0, 0, 0, 0, 0, 0, 7).ToString());

    private static readonly VotePanel Panel = new(Person(1), [Person(2)], Recommendation.NoGo, [1, 2, 3, 4, 6, 7, 10], [5, 8, 9], 2);

    public override IReadOnlyList<RoundKind> Kinds => [GoLiveRounds.Kind];

    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("golive-vote", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Build(
            new GoLiveVoteModel("EHR", "Epic EHR go-live", "20261201T1600Z", Closes, Panel))),
        new("golive-vote-reminder", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Build(
            new GoLiveVoteModel("EHR", "Epic EHR go-live", "20261201T1600Z", Closes, Panel, Reminder: true))),
        new("golive-vote-with-problems-and-phi", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Build(new GoLiveVoteModel(
            "EHR", "Epic EHR go-live", "20261201T1600Z", Closes, Panel, Choice: VoteChoice.NoGo, Conditions: Longest,
            Reason: "pt. ••• MRN ••• had a wrong dose in _testing_",
            Problems: ["Pick go, go with conditions or no-go."],
            PhiFound: "Please remove patient information first \u2014 nothing was saved. It looks like your text has a medical record number (\u201cMR••••••13\u201d).",
            Refused: "The conditions are required."))),
        new("golive-vote-answered-open", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Answered(
            "EHR", "20261201T1600Z", GoLiveVote.Create(VoteChoice.GoWithConditions, Guarded.From("Super-users on *every* night shift"), null), Closes, true)),
        new("golive-vote-answered-closed", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Answered(
            "EHR", "20261201T1600Z", GoLiveVote.Create(VoteChoice.Go, null, null), Closes, false)),
        new("golive-decision-veto", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Result("EHR", "Epic EHR go-live", Record(5, veto: true))),
        new("golive-decision-with-conditions", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Result("EHR", "Epic EHR go-live", Record(5, veto: false))),
        new("golive-scorecard-with-last-decision", typeof(ScorecardCard), () =>
        {
            var project = CardFixtures.Project();
            var today = DateOnly.FromDateTime(Opens.UtcDateTime);
            var gate = GoLiveGate.FromTemplate(project, today.AddDays(10), project.ProjectManagers.First().Person, today);
            return ScorecardCard.Build(new ScorecardModel(
                project,
                Scorecard.Of(gate, new GateFacts(project, today, [], null, null)),
                CanManage: true,
                new LastDecision(VoteChoice.GoWithConditions, Closes)));
        }),
        new("golive-scorecard-vote-open-pm-on-panel", typeof(ScorecardCard), () => ScorecardWhile(canManage: true, onPanel: true)),
        new("golive-scorecard-vote-open-reader-on-panel", typeof(ScorecardCard), () => ScorecardWhile(canManage: false, onPanel: true)),
        new("golive-decision-largest", typeof(GoLiveVoteCard), () => GoLiveVoteCard.Result(
            "EHR", "Epic EHR go-live and the longest project name there is", Record(20, veto: false, longest: true))),
    ];

    // The scorecard while a vote is open (2 of a panel of 6 voted), as a PM and as a reader, both on the panel.
    private static Newtonsoft.Json.Linq.JObject ScorecardWhile(bool canManage, bool onPanel)
    {
        var project = CardFixtures.Project();
        var today = DateOnly.FromDateTime(Opens.UtcDateTime);
        var gate = GoLiveGate.FromTemplate(project, today.AddDays(10), project.ProjectManagers.First().Person, today);
        return ScorecardCard.Build(new ScorecardModel(
            project,
            Scorecard.Of(gate, new GateFacts(project, today, [], null, null)),
            canManage,
            OpenVote: new VoteInProgress("20261201T1600Z", Closes, 2, 6, onPanel)));
    }

    // A panel of <paramref name="size"/>: the sponsor votes go, the must-owner no-go (a veto) or go with conditions, then
    // alternately go with conditions and no-go; one does not vote.
    private static VoteRecord Record(int size, bool veto, bool longest = false)
    {
        var people = Enumerable.Range(1, size)
            .Select(n => new Respondent(
                Person(n), longest ? ("Dr. " + n + " ").PadRight(80, 'N') : $"Panel member {n}", StakeholderRole.Leader, null))
            .ToList();
        var round = new Round(
            new ProjectCode("EHR"), Opens, TimeSpan.FromDays(1), TimeSpan.FromDays(2), false, people, GoLiveRounds.Kind, name: Panel.Format());
        var answers = new List<GivenAnswer<GoLiveVote>>();
        for (var n = 1; n < size; n++)
        {
            var words = longest ? Longest : $"Condition or reason of member {n}";
            var vote = n switch
            {
                1 => GoLiveVote.Create(VoteChoice.Go, null, null),
                2 when veto => GoLiveVote.Create(VoteChoice.NoGo, null, Guarded.From("Order sets not signed off")),
                _ when n % 3 == 0 => GoLiveVote.Create(VoteChoice.NoGo, null, Guarded.From(words)),
                _ => GoLiveVote.Create(VoteChoice.GoWithConditions, Guarded.From(words), null),
            };
            answers.Add(round.Accept(Person(n), vote, Opens.AddMinutes(n)));
        }

        var counted = round.Counted(answers);
        var decision = GoLiveDecision.Decide(Panel, counted);
        return new VoteRecord(
            round,
            Panel,
            GoLiveTally.Of(round, counted),
            decision,
            [.. counted.Select(a => new CastVote(
                round.RespondentOf(a.Respondent)!, a.Respondent.Value == Person(1).Value, a.Respondent.Value == Person(2).Value, a.Answer, a.At))]);
    }
}
