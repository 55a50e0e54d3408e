using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// "Remove patient details" attacked from inside the hospital, through the real endpoint of two hosts on Azurite: everyone
/// but a PM of the project or an admin of its tenant presses the removal verbs with data copied from a real card; a PM
/// forges the card's data, replays an old confirmation, removes twice, and asks for the words of answers the round keeps
/// from them (an anonymous round while open or answered by too few, a vote before its decision). Nothing may change, no
/// turn may fail, and no answer may show words the asker could not read otherwise.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class RemovalAttackTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string Blocker = "pt maria gonzalez in bed 12 cannot be scanned";
    private const string OtherBlocker = "mr lopez's wristband from the ED will not scan";
    private const string Description = "Ravi Chandrasekhar's drip pump lost its library";
    private const string Worry = "tran nguyen's insulin dose printed twice";
    private const string NotShownYet = "are not shown yet";

    private static readonly ChannelAccount Admin = Person(1, "Ada Admin");
    private static readonly ChannelAccount OtherPm = Person(2, "Olga Otherproject");
    private static readonly ProjectCode Lab = new("LAB");

    private static readonly ProjectMember Cio =
        new(new PersonId(TestActivities.CioAadId), "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, null);

    private readonly TwoHosts _hosts = new(azurite, new Dictionary<string, string?>
    {
        ["Access:AdminIds:0"] = Admin.AadObjectId,
        ["Access:ProjectManagerIds:1"] = TestActivities.PhysicianAadId,
        ["Access:ProjectManagerIds:2"] = OtherPm.AadObjectId,
        ["Tenants:AllowedTenantIds:1"] = TestActivities.OtherTenant,
    });

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    [Fact]
    public async Task Nobody_but_a_pm_of_the_project_or_an_admin_of_its_tenant_removes_or_reads_the_words()
    {
        var (round, concern) = await SlippedEverywhereAsync();
        var fingerprint = RemovedText.Fingerprint(Blocker);
        // Data copied from the PM's real cards: the summary's button, the confirmation's buttons and Cancel, the risk's, the concern's.
        var roundData = new JObject { ["project"] = Code.Value, ["round"] = round.Id, ["kind"] = CheckInRounds.Kind.Name };
        var pressed = new (string Verb, JObject Data)[]
        {
            (CardVerbs.AskRemoveFromRoundAnswers, roundData),
            (CardVerbs.RemoveFromRoundAnswer, new JObject(roundData) { ["text"] = fingerprint }),
            (CardVerbs.ViewRoundResults, roundData),
            (CardVerbs.AskRemoveFromRisk, new JObject { ["risk"] = "EHR-R1" }),
            (CardVerbs.RemoveFromRisk, new JObject { ["risk"] = "EHR-R1", ["field"] = nameof(RemovableText.RiskDescription) }),
            (CardVerbs.AskRemoveFromConcern, new JObject { ["project"] = Code.Value, ["concern"] = concern }),
            (CardVerbs.RemoveFromConcern,
                new JObject { ["project"] = Code.Value, ["concern"] = concern, ["field"] = nameof(RemovableText.Concern) }),
        };
        var attackers = new (string Who, ChannelAccount Person, string Tenant)[]
        {
            ("a nurse (the one whose words they are)", TestActivities.Nurse, TestActivities.Tenant),
            ("a stakeholder", TestActivities.Pharmacist, TestActivities.Tenant),
            ("a leader (the CIO)", TestActivities.Cio, TestActivities.Tenant),
            ("a former PM of the project", TestActivities.Physician, TestActivities.Tenant),
            ("a PM of another project", OtherPm, TestActivities.Tenant),
            ("an admin, from another tenant", Admin, TestActivities.OtherTenant),
            ("the project's PM, from another tenant", TestActivities.Pm, TestActivities.OtherTenant),
            ("someone on no project", TestActivities.ItAnalyst, TestActivities.Tenant),
        };
        var before = await StoredAsync();
        var updatesBefore = Updates();

        foreach (var (who, person, tenant) in attackers)
        {
            foreach (var (verb, data) in pressed)
            {
                var answer = await PressAsync(verb, data, person, tenant);
                foreach (var leak in new[] { Blocker, Description, Worry, "✔", "[removed", "Nina Patel" })
                {
                    Assert.False(answer.Contains(leak, StringComparison.Ordinal), $"{who}, {verb}: the answer shows \"{leak}\":\n{answer}");
                }
            }
        }

        await AssertNothingStoredAsync(before);
        Assert.Equal(updatesBefore, Updates());

        // The admin in the project's own tenant may: the same data lists the words (so the refusals above are not the data's fault).
        Assert.Contains(Blocker, await PressAsync(CardVerbs.AskRemoveFromRoundAnswers, roundData, Admin), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pms_forged_card_data_removes_nothing_and_fails_no_turn()
    {
        var (round, _) = await SlippedEverywhereAsync();
        // Another round of the project holds other words; another project (whose PM she is not) has a round too.
        var second = await CheckInAsync(Code, TestActivities.PmAadId);
        await AnswerAsync(second, Nurse, OtherBlocker);
        var lab = await CheckInAsync(Lab, OtherPm.AadObjectId);
        var roundData = new JObject { ["project"] = Code.Value, ["round"] = round.Id, ["kind"] = CheckInRounds.Kind.Name };
        var fingerprint = RemovedText.Fingerprint(Blocker);
        var forged = new (string What, JObject Data)[]
        {
            ("a fingerprint of words in no answer", new JObject(roundData) { ["text"] = RemovedText.Fingerprint("scanner queue is slow") }),
            ("a fingerprint of another round's words", new JObject(roundData) { ["text"] = RemovedText.Fingerprint(OtherBlocker) }),
            ("the words themselves, not their fingerprint", new JObject(roundData) { ["text"] = Blocker }),
            ("the fingerprint in capitals", new JObject(roundData) { ["text"] = fingerprint.ToUpperInvariant() }),
            ("another kind's name", new JObject(roundData) { ["kind"] = AdkarRounds.Kind.Name, ["text"] = fingerprint }),
            ("the kind's name in lower case", new JObject(roundData) { ["kind"] = "checkin", ["text"] = fingerprint }),
            ("another project's round under this project", new JObject(roundData) { ["round"] = lab.Id, ["text"] = fingerprint }),
            ("another project's round under its own code",
                new JObject(roundData) { ["project"] = Lab.Value, ["round"] = lab.Id, ["text"] = fingerprint }),
            ("a round id of 5000 characters", new JObject(roundData) { ["round"] = new string('2', 5000), ["text"] = fingerprint }),
            ("a fingerprint of 100000 characters", new JObject(roundData) { ["text"] = new string('a', 100_000) }),
            ("a project code with a control character", new JObject(roundData) { ["project"] = "EHR\u0000", ["text"] = fingerprint }),
            ("the fingerprint in an array", new JObject(roundData) { ["text"] = new JArray(fingerprint) }),
            ("the fingerprint in an object", new JObject(roundData) { ["text"] = new JObject { ["text"] = fingerprint } }),
            ("a number", new JObject(roundData) { ["text"] = 7 }),
            ("true", new JObject(roundData) { ["text"] = true }),
            ("null", new JObject(roundData) { ["text"] = null }),
            ("the round as a number", new JObject(roundData) { ["round"] = 20261201, ["text"] = fingerprint }),
            ("the round in an array", new JObject(roundData) { ["round"] = new JArray(round.Id), ["text"] = fingerprint }),
            ("the project in an array", new JObject(roundData) { ["project"] = new JArray(Code.Value), ["text"] = fingerprint }),
            ("the kind as a number", new JObject(roundData) { ["kind"] = 1, ["text"] = fingerprint }),
            ("the kind in an array", new JObject(roundData) { ["kind"] = new JArray(CheckInRounds.Kind.Name), ["text"] = fingerprint }),
        };
        var before = await StoredAsync();

        foreach (var (what, data) in forged)
        {
            var answer = await PressAsync(CardVerbs.RemoveFromRoundAnswer, data, TestActivities.Pm);
            Assert.False(answer.Contains('✔', StringComparison.Ordinal), $"{what}: {answer}");
            var asked = await PressAsync(CardVerbs.AskRemoveFromRoundAnswers, data, TestActivities.Pm);
            Assert.False(asked.Contains(OtherBlocker, StringComparison.Ordinal), $"{what}: the confirmation lists another round's words");
        }

        await AssertNothingStoredAsync(before);
        Assert.True(await HoldsAsync(Blocker) && await HoldsAsync(OtherBlocker));

        // Removing twice: the second press changes nothing and says so; the audit has the removal once.
        var real = new JObject(roundData) { ["text"] = fingerprint };
        Assert.Contains("✔", await PressAsync(CardVerbs.RemoveFromRoundAnswer, real, TestActivities.Pm), StringComparison.Ordinal);
        var afterFirst = await StoredAsync();
        var again = await PressAsync(CardVerbs.RemoveFromRoundAnswer, real, TestActivities.Pm);
        Assert.DoesNotContain("✔", again, StringComparison.Ordinal);
        Assert.Contains("[removed: patient details]", again, StringComparison.Ordinal);
        await AssertNothingStoredAsync(afterFirst);
        Assert.Single(afterFirst, r => r.StartsWith(AuditTable.Name, StringComparison.Ordinal)
            && r.Contains("PatientDetailsRemoved", StringComparison.Ordinal));
        Assert.False(await HoldsAsync(Blocker));
        Assert.True(await HoldsAsync(OtherBlocker));
    }

    [Fact]
    public async Task A_confirmation_replayed_after_change_answer_removes_nothing_and_change_answer_never_offers_the_words_back()
    {
        await _hosts.SetUpProjectAsync();
        var round = await CheckInAsync(Code, TestActivities.PmAadId);
        await AnswerAsync(round, Nurse, Blocker);
        var roundData = new JObject { ["project"] = Code.Value, ["round"] = round.Id, ["kind"] = CheckInRounds.Kind.Name };
        var confirmation = await PressAsync(CardVerbs.AskRemoveFromRoundAnswers, roundData, TestActivities.Pm);
        Assert.Contains(RemovedText.Fingerprint(Blocker), confirmation, StringComparison.Ordinal);

        // The nurse changes her words before the PM presses the confirmation she was shown.
        await AnswerAsync(round, Nurse, OtherBlocker);
        var before = await StoredAsync();
        var replayed = await PressAsync(
            CardVerbs.RemoveFromRoundAnswer, new JObject(roundData) { ["text"] = RemovedText.Fingerprint(Blocker) }, TestActivities.Pm);
        Assert.DoesNotContain("✔", replayed, StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
        Assert.True(await HoldsAsync(OtherBlocker));

        var removed = new JObject(roundData) { ["text"] = RemovedText.Fingerprint(OtherBlocker) };
        Assert.Contains("✔", await PressAsync(CardVerbs.RemoveFromRoundAnswer, removed, TestActivities.Pm), StringComparison.Ordinal);
        Assert.False(await HoldsAsync(OtherBlocker));

        // Her "Change answer" shows her choices again, neither the words nor the marker as text to send back.
        var mine = new JObject { [CheckInInputs.Project] = Code.Value, [CheckInInputs.Round] = round.Id };
        var change = await PressAsync(CardVerbs.ChangeCheckIn, mine, TestActivities.Nurse);
        Assert.Contains(CheckInInputs.Blockers, change, StringComparison.Ordinal);
        foreach (var leak in new[] { OtherBlocker, Blocker, RemovedText.Code })
        {
            Assert.DoesNotContain(leak, change, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_words_of_answers_kept_from_the_pm_are_neither_listed_nor_removed()
    {
        await _hosts.SetUpProjectAsync();
        await AddAsync(Cio);

        // An anonymous check-in answered by two: open, then closed but not yet counted.
        var anonymous = await CheckInAsync(Code, TestActivities.PmAadId, anonymous: true);
        await AnswerAsync(anonymous, Nurse, Blocker);
        await AnswerAsync(anonymous, Pharmacist, OtherBlocker);
        // An anonymous survey answered by one.
        var wave = Assert.IsType<Outcome<Round>.Done>(await _hosts.Get<AdkarService>().StartAsync(
            Tenant, Pm, Code, "Wave 1", TimeSpan.FromHours(48), true, Audience.Everyone, null, default)).Value;
        Assert.IsType<Outcome<(Round, GivenAnswer<AdkarAnswer>)>.Done>(await _hosts.Get<RoundEngine>().SubmitAsync(
            Tenant, Nurse, Code, AdkarRounds.Kind, wave.Id,
            AdkarAnswer.Create([.. Enumerable.Repeat(new AdkarScore(2), 5)], GuardedText.Restore(Worry)), default));
        // A go/no-go vote, one of its two voters' reason given.
        var vote = await VoteAsync(Description);

        var asked = new (string What, JObject Data, string[] Words)[]
        {
            ("an anonymous check-in", Data(anonymous, CheckInRounds.Kind), [Blocker, OtherBlocker]),
            ("an anonymous survey", Data(wave, AdkarRounds.Kind), [Worry]),
            ("a vote before its decision", Data(vote, GoLiveRounds.Kind), [Description, "Dr. Marcus Lee", "No-go"]),
        };
        async Task NothingShownAsync(string when)
        {
            var before = await StoredAsync();
            foreach (var (what, data, words) in asked)
            {
                var confirmation = await PressAsync(CardVerbs.AskRemoveFromRoundAnswers, data, TestActivities.Pm);
                var cancel = await PressAsync(CardVerbs.ViewRoundResults, data, TestActivities.Pm);
                var removed = await PressAsync(
                    CardVerbs.RemoveFromRoundAnswer, new JObject(data) { ["text"] = RemovedText.Fingerprint(words[0]) }, TestActivities.Pm);
                Assert.True(confirmation.Contains(NotShownYet, StringComparison.Ordinal), $"{what}, {when}: {confirmation}");
                Assert.DoesNotContain("✔", removed, StringComparison.Ordinal);
                foreach (var answer in new[] { confirmation, cancel, removed })
                {
                    foreach (var word in words)
                    {
                        Assert.False(answer.Contains(word, StringComparison.Ordinal), $"{what}, {when}: \"{word}\" shown:\n{answer}");
                    }
                }
            }

            await AssertNothingStoredAsync(before);
        }

        await NothingShownAsync("while open");
        Assert.True(await HoldsAsync(Blocker) && await HoldsAsync(Worry) && await HoldsAsync(Description));

        // Closed, its answers not yet counted and sealed (a vote is decided once closed: its words are on its result).
        _hosts.Clock.Advance(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1));
        asked = asked[..2];
        await NothingShownAsync("closed, before its answers were counted");

        // Once counted, what the results never show is not kept.
        await _hosts.AfterAsync(TimeSpan.FromMinutes(10));
        Assert.False(await HoldsAsync(Blocker));
        Assert.False(await HoldsAsync(Worry));
    }

    // ---- Set-up ----

    private static ChannelAccount Person(int n, string name) =>
        new($"29:removal-{n}", name, aadObjectId: new Guid(n, 0x4e30, 0x4a11, 0x87, 0, 0, 0, 0, 0, 0, 0x31).ToString());

    private static JObject Data(Round round, RoundKind kind) =>
        new() { ["project"] = round.Project.Value, ["round"] = round.Id, ["kind"] = kind.Name };

    /// <summary>
    /// EHR with a closed, attributed check-in whose blocker, a risk whose description and a concern whose words slipped past the
    /// guard, the cards showing them sent; the CIO leads; a physician was its PM and was removed; another PM has LAB.
    /// </summary>
    private async Task<(Round Round, int Concern)> SlippedEverywhereAsync()
    {
        await _hosts.SetUpProjectAsync();
        var physician = new PersonId(TestActivities.PhysicianAadId);
        await AddAsync(Cio, new ProjectMember(physician, "Dr. Omar Haddad", ProjectRole.ProjectManager, StakeholderRole.Physician, null));
        var today = DateOnly.FromDateTime(_hosts.Clock.GetUtcNow().UtcDateTime);
        var other = new ProjectMember(
            new PersonId(OtherPm.AadObjectId), OtherPm.Name, ProjectRole.ProjectManager, StakeholderRole.It, null);
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().CreateAsync(Tenant, other, new NewProject(
            Lab.Value, Guarded.From("Lab system"), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "UTC"), default));
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().ChangeAsync(
            Tenant, new PersonId(OtherPm.AadObjectId), Lab, ProjectAction.ManageStakeholders, (p, _) =>
                p.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, null)), default));

        var round = await CheckInAsync(Code, TestActivities.PmAadId);
        await AnswerAsync(round, Nurse, Blocker);
        Assert.IsType<Outcome<Risk>.Done>(await _hosts.Get<RiskRegister>().LogAsync(
            Tenant,
            Pm,
            Code,
            new NewRisk(Guarded.From("Infusion pumps"), GuardedText.Restore(Description), RiskCategory.PatientSafety, 4, 5, null, null),
            default));
        var reported = await _hosts.Get<ConcernTriage>().ReportAsync(
            Tenant, Nurse, "Nina Patel", Code, GuardedText.Restore(Worry), default);
        var concern = Assert.IsType<Outcome<(Concern Concern, IReadOnlyList<PersonId>)>.Done>(reported).Value.Concern;
        await _hosts.AfterAsync(TimeSpan.FromHours(48) + TimeSpan.FromMinutes(10));
        Assert.Equal(1, _hosts.CardsTo(PmChat, Blocker));

        var removed = await _hosts.Get<ProjectService>().ChangeAsync(
            Tenant, Pm, Code, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(physician), default);
        Assert.IsType<Outcome<Project>.Done>(removed);
        Assert.True(await HoldsAsync(Blocker) && await HoldsAsync(Description) && await HoldsAsync(Worry));
        return (round, concern.Number);
    }

    private async Task AddAsync(params ProjectMember[] members) =>
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().ChangeAsync(
            Tenant, Pm, Code, ProjectAction.ManageStakeholders, (p, _) => Array.ForEach(members, p.AddMember), default));

    private async Task<Round> CheckInAsync(ProjectCode code, string pm, bool anonymous = false)
    {
        _hosts.Clock.Advance(TimeSpan.FromMinutes(1));
        var settings = RoundSettings.Default with { Anonymous = anonymous };
        var started = await _hosts.Get<CheckInService>().StartNowAsync(Tenant, new PersonId(pm), code, settings, null, default);
        var round = Assert.IsType<Outcome<Round>.Done>(started).Value;
        await _hosts.BothDeliverAsync();
        return round;
    }

    private async Task AnswerAsync(Round round, PersonId person, string blocker)
    {
        var answer = CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), GuardedText.Restore(blocker), false);
        var submitted = await _hosts.Get<CheckInService>().SubmitAsync(Tenant, person, round.Project, round.Id, answer, default);
        Assert.True(submitted is Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Done, submitted.ToString());
    }

    private async Task<Round> VoteAsync(string reason)
    {
        var date = DateOnly.FromDateTime(_hosts.Clock.GetUtcNow().UtcDateTime).AddDays(40)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var gate = new JObject { ["project"] = Code.Value, ["date"] = date, ["checkpoints"] = "7" };
        var saved = await _hosts.SubmitAsync("golive.set", gate, PmChat, TestActivities.Pm);
        Assert.Contains("Go-live gate saved", saved, StringComparison.Ordinal);
        var cio = new PersonId(TestActivities.CioAadId);
        var started = await _hosts.Get<GoLiveVotes>().StartAsync(Tenant, Pm, Code, [cio, Pharmacist], cio, TimeSpan.FromHours(48), default);
        var vote = Assert.IsType<Outcome<Round>.Done>(started).Value;
        var cast = await _hosts.Get<RoundEngine>().SubmitAsync(
            Tenant, cio, Code, GoLiveRounds.Kind, vote.Id, GoLiveVote.Create(VoteChoice.NoGo, null, GuardedText.Restore(reason)), default);
        Assert.True(cast is Outcome<(Round, GivenAnswer<GoLiveVote>)>.Done, cast.ToString());
        return vote;
    }

    // ---- Checks ----

    /// <summary>A card action as Teams posts it; the invoke's answer. A failed turn fails the test.</summary>
    private async Task<string> PressAsync(string verb, JObject data, ChannelAccount who, string tenant = TestActivities.Tenant)
    {
        var activity = TestActivities.Invoke(verb, data, _hosts.Connector.ServiceUrl, "a:removal-" + who.Id, tenant, from: who);
        using var response = await _hosts.HostA.PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} for {verb}: {text}");
        Assert.True((int?)JObject.Parse(text)["statusCode"] == 200, $"A failed turn for {verb}: {text}");
        await _hosts.BothDeliverAsync();
        return text;
    }

    private int Updates() => _hosts.Connector.Requests.Count(r => r.Method == "PUT");

    // The words as written, or as a JSON column escapes them, in any table row or queue message.
    private async Task<bool> HoldsAsync(string words)
    {
        var forms = new[] { words, System.Text.Json.JsonEncodedText.Encode(words).ToString() };
        var rows = await StoredAsync(everything: true);
        if (rows.Any(r => forms.Any(f => r.Contains(f, StringComparison.Ordinal))))
        {
            return true;
        }

        var queues = new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString);
        await foreach (var item in queues.GetQueuesAsync())
        {
            var peeked = await queues.GetQueueClient(item.Name).PeekMessagesAsync(32);
            foreach (var body in peeked.Value.Select(m => m.Body.ToString()))
            {
                var decoded = body;
                try
                {
                    decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
                }
                catch (FormatException)
                {
                    // Not base 64: the body as it is.
                }

                if (forms.Any(f => body.Contains(f, StringComparison.Ordinal) || decoded.Contains(f, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Every row of every table (<see cref="StoredRows"/>), once the audit entries handed over are written.</summary>
    private async Task<SortedSet<string>> StoredAsync(bool everything = false)
    {
        await _hosts.Get<AuditWriter>().FlushAsync(default);
        return await StoredRows.SnapshotAsync(azurite.ConnectionString, everything);
    }

    private async Task AssertNothingStoredAsync(SortedSet<string> before) => StoredRows.AssertUnchanged(before, await StoredAsync());
}
