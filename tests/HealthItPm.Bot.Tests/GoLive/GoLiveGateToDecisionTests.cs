using System.Globalization;
using System.Text;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// The go-live gate from its setting to the panel's decision, on one Azurite. For 46 days a bot host on a fake clock
/// (ending at the real time) runs the project: an EHR project with an ADKAR wave, a check-in, risks and milestones; the
/// gate set from the EHR template 45 days out, its computed criteria equal to a hand computation; two owners attest on
/// their cards and one attestation goes stale; the checkpoints 30 and 7 days before are kept once and ask the owners
/// again. Then, in real time, the panel of five votes on two bot host processes: host A sends the vote cards and takes two
/// votes, and is killed (SIGKILL) while it holds a card Teams has not taken and a vote it has not saved; host B sends that
/// card, takes the vote again and the rest, the must-owner's no-go changed to go with conditions. The decision equals the
/// documented rule, goes to the PM and the panel, and the digest shows it. Nobody gets any card twice.
/// </summary>
[Trait("Needs", "Azurite")]
[Trait("Needs", "Processes")]
public sealed class GoLiveGateToDecisionTests : IAsyncLifetime
{
    private static readonly TenantId Tenant = GoLiveProjectSetup.Tenant;
    private static readonly PersonId Pm = GoLiveProjectSetup.Pm;
    private static readonly ChannelAccount Sponsor = GoLiveProjectSetup.Sponsor;

    private static ChannelAccount Person(int n, string name) =>
        new($"29:decide-{n}", name, aadObjectId: new Guid(n, 0x5555, 0x4555, 0x85, 0, 0, 0, 0, 0, 0, 5).ToString());

    private static readonly ChannelAccount Cmio = Person(1, "Dr. Ben Castillo");
    private static readonly ChannelAccount Cno = Person(2, "Carla Nguyen");
    private static readonly ChannelAccount Pharmacy = Person(3, "Dev Pharmacist");
    private static readonly ChannelAccount DataLead = Person(4, "Erin Data");

    // 46 days before now: the vote, 7 days before the go-live date, happens on the processes' own (system) clock.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddDays(-46));
    private readonly HostProcesses _hosts;
    private GoLiveProjectSetup? _setup;
    private readonly Dictionary<ChannelAccount, ProjectConversation> _chats = [];
    private HttpClient Http { get; } = new();

    public GoLiveGateToDecisionTests() => _hosts = new HostProcesses(_clock);

    public async Task InitializeAsync() => await _hosts.InitializeAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _hosts.DisposeAsync();
    }

    // The set-up host exists once the fixture has started.
    private GoLiveProjectSetup Setup => _setup ??= new GoLiveProjectSetup(_hosts.Setup, _hosts.Connector, _clock);

    private T Get<T>()
        where T : notnull => Setup.Get<T>();

    [Fact]
    public async Task An_ehr_gate_is_scored_attested_kept_at_its_checkpoints_and_decided_by_a_panel_voting_on_two_hosts_one_killed()
    {
        var setup = Setup;
        foreach (var person in new[] { TestActivities.Pm, Sponsor, Cmio, Cno, Pharmacy, DataLead })
        {
            _chats[person] = setup.As(person);
        }

        var pm = _chats[TestActivities.Pm];
        foreach (var person in _chats.Keys.Where(p => p != TestActivities.Pm))
        {
            await _chats[person].SayAsync("help");
        }

        // Day 0: the project, going live in 53 days; day 8: the wave and the check-in closed, the risks logged.
        var code = await setup.ProjectAsync(pm, goLiveInDays: 53, Cmio, Cno, Pharmacy, DataLead);
        var project = new ProjectCode(code);
        await setup.ReadinessAndCheckInAsync(pm, code);
        await setup.RisksAsync(code);

        // The gate from the EHR template, 45 days out; the CMIO owns the build sign-off, the data lead the conversion.
        var date = setup.Today.AddDays(45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains(
            "Go-live gate saved",
            CardText.Of(await pm.SubmitAsync("golive.set", new { project = code, date, checkpoints = "30, 7" })),
            StringComparison.Ordinal);
        var number = await setup.NumbersAsync(code);
        var (signOff, conversion) = (number("WorkflowSignOff"), number("ConversionReconciled"));
        foreach (var (criterion, owner) in new[] { (signOff, Cmio), (conversion, DataLead) })
        {
            Assert.Contains("saved", CardText.Of(await pm.SubmitAsync("golive.edit", new
            {
                project = code, criterion = criterion.ToString(CultureInfo.InvariantCulture), action = "keep", importance = "keep",
                owner = owner.AadObjectId, threshold = "", subject = "", stale = "",
            })), StringComparison.Ordinal);
        }

        // The computed criteria equal the hand computation.
        var service = Get<GoLiveService>();
        var scorecard = Assert.IsType<Outcome<GateView>.Done>(await service.ScorecardAsync(Tenant, Pm, project, default)).Value.Scorecard;
        GoLiveProjectSetup.AssertComputedAsByHand(scorecard);
        Assert.Equal((45, Recommendation.NoGo), (scorecard.DaysToGo, scorecard.Recommendation));

        // The owners are asked on their cards: the CMIO attests the sign-off met, the data lead the conversion at risk.
        Assert.Contains("Attestation cards on their way", CardText.Of(await pm.SayAsync("golive ask " + code)), StringComparison.Ordinal);
        await AttestAsync(Cmio, code, signOff, "Met", "Order sets reviewed with the ICU and ED super-users");
        await AttestAsync(DataLead, code, conversion, "AtRisk", "Allergy records short by 212 after the second load");

        // Day 20: asked again (the sign-off is met, so only the data lead), the data lead attests the conversion met.
        await DaysPassAsync(12);
        await pm.SayAsync("golive ask " + code);
        await AttestAsync(DataLead, code, conversion, "Met", "Third load reconciled, 0 records short");

        // Day 23, 30 days before: the sign-off attested 15 days ago is stale (not known); kept once, its owner asked again.
        await DaysPassAsync(3);
        await setup.CheckpointTicksAsync(2);
        var kept = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate.Checkpoints;
        var thirty = Assert.Single(kept);
        Assert.Equal((30, 2), (thirty.DaysBefore, thirty.Met));
        Assert.Equal(CriterionState.Unknown, thirty.Criteria.Single(c => c.Number == signOff).State);
        Assert.Equal(CriterionState.Met, thirty.Criteria.Single(c => c.Number == conversion).State);
        Assert.Equal(new HashSet<PersonId> { Pm, new(Cmio.AadObjectId) }, thirty.Remind.ToHashSet());

        // Day 46, 7 days before (now, on the real clock): the conversion is stale too; kept once, both owners asked.
        await DaysPassAsync(23);
        await setup.CheckpointTicksAsync(3);
        kept = (await Get<IGateStore>().GetAsync(Tenant, project, default))!.Gate.Checkpoints;
        Assert.Equal([(30, 2), (7, 1)], kept.Select(k => (k.DaysBefore, k.Met)));
        Assert.Equal(new HashSet<PersonId> { Pm, new(Cmio.AadObjectId), new(DataLead.AadObjectId) }, kept[1].Remind.ToHashSet());
        await DeliverAsync();
        Assert.Equal(3, AttestationCards(Cmio));
        Assert.Equal(3, AttestationCards(DataLead));
        Assert.Equal(0, AttestationCards(Cno));

        // The vote, on two host processes. Host A (tables through a relay the test can stop) sends the cards one at a time;
        // it gets stuck on the CNO's card, which Teams holds.
        await using var tables = new PausableProxy(_hosts.TablePort);
        var viaRelay = _hosts.ConnectionString.Replace(
            $"TableEndpoint=http://127.0.0.1:{_hosts.TablePort}/", $"TableEndpoint=http://127.0.0.1:{tables.Port}/", StringComparison.Ordinal);
        var (hostA, a) = await _hosts.StartBotAsync(viaRelay, oneAtATime: true);
        var cnoCardHeld = _hosts.Connector.HoldNext(_chats[Cno].ConversationId);
        var panel = string.Join(",", new[] { Sponsor, Cmio, Cno, Pharmacy, DataLead }.Select(p => p.AadObjectId));
        Assert.Contains("Sending the vote to 5 people", CardText.Of(await InvokeAsync(
            a, TestActivities.Pm, "golive.vote.start", new { project = code, panel, sponsor = Sponsor.AadObjectId, days = "2" })),
            StringComparison.Ordinal);
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, GoLiveRounds.Kind, 1, default)).Single();
        await cnoCardHeld.WaitAsync(TimeSpan.FromSeconds(90));

        // The sponsor votes go and the CMIO, owner of a must, no-go (a veto), both on host A.
        object Vote(string choice, string conditions = "", string reason = "") =>
            new { project = code, round = round.Id, choice, conditions, reason };
        Assert.Contains("You voted", CardText.Of(await InvokeAsync(a, Sponsor, GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);
        Assert.Contains(
            "You voted",
            CardText.Of(await InvokeAsync(a, Cmio, GoLiveRoundKind.Submit, Vote("NoGo", reason: "Order sets not signed off"))),
            StringComparison.Ordinal);

        // The pharmacy director's vote reaches host A while its tables do not answer; host A is killed before it is saved.
        tables.Pause();
        var lostVote = InvokeAsync(a, Pharmacy, GoLiveRoundKind.Submit, Vote("NoGo", reason: "Dispensing cabinets not interfaced"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await hostA.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => lostVote);
        // Only the sponsor's and the CMIO's votes are stored.
        Assert.Equal(2, (await Get<IRoundStore>().AnswersAsync<GoLiveVote>(Tenant, round, default)).Count);

        // Host B takes over: the CNO's card goes out once; the pharmacy director votes again, the CNO and the data lead vote,
        // and the CMIO changes his vote to go with conditions. The data lead's, the last, closes the vote.
        var (_, b) = await _hosts.StartBotAsync();
        await _hosts.EventuallyAsync(() => Task.FromResult(VoteCards(Cno) == 1), "The CNO's vote card sent by host B", seconds: 90);
        Assert.Contains(
            "You voted",
            CardText.Of(await InvokeAsync(b, Pharmacy, GoLiveRoundKind.Submit, Vote("NoGo", reason: "Dispensing cabinets not interfaced"))),
            StringComparison.Ordinal);
        await InvokeAsync(b, Cno, GoLiveRoundKind.Submit, Vote("GoWithConditions", conditions: "Super-users on every night shift"));
        var change = await InvokeAsync(b, Cmio, GoLiveRoundKind.Change, new { project = code, round = round.Id });
        Assert.Equal("NoGo", (string?)CardText.Input(change, "choice")!["value"]);
        await InvokeAsync(b, Cmio, GoLiveRoundKind.Submit, Vote("GoWithConditions", conditions: "Order sets signed off by Friday"));
        Assert.Contains(
            "The vote closed on", CardText.Of(await InvokeAsync(b, DataLead, GoLiveRoundKind.Submit, Vote("Go"))), StringComparison.Ordinal);

        // The decision, once the answers have settled: by the rule, no veto left, for going 4, no-go 1: go with conditions.
        _clock.SetUtcNow(DateTimeOffset.UtcNow + RoundEngine.AnswersSettle + TimeSpan.FromMinutes(1));
        await StepAsync();
        await StepAsync();
        var record = await Get<GoLiveVotes>().RecordAsync(Tenant, round, default);
        Assert.Equal((VoteChoice.GoWithConditions, DecidedBy.Majority), (record.Decision.Choice, record.Decision.By));
        Assert.Equal((2, 2, 1, 0, 5), (record.Tally.Go, record.Tally.GoWithConditions, record.Tally.NoGo, record.Tally.Vetoes, record.Tally.Panel));
        Assert.Equal(
            ["Super-users on every night shift", "Order sets signed off by Friday"],
            record.Decision.Conditions.Select(c => c.Answer.Conditions!.Value));
        // In the order of each one's last vote: the CMIO's change came after the pharmacy director's and the CNO's.
        Assert.Equal(
            [(Sponsor.Name, VoteChoice.Go), (Pharmacy.Name, VoteChoice.NoGo), (Cno.Name, VoteChoice.GoWithConditions),
                (Cmio.Name, VoteChoice.GoWithConditions), (DataLead.Name, VoteChoice.Go)],
            record.Votes.Select(v => (v.Voter.Name, v.Vote.Choice)));
        await _hosts.EventuallyAsync(
            () => Task.FromResult(_chats.Keys.All(p => DecisionCards(p) == 1)), "The decision sent to the PM and the panel", seconds: 60);
        Assert.Contains("Order sets signed off by Friday", DecisionCard(TestActivities.Pm), StringComparison.Ordinal);

        // The digest shows the gate and the decision; nobody got any card twice.
        var digest = CardText.Of(await pm.SayAsync("digest preview " + code));
        Assert.Contains("last decision go with conditions on", digest, StringComparison.Ordinal);
        Assert.All(_chats.Keys.Where(p => p != TestActivities.Pm), p => Assert.Equal(1, VoteCards(p)));
        foreach (var (person, chat) in _chats)
        {
            var twice = ProactiveCards(chat).GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{person.Name} got a card twice:\n{string.Join("\n---\n", twice)}");
        }
    }

    private async Task AttestAsync(ChannelAccount owner, string code, int criterion, string state, string evidence)
    {
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), AttestRounds.Kind, 1, default)).Single();
        Assert.Contains("Attested", CardText.Of(await _chats[owner].SubmitAsync(AttestRoundKind.Submit, new JObject
        {
            ["project"] = code, ["round"] = round.Id, ["criterion"] = criterion.ToString(CultureInfo.InvariantCulture),
            ["state"] = state, ["evidence"] = evidence,
        })), StringComparison.Ordinal);
    }

    // Days pass one at a time, each ending with the round steps and deliveries the scheduler's ticks would make.
    private async Task DaysPassAsync(int days)
    {
        for (var day = 0; day < days; day++)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            await StepAsync();
        }
    }

    private Task StepAsync() => Setup.StepAsync();

    private Task<int> DeliverAsync() => Get<Bot.Delivery.DeliveryReceiver>().DrainAsync(default);

    /// <summary>Presses a card button on a host process; the card that replaces the one pressed.</summary>
    private async Task<JObject> InvokeAsync(Uri host, ChannelAccount person, string verb, object data)
    {
        var activity = TestActivities.Invoke(verb, JObject.FromObject(data), _hosts.Connector.ServiceUrl, _chats[person].ConversationId, from: person);
        using var content = new StringContent(TestActivities.Json(activity), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(host, content);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)body["statusCode"]!);
        return (JObject)body["value"]!;
    }

    // What was sent to the chat other than replies to what the person did (those answer the test's own activities, "act-…").
    private List<string> ProactiveCards(ProjectConversation chat) => [.. _hosts.Connector.Requests
        .Where(r => r.Accepted && r.Method == "POST" && r.Body is not null
            && r.Path.StartsWith($"/v3/conversations/{chat.ConversationId}/activities/", StringComparison.Ordinal)
            && !r.Path.Contains("/activities/act-", StringComparison.Ordinal))
        .Select(r => CardText.Of(MessagesEndpointTests.CardOf(r.Body!)))];

    private int Cards(ChannelAccount person, string title) =>
        ProactiveCards(_chats[person]).Count(t => t.StartsWith(title, StringComparison.Ordinal));

    private int AttestationCards(ChannelAccount person) => Cards(person, "Go-live attestation");

    private int VoteCards(ChannelAccount person) => Cards(person, "Go/no-go vote");

    private int DecisionCards(ChannelAccount person) => Cards(person, "Go/no-go decision");

    private string DecisionCard(ChannelAccount person) =>
        ProactiveCards(_chats[person]).Single(t => t.StartsWith("Go/no-go decision", StringComparison.Ordinal));
}
