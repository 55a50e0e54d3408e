using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The go/no-go vote and the owners' attestation cards attacked from inside the hospital, through the real endpoint on
/// Azurite: people the card was not sent to (on the project or not, in another tenant), a panel member or owner removed,
/// cards naming another round, kind or project, a closed vote, votes racing, texts with patient details or too long,
/// card data of the wrong shape, the PM's forms and commands from a nurse or a leader, and what anyone can read of the
/// votes and the evidence. Each is refused with nothing stored (every table compared before and after) and no failed turn.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class GoLiveAttackTests(GoLiveAttackTests.Environment env) : IClassFixture<GoLiveAttackTests.Environment>
{
    private const string VoteNotYours = "This go/no-go vote was not sent to you or is no longer available.";
    private const string AttestNotYours = "This attestation card was not sent to you or is no longer available.";
    private const string OnlyPms = "Only the project managers";

    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private static ChannelAccount Person(int n, string name) =>
        new($"29:attack-{n}", name, aadObjectId: new Guid(n, 0x7a11, 0x4a11, 0x87, 0, 0, 0, 0, 0, 0, 0x27).ToString());

    private static readonly ChannelAccount Pm = TestActivities.Pm;
    private static readonly ChannelAccount Sponsor = Person(1, "Dr. Ada Okafor");
    private static readonly ChannelAccount Cmio = Person(2, "Dr. Ben Castillo");
    private static readonly ChannelAccount Bystander = Person(3, "Carla Nguyen");
    private static readonly ChannelAccount DataLead = Person(4, "Erin Data");
    private static readonly ChannelAccount Former = Person(5, "Finn Security");
    private static readonly ChannelAccount Nurse = Person(6, "Gina Nurse");
    private static readonly ChannelAccount Outsider = Person(7, "Sam Outside");

    private static readonly ChannelAccount[] Everyone = [Pm, Sponsor, Cmio, Bystander, DataLead, Former, Nurse, Outsider];

    private readonly Dictionary<ChannelAccount, string> _chats =
        Everyone.ToDictionary(p => p, _ => "a:attack-" + Guid.NewGuid().ToString("N"));

    private T Get<T>()
        where T : notnull => env.Get<T>();

    // ---- The vote ----

    [Theory]
    [InlineData("a stakeholder not on the panel")]
    [InlineData("a leader not on the panel")]
    [InlineData("the PM, not on the panel")]
    [InlineData("someone on no project")]
    [InlineData("a panel member's id in another tenant")]
    public async Task A_vote_from_someone_it_was_not_sent_to_is_refused_and_tells_nothing(string who)
    {
        var (code, round) = await VoteAsync();
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Order sets not signed off"));
        var (attacker, tenant) = who switch
        {
            "a stakeholder not on the panel" => (Nurse, TestActivities.Tenant),
            "a leader not on the panel" => (Bystander, TestActivities.Tenant),
            "the PM, not on the panel" => (Pm, TestActivities.Tenant),
            "someone on no project" => (Outsider, TestActivities.Tenant),
            _ => (Sponsor, TestActivities.OtherTenant),
        };
        var before = await StoredAsync();

        // A copy of a panel member's card, the choice and words changed; "Change vote" to read the sponsor's.
        var vote = await SubmitAsync(attacker, GoLiveRoundKind.Submit, Vote(code, round, "Go"), tenant);
        var change = await SubmitAsync(attacker, GoLiveRoundKind.Change, new JObject { ["project"] = code, ["round"] = round }, tenant);
        // The same card naming a vote that never existed: the answer must not tell the two apart.
        var none = await SubmitAsync(attacker, GoLiveRoundKind.Submit, Vote(code, "20991231T2359Z", "Go"), tenant);

        Assert.Contains(VoteNotYours, CardText.Of(vote), StringComparison.Ordinal);
        Assert.Contains(VoteNotYours, CardText.Of(change), StringComparison.Ordinal);
        Assert.Equal(none.ToString(), vote.ToString());
        Assert.DoesNotContain("Order sets", change.ToString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task A_panel_member_removed_from_the_project_can_neither_vote_nor_change_nor_read_their_vote()
    {
        var (code, round) = await VoteAsync();
        await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Access roles not reviewed"));
        Assert.Contains(
            "removed",
            CardText.Of(await RemoveAsync(code, Former)),
            StringComparison.OrdinalIgnoreCase);
        var before = await StoredAsync();

        var vote = await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        var change = await SubmitAsync(Former, GoLiveRoundKind.Change, new JObject { ["project"] = code, ["round"] = round });

        Assert.Contains(VoteNotYours, CardText.Of(vote), StringComparison.Ordinal);
        Assert.Contains(VoteNotYours, CardText.Of(change), StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    [Theory]
    [InlineData("another project's vote, named with this project")]
    [InlineData("another project's vote, named with its own project")]
    [InlineData("this project's attestation round")]
    [InlineData("a vote not yet opened")]
    [InlineData("a round id with seconds that no round has")]
    [InlineData("a round id that is not one")]
    [InlineData("a round id of 39 characters")]
    [InlineData("a project code that is not one")]
    [InlineData("another tenant's project code")]
    public async Task A_card_naming_another_round_or_project_is_refused_with_nothing_stored(string tampering)
    {
        var (code, round) = await VoteAsync();
        // Another project, a minute later (so its vote's id differs), where the CMIO is not on the project.
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var (other, otherRound) = await VoteAsync(cmioOnProject: false);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await SayAsync(Pm, "golive ask " + code);
        var attestRound = await LatestAsync(code, AttestRounds.Kind);
        var (project, id) = tampering switch
        {
            "another project's vote, named with this project" => (code, otherRound),
            "another project's vote, named with its own project" => (other, otherRound),
            "this project's attestation round" => (code, attestRound),
            "a vote not yet opened" => (code, Round.IdFor(env.Clock.GetUtcNow().AddDays(1))),
            "a round id with seconds that no round has" => (code, round + "+07"),
            "a round id that is not one" => (code, "../" + round),
            "a round id of 39 characters" => (code, round.PadRight(39, '0')),
            "a project code that is not one" => (code + "|x", round),
            _ => (code, round),
        };
        var before = await StoredAsync();

        var tenant = tampering == "another tenant's project code" ? TestActivities.OtherTenant : TestActivities.Tenant;
        var answer = CardText.Of(await SubmitAsync(Cmio, GoLiveRoundKind.Submit, Vote(project, id, "Go"), tenant));

        Assert.True(
            answer.Contains(VoteNotYours, StringComparison.Ordinal) || answer.Contains("no longer available", StringComparison.Ordinal),
            answer);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task After_the_vote_closed_early_no_vote_is_taken_or_changed()
    {
        var (code, round) = await VoteAsync();
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        await SubmitAsync(Cmio, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        Assert.Contains(
            "The vote closed on",
            CardText.Of(await SubmitAsync(DataLead, GoLiveRoundKind.Submit, Vote(code, round, "Go"))),
            StringComparison.Ordinal);
        var before = await StoredAsync();

        var late = CardText.Of(await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Changed my mind")));
        var change = CardText.Of(await SubmitAsync(Cmio, GoLiveRoundKind.Change, new JObject { ["project"] = code, ["round"] = round }));

        Assert.Contains("closed", late, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Change vote", change, StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task Votes_racing_keep_one_vote_per_person_and_close_the_vote_once()
    {
        var (code, round) = await VoteAsync();
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "Go"));

        // The CMIO's double clicks, each a different vote, racing the data lead's last vote.
        var cmio = Enumerable.Range(0, 6).Select(i => SubmitAsync(
            Cmio, GoLiveRoundKind.Submit, i % 2 == 0 ? Vote(code, round, "Go") : Vote(code, round, "NoGo", reason: $"Reason {i}")));
        await Task.WhenAll([.. cmio, SubmitAsync(DataLead, GoLiveRoundKind.Submit, Vote(code, round, "Go"))]);

        var stored = (await Get<IRoundStore>().GetRoundAsync(Tenant, new ProjectCode(code), GoLiveRounds.Kind, round, default))!;
        var answers = await Get<IRoundStore>().AnswersAsync<GoLiveVote>(Tenant, stored, default);
        Assert.Equal(4, answers.Count);
        Assert.Single(answers, a => a.Respondent.Value == Cmio.AadObjectId);
        Assert.NotNull(stored.ClosedEarlyAt);
        Assert.Single(await AuditedAsync(code, GoLiveRounds.Answered.Name, DataLead));
    }

    [Theory]
    [InlineData("GoWithConditions", "conditions", "Bed 12 patient Maria Alvarez MRN 48213377 needs a paper chart")]
    [InlineData("NoGo", "reason", "Pt DOB 03/14/1952 had a wrong dose in the test")]
    [InlineData("Go", "reason", "MRN 48213377 is fine")]
    [InlineData("GoWithConditions", "conditions", "501")]
    [InlineData("NoGo", "reason", "200000")]
    [InlineData("GoWithConditions", "conditions", "   ")]
    public async Task A_vote_whose_words_hold_patient_details_or_are_too_long_or_blank_stores_nothing(
        string choice, string field, string words)
    {
        var (code, round) = await VoteAsync();
        var text = int.TryParse(words, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? new string('x', length) : words;
        var data = Vote(code, round, choice);
        data[field] = text;
        var before = await StoredAsync();

        var card = await SubmitAsync(Cmio, GoLiveRoundKind.Submit, data);

        Assert.DoesNotContain("You voted", CardText.Of(card), StringComparison.Ordinal);
        Assert.DoesNotContain("48213377", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("03/14/1952", card.ToString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    // ---- Card data of the wrong shape ----

    [Theory]
    [InlineData(GoLiveRoundKind.Submit, "project,round,choice,conditions")]
    [InlineData(GoLiveRoundKind.Change, "project,round")]
    [InlineData(AttestRoundKind.Submit, "project,round,criterion,state,evidence")]
    [InlineData(AttestRoundKind.Change, "project,round")]
    public async Task Card_data_of_the_wrong_shape_never_fails_a_turn_nor_stores_anything(string verb, string keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var (code, round) = await VoteAsync();
        await SayAsync(Pm, "golive ask " + code);
        var attest = await LatestAsync(code, AttestRounds.Kind);
        var signOff = (await Get<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate.Criteria
            .Single(c => c.TemplateKey == "WorkflowSignOff").Number.ToString(CultureInfo.InvariantCulture);
        var roundId = verb.StartsWith("golive.attest", StringComparison.Ordinal) ? attest : round;
        var before = await StoredAsync();

        // Each key the verb reads, with the others as a genuine card of the CMIO's (on the panel, owner of the sign-off) sends them;
        // any string is words in a free-text field, so those get only what is not a string, or nothing.
        JToken[] notStrings =
        [
            JValue.CreateNull(), new JArray("Go", "NoGo"), new JObject { ["$type"] = "System.Object" }, new JValue(1e308),
            new JValue(true), new JValue(-1), new JValue(""),
        ];
        JToken[] strings =
        [
            new JValue("Met, AtRisk"), new JValue("Go, GoWithConditions"), new JValue("NoGo, Go"), new JValue("2147483648"),
            new JValue(new string('9', 100_000)),
        ];
        foreach (var key in keys.Split(','))
        {
            foreach (var wrong in key is "conditions" or "evidence" ? notStrings : [.. notStrings, .. strings])
            {
                var data = new JObject
                {
                    ["project"] = code, ["round"] = roundId, ["choice"] = "GoWithConditions", ["conditions"] = "Super-users on nights",
                    ["reason"] = "", ["criterion"] = signOff, ["state"] = "Met", ["evidence"] = "Order sets signed off",
                };
                data[key] = wrong.DeepClone();
                var card = CardText.Of(await SubmitAsync(Cmio, verb, data));
                Assert.DoesNotContain("You voted", card, StringComparison.Ordinal);
                Assert.DoesNotContain("Attest another or change", card, StringComparison.Ordinal);
            }
        }

        await AssertNothingStoredAsync(before);
    }

    // ---- The PM's commands and forms ----

    [Theory]
    [InlineData("a nurse")]
    [InlineData("a leader on the panel")]
    public async Task Only_a_pm_may_open_a_vote_ask_for_attestations_or_change_the_gate(string who)
    {
        var (code, _) = await VoteAsync();
        var attacker = who == "a nurse" ? Nurse : Sponsor;
        var before = await StoredAsync();

        foreach (var command in new[] { "golive vote", "golive ask", "golive edit", "golive add", "golive" })
        {
            Assert.Contains(OnlyPms, CardText.Of(await SayAsync(attacker, $"{command} {code}")), StringComparison.Ordinal);
        }

        var panel = string.Join(",", new[] { Sponsor, Cmio, Nurse }.Select(p => p.AadObjectId));
        var forms = new (string Verb, JObject Data)[]
        {
            ("golive.vote.start", new JObject { ["project"] = code, ["panel"] = panel, ["sponsor"] = "none", ["days"] = "1" }),
            ("golive.set", new JObject { ["project"] = code, ["date"] = "2026-12-01", ["checkpoints"] = "1" }),
            ("golive.add", new JObject
            {
                ["project"] = code, ["group"] = "Training", ["name"] = "Nothing to see", ["importance"] = "Should",
                ["owner"] = attacker.AadObjectId, ["how"] = "Attested", ["stale"] = "14",
            }),
            ("golive.edit", new JObject
            {
                ["project"] = code, ["criterion"] = "1", ["action"] = "remove", ["importance"] = "keep", ["owner"] = "keep",
            }),
        };
        foreach (var (verb, data) in forms)
        {
            Assert.Contains(OnlyPms, CardText.Of(await SubmitAsync(attacker, verb, data)), StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(before);
    }

    [Theory]
    [InlineData("someone on no project on the panel")]
    [InlineData("someone on no project as the sponsor")]
    [InlineData("a removed member as the whole panel")]
    [InlineData("the panel as a JSON array")]
    public async Task A_pm_cannot_seat_people_off_the_project_on_the_panel(string tampering)
    {
        var (code, _) = await VoteAsync();
        await RemoveAsync(code, Former);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var members = string.Join(",", new[] { Sponsor, Cmio }.Select(p => p.AadObjectId));
        JToken panel = tampering switch
        {
            "someone on no project on the panel" => members + "," + Outsider.AadObjectId,
            "a removed member as the whole panel" => Former.AadObjectId,
            "the panel as a JSON array" => new JArray(Sponsor.AadObjectId, Outsider.AadObjectId),
            _ => members,
        };
        var sponsor = tampering == "someone on no project as the sponsor" ? Outsider.AadObjectId : "none";
        var before = await StoredAsync();

        var card = CardText.Of(await SubmitAsync(
            Pm, "golive.vote.start", new JObject { ["project"] = code, ["panel"] = panel, ["sponsor"] = sponsor, ["days"] = "1" }));

        Assert.DoesNotContain("Sending the vote", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    // ---- What anyone can read ----

    [Fact]
    public async Task Before_the_decision_nobody_learns_who_voted_what()
    {
        var (code, round) = await VoteAsync();
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Interface backlog unresolved"));
        await SubmitAsync(Cmio, GoLiveRoundKind.Submit, Vote(code, round, "GoWithConditions", conditions: "Pharmacists at the elbow"));

        foreach (var reader in new[] { Nurse, Bystander, DataLead, Pm })
        {
            var status = (await SayAsync(reader, "golive status " + code)).ToString();
            Assert.DoesNotContain("Interface backlog", status, StringComparison.Ordinal);
            Assert.DoesNotContain("Pharmacists at the elbow", status, StringComparison.Ordinal);
            Assert.DoesNotContain("last decision", status, StringComparison.Ordinal);
        }

        var own = await SubmitAsync(DataLead, GoLiveRoundKind.Change, new JObject { ["project"] = code, ["round"] = round });
        Assert.DoesNotContain("Interface backlog", own.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pharmacists at the elbow", own.ToString(), StringComparison.Ordinal);
        var mine = await SubmitAsync(Cmio, GoLiveRoundKind.Change, new JObject { ["project"] = code, ["round"] = round });
        Assert.DoesNotContain("Interface backlog", mine.ToString(), StringComparison.Ordinal);
    }

    // ---- The attestations ----

    [Theory]
    [InlineData("another owner's criterion of the round")]
    [InlineData("a computed criterion")]
    [InlineData("a criterion the gate does not have")]
    [InlineData("a criterion reassigned since the card was sent")]
    [InlineData("another project's card")]
    [InlineData("a stakeholder it was not sent to")]
    [InlineData("a leader it was not sent to")]
    [InlineData("someone on no project")]
    [InlineData("an owner removed from the project")]
    [InlineData("the owner's id in another tenant")]
    [InlineData("evidence with patient details")]
    [InlineData("evidence too long")]
    [InlineData("a closed card")]
    public async Task An_attestation_that_is_not_the_owners_own_is_refused_with_nothing_stored(string attack)
    {
        var (code, _) = await VoteAsync();
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var (other, _) = await VoteAsync(cmioOnProject: true);
        await SayAsync(Pm, "golive ask " + other);
        var otherRound = await LatestAsync(other, AttestRounds.Kind);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Sending a card to", CardText.Of(await SayAsync(Pm, "golive ask " + code)), StringComparison.Ordinal);
        var round = await LatestAsync(code, AttestRounds.Kind);
        var gate = (await Get<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate;
        int Numbered(string key) => gate.Criteria.Single(c => c.TemplateKey == key).Number;
        var (signOff, conversion) = (Numbered("WorkflowSignOff"), Numbered("ConversionReconciled"));
        var security = Numbered("SecurityRiskAnalysis");
        var computed = gate.Criteria.First(c => c.IsComputed).Number;

        var (who, criterion, evidence, project, id, tenant) =
            (Cmio, signOff, "Order sets signed off", code, round, TestActivities.Tenant);
        switch (attack)
        {
            case "another owner's criterion of the round": criterion = conversion; break;
            case "a computed criterion": criterion = computed; break;
            case "a criterion the gate does not have": criterion = 999; break;
            case "a criterion reassigned since the card was sent":
                await SubmitAsync(Pm, "golive.edit", Edit(code, signOff, Sponsor));
                break;
            case "another project's card": (project, id) = (other, otherRound); criterion = conversion; break;
            case "a stakeholder it was not sent to": who = Nurse; break;
            case "a leader it was not sent to": who = Bystander; break;
            case "someone on no project": who = Outsider; break;
            case "an owner removed from the project":
                await RemoveAsync(code, Former);
                (who, criterion) = (Former, security);
                break;
            case "the owner's id in another tenant": tenant = TestActivities.OtherTenant; break;
            case "evidence with patient details": evidence = "Reconciled, except Mr. John Carter MRN 48213377 in bed 4"; break;
            case "evidence too long": evidence = new string('x', 301); break;
            default: env.Clock.Advance(GoLiveAttestations.OpenFor); break;
        }

        var before = await StoredAsync();

        var card = CardText.Of(await SubmitAsync(who, AttestRoundKind.Submit, new JObject
        {
            ["project"] = project, ["round"] = id, ["criterion"] = criterion.ToString(CultureInfo.InvariantCulture),
            ["state"] = "Met", ["evidence"] = evidence,
        }, tenant));

        // Not the answered card: a refusal, or the card back with what needs changing.
        Assert.DoesNotContain("48213377", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Attest another or change", card, StringComparison.Ordinal);
        await AssertNothingStoredAsync(before);
    }

    [Fact]
    public async Task The_attestation_card_says_truly_who_reads_the_evidence()
    {
        var (code, _) = await VoteAsync();
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        await SayAsync(Pm, "golive ask " + code);
        var round = await LatestAsync(code, AttestRounds.Kind);
        var gate = (await Get<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate;
        var conversion = gate.Criteria.Single(c => c.TemplateKey == "ConversionReconciled").Number;
        var sent = CardText.Of(MessagesEndpointTests.CardOf(env.Connector.SentActivities(_chats[DataLead]).Last()));

        await SubmitAsync(DataLead, AttestRoundKind.Submit, new JObject
        {
            ["project"] = code, ["round"] = round, ["criterion"] = conversion.ToString(CultureInfo.InvariantCulture),
            ["state"] = "AtRisk", ["evidence"] = "Allergy records short by 212 after the second load",
        });

        // A stakeholder on neither the panel nor the PMs reads the evidence on the scorecard: the card must not promise less.
        Assert.Contains(
            "Allergy records short by 212", CardText.Of(await SayAsync(Nurse, "golive status " + code)), StringComparison.Ordinal);
        Assert.Contains("Go-live attestation", sent, StringComparison.Ordinal);
        Assert.Contains("everyone on the project sees your answer", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("the project's PMs and the go/no-go panel see your answer", sent, StringComparison.Ordinal);
    }

    // ---- Set-up and checks ----

    /// <summary>
    /// An EHR project with its gate (the CMIO, the data lead and the security lead each owning an attested must) and a vote
    /// open for the sponsor, the CMIO, the data lead and the security lead; a leader and a nurse on the project, not on it.
    /// </summary>
    private async Task<(string Code, string Round)> VoteAsync(bool cmioOnProject = true)
    {
        foreach (var person in Everyone)
        {
            await SayAsync(person, "help");
        }

        var code = "GX" + UniqueCodes.Letters(5);
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = CardText.Of(await SubmitAsync(Pm, CardVerbs.CreateProject, new JObject
        {
            ["code"] = code, ["name"] = "Epic EHR go-live", ["kind"] = "Ehr", ["start"] = Date(-60), ["golive"] = Date(30),
            ["end"] = Date(150), ["timezone"] = "UTC",
        }));
        Assert.True(created.Contains($"Created {code}", StringComparison.Ordinal), created);
        var seeded = await Get<ProjectService>().ChangeAsync(
            Tenant, new PersonId(Pm.AadObjectId), new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
            {
                foreach (var leader in cmioOnProject ? new[] { Sponsor, Cmio, Bystander } : [Sponsor, Bystander])
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(leader.AadObjectId), leader.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
                }

                foreach (var (person, role) in new[]
                {
                    (DataLead, StakeholderRole.It), (Former, StakeholderRole.It), (Nurse, StakeholderRole.Nurse),
                })
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(person.AadObjectId), person.Name, ProjectRole.Stakeholder, role, null));
                }
            }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        await SubmitAsync(Pm, "golive.set", new JObject { ["project"] = code, ["date"] = Date(30), ["checkpoints"] = "7" });
        var gate = (await Get<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate;
        var owners = new[]
        {
            ("WorkflowSignOff", cmioOnProject ? Cmio : Sponsor), ("ConversionReconciled", DataLead), ("SecurityRiskAnalysis", Former),
        };
        foreach (var (key, owner) in owners)
        {
            var edit = Edit(code, gate.Criteria.Single(c => c.TemplateKey == key).Number, owner);
            Assert.Contains("saved", CardText.Of(await SubmitAsync(Pm, "golive.edit", edit)), StringComparison.Ordinal);
        }

        var seated = cmioOnProject ? new[] { Sponsor, Cmio, DataLead, Former } : [Sponsor, DataLead, Former];
        var panel = string.Join(",", seated.Select(p => p.AadObjectId));
        Assert.Contains("Sending the vote", CardText.Of(await SubmitAsync(Pm, "golive.vote.start", new JObject
        {
            ["project"] = code, ["panel"] = panel, ["sponsor"] = Sponsor.AadObjectId, ["days"] = "2",
        })), StringComparison.Ordinal);
        return (code, await LatestAsync(code, GoLiveRounds.Kind));
    }

    private async Task<string> LatestAsync(string code, RoundKind kind) =>
        (await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), kind, 1, default)).Single().Id;

    private Task<JObject> RemoveAsync(string code, ChannelAccount person) =>
        SubmitAsync(Pm, CardVerbs.RemoveStakeholder, new JObject { ["project"] = code, ["person"] = person.AadObjectId });

    private static JObject Edit(string code, int criterion, ChannelAccount owner) => new()
    {
        ["project"] = code, ["criterion"] = criterion.ToString(CultureInfo.InvariantCulture), ["action"] = "keep",
        ["importance"] = "keep", ["owner"] = owner.AadObjectId, ["threshold"] = "", ["subject"] = "", ["stale"] = "",
    };

    private static JObject Vote(string code, string round, string choice, string conditions = "", string reason = "") =>
        VoteData.Of(code, round, choice, conditions, reason);

    private Task<JObject> SubmitAsync(ChannelAccount who, string verb, JObject data, string tenant = TestActivities.Tenant) =>
        env.SubmitAsync(who, _chats[who], verb, data, tenant);

    private Task<JObject> SayAsync(ChannelAccount who, string text) => env.SayAsync(who, _chats[who], text);

    private async Task<IReadOnlyList<string>> AuditedAsync(string code, string kind, ChannelAccount by)
    {
        var rows = await StoredAsync();
        return [.. rows.Where(r => r.Contains(code, StringComparison.Ordinal) && r.Contains(kind, StringComparison.Ordinal)
            && r.Contains(by.AadObjectId, StringComparison.Ordinal) && r.StartsWith("Audit", StringComparison.Ordinal))];
    }

    private Task<SortedSet<string>> StoredAsync() => env.StoredAsync();

    private Task AssertNothingStoredAsync(SortedSet<string> before) => env.AssertNothingStoredAsync(before);

    /// <summary>The bot on a private Azurite with a fake clock, the scheduler off, a second tenant allowed, its log kept.</summary>
    public sealed class Environment : InsiderBot;
}
