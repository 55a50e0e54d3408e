using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Privacy;

/// <summary>
/// Patient details that got through the guard, in a risk's description and a check-in blocker, removed by the PM from the
/// cards that show them, on two hosts against Azurite: afterwards no row of any table and no queue message holds the words,
/// the cards the pipeline sent that showed them were updated in place through the connector, and the audit log says who
/// removed what from which field, without the words. A leader, a nurse and an outsider change nothing.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class PatientDetailsRemovalTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string Description = "Ravi Chandrasekhar's drip pump lost its library";
    private const string Blocker = "pt maria gonzalez in bed 12 cannot be scanned";
    private const string LeaderChat = "a:pharmacist-chat";
    private const string Comment = "mr okonkwo in bed 7 refused the new wristband";
    private const string Worry = "tran nguyen's insulin dose printed twice";
    private const string Reason = "Nguyen's family was told, see her chart";
    private static readonly RiskId Id = new(Code, 1);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    [Fact]
    public async Task The_pm_removes_them_everywhere_and_the_cards_sent_are_updated_in_place()
    {
        // The pharmacist leads (the escalation card goes to her chat); the nurse answers; the PM gets the round's summary.
        await _hosts.SetUpProjectAsync(pharmacistRole: ProjectRole.Leader);
        await _hosts.GiveChatAsync(Pharmacist, LeaderChat);
        var schedule = new CheckInSchedule(
            DayOfWeek.Tuesday, new TimeOnly(10, 0), "America/Chicago", TimeSpan.FromHours(24), TimeSpan.FromHours(48), false,
            Audience.Everyone with { ProjectManagers = true });
        Assert.IsType<Outcome<CheckInSchedule>.Done>(await _hosts.Get<CheckInService>().ScheduleAsync(Tenant, Pm, Code, schedule, default));
        _hosts.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 16, 0, 30, TimeSpan.Zero));
        await _hosts.AfterAsync(TimeSpan.Zero);
        var round = Assert.Single(await _hosts.Get<IRoundStore>().LatestRoundsAsync(Tenant, Code, CheckInRounds.Kind, 1, default));
        var answer = CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), Slipped(Blocker), false);
        var submitted = await _hosts.Get<CheckInService>().SubmitAsync(Tenant, Nurse, Code, round.Id, answer, default);
        Assert.True(submitted is Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Done, submitted.ToString());
        Assert.IsType<Outcome<Risk>.Done>(await _hosts.Get<RiskRegister>().LogAsync(
            Tenant, Pm, Code, new NewRisk(Guarded.From("Infusion pumps"), Slipped(Description), RiskCategory.PatientSafety, 4, 5, null, null), default));
        await _hosts.AfterAsync(TimeSpan.FromHours(48));
        Assert.Equal(1, _hosts.CardsTo(LeaderChat, Description));
        Assert.Equal(1, _hosts.CardsTo(PmChat, Blocker));
        Assert.True(await HoldsAsync(Description) && await HoldsAsync(Blocker));

        // A leader, a nurse and an outsider are refused, and nothing changes.
        var riskData = new JObject { ["risk"] = Id.ToString(), ["field"] = nameof(RemovableText.RiskDescription) };
        var fingerprint = RemovedText.Fingerprint(Blocker);
        // As a confirmation sent before every kind's answers could be removed named it (no kind, "blocker"): it still works.
        var blockerData = new JObject { ["project"] = Code.Value, ["round"] = round.Id, ["blocker"] = fingerprint };
        foreach (var (who, chat) in new[] { (TestActivities.Pharmacist, LeaderChat), (TestActivities.Nurse, NurseChat), (TestActivities.ItAnalyst, "a:it-chat") })
        {
            Assert.DoesNotContain("[removed", await _hosts.SubmitAsync(CardVerbs.RemoveFromRisk, riskData, chat, who), StringComparison.Ordinal);
            Assert.DoesNotContain("[removed", await _hosts.SubmitAsync(CardVerbs.RemoveFromRoundAnswer, blockerData, chat, who), StringComparison.Ordinal);
        }

        Assert.True(await HoldsAsync(Description) && await HoldsAsync(Blocker));
        Assert.DoesNotContain(_hosts.Connector.Requests, r => r.Method == "PUT");

        // The PM's confirmation names the field; then the removal.
        var confirm = await _hosts.SubmitAsync(CardVerbs.AskRemoveFromRisk, new JObject { ["risk"] = Id.ToString() }, PmChat, TestActivities.Pm);
        Assert.Contains("Remove from the description", confirm, StringComparison.Ordinal);
        var asked = await _hosts.SubmitAsync(
            CardVerbs.AskRemoveFromRoundAnswers, new JObject { ["project"] = Code.Value, ["round"] = round.Id }, PmChat, TestActivities.Pm);
        Assert.Contains(fingerprint, asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", asked, StringComparison.Ordinal);
        var removedRisk = await _hosts.SubmitAsync(CardVerbs.RemoveFromRisk, riskData, PmChat, TestActivities.Pm);
        Assert.Contains("[removed: patient details]", removedRisk, StringComparison.Ordinal);
        var cancelled = await _hosts.SubmitAsync(
            CardVerbs.ViewRoundResults, new JObject { ["project"] = Code.Value, ["round"] = round.Id }, PmChat, TestActivities.Pm);
        Assert.Contains("check-in results", cancelled, StringComparison.Ordinal);
        Assert.Contains(CardVerbs.AskRemoveFromRoundAnswers, cancelled, StringComparison.Ordinal);
        var removedBlocker = await _hosts.SubmitAsync(CardVerbs.RemoveFromRoundAnswer, blockerData, PmChat, TestActivities.Pm);

        // The PM's card shows the summary as it stands, with the words removed, and how many other cards changed.
        Assert.Contains("check-in results", removedBlocker, StringComparison.Ordinal);
        Assert.Contains("✔ Patient details removed from the answers of the EHR check-in", removedBlocker, StringComparison.Ordinal);
        Assert.Contains("[removed: patient details]", removedBlocker, StringComparison.Ordinal);
        Assert.DoesNotContain(Blocker, removedBlocker, StringComparison.Ordinal);

        // No table row and no queue message holds the words any more.
        Assert.False(await HoldsAsync(Description));
        Assert.False(await HoldsAsync(Blocker));

        // The escalation card in the leader's chat and the summary in the PM's were updated in place.
        var updates = _hosts.Connector.Requests.Where(r => r.Method == "PUT").ToList();
        var escalation = Assert.Single(updates, r => r.Path.StartsWith($"/v3/conversations/{LeaderChat}/activities/", StringComparison.Ordinal));
        var summary = Assert.Single(updates, r => r.Path.StartsWith($"/v3/conversations/{PmChat}/activities/", StringComparison.Ordinal)
            && r.Body!.ToString().Contains("check-in results", StringComparison.Ordinal));
        // The nurse's own answered check-in, the card her answer replaced, no longer shows her words either.
        var answered = Assert.Single(updates, r => r.Path.StartsWith($"/v3/conversations/{NurseChat}/activities/", StringComparison.Ordinal));
        Assert.Contains("check-in is in", answered.Body!.ToString(), StringComparison.Ordinal);
        foreach (var update in new[] { escalation, summary, answered })
        {
            Assert.Contains("[removed: patient details]", update.Body!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Description, update.Body.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Blocker, update.Body.ToString(), StringComparison.Ordinal);
        }

        // The audit log: who, which field of which subject, never the words.
        var audit = await RowsAsync(Features.Audit.AuditTable.Name);
        Assert.DoesNotContain(audit, r => r.Select(c => c.Value).OfType<string>().Any(v => v.Contains("drip", StringComparison.Ordinal) || v.Contains("bed 12", StringComparison.Ordinal)));
        var removals = audit.SelectMany(Features.Audit.AuditTable.Entries).Where(e => e.Kind.Name == "PatientDetailsRemoved").ToList();
        Assert.Equal(
            new[] { (Pm.Value, Id.ToString(), nameof(RemovableText.RiskDescription)), (Pm.Value, round.Id, nameof(RemovableText.RoundAnswer)) }.Order(),
            removals.Select(e => (e.By.Value, e.Subject ?? string.Empty, e.Field?.ToString() ?? string.Empty)).Order());
    }

    [Fact]
    public async Task A_waves_comment_and_a_concerns_words_and_reason_are_removed_the_same_way()
    {
        await _hosts.SetUpProjectAsync();
        var adkar = _hosts.Get<AdkarService>();
        var started = await adkar.StartAsync(
            Tenant, Pm, Code, "Wave 1", TimeSpan.FromDays(7), false, Audience.Everyone with { ProjectManagers = true }, default);
        var wave = Assert.IsType<Outcome<Round>.Done>(started).Value;
        await _hosts.AfterAsync(TimeSpan.Zero);
        var scores = Enumerable.Repeat(new AdkarScore(2), 5).ToList();
        Assert.IsType<Outcome<(Round, GivenAnswer<AdkarAnswer>)>.Done>(await _hosts.Get<RoundEngine>().SubmitAsync(
            Tenant, Nurse, Code, AdkarRounds.Kind, wave.Id, AdkarAnswer.Create(scores, Slipped(Comment)), default));

        var triage = _hosts.Get<ConcernTriage>();
        var reported = await triage.ReportAsync(Tenant, Nurse, "Nina Patel", Code, Slipped(Worry), default);
        var concern = Assert.IsType<Outcome<(Concern Concern, IReadOnlyList<PersonId>)>.Done>(reported).Value.Concern;
        await _hosts.Get<DeliveryQueues>().EnqueueAsync([DeliveryWork.To(Tenant, DeliveryTopics.Concern(Code, concern.Number), Pm)], default);
        await _hosts.AfterAsync(TimeSpan.Zero);
        Assert.IsType<Outcome<Concern>.Done>(await triage.DismissAsync(Tenant, Pm, Code, concern.Number, Slipped(Reason), default));
        await _hosts.Get<ConcernOutcomeNotifier>().TellReporterAsync(Tenant, Code, concern.Number, default);
        await _hosts.AfterAsync(TimeSpan.FromDays(8));
        Assert.Equal(1, _hosts.CardsTo(PmChat, Worry));
        Assert.Equal(1, _hosts.CardsTo(NurseChat, Reason));
        Assert.Equal(1, _hosts.CardsTo(PmChat, "readiness results: Wave 1"));
        Assert.True(await HoldsAsync(Comment) && await HoldsAsync(Worry) && await HoldsAsync(Reason));

        // A nurse, a stakeholder and an outsider are refused; a tampered card (an unknown kind or field, another round) is too.
        var waveData = new JObject { ["project"] = Code.Value, ["round"] = wave.Id, ["kind"] = "Adkar", ["text"] = RemovedText.Fingerprint(Comment) };
        var concernData = new JObject { ["project"] = Code.Value, ["concern"] = concern.Number, ["field"] = nameof(RemovableText.Concern) };
        var reasonData = new JObject { ["project"] = Code.Value, ["concern"] = concern.Number, ["field"] = nameof(RemovableText.ConcernDismissReason) };
        foreach (var (who, chat) in new[] { (TestActivities.Nurse, NurseChat), (TestActivities.Pharmacist, "a:pharmacist-chat"), (TestActivities.ItAnalyst, "a:it-chat") })
        {
            foreach (var (verb, data) in new[] { (CardVerbs.RemoveFromRoundAnswer, waveData), (CardVerbs.RemoveFromConcern, concernData), (CardVerbs.RemoveFromConcern, reasonData), (CardVerbs.AskRemoveFromRoundAnswers, waveData), (CardVerbs.AskRemoveFromConcern, concernData) })
            {
                var answer = await _hosts.SubmitAsync(verb, data, chat, who);
                Assert.DoesNotContain("[removed", answer, StringComparison.Ordinal);
                Assert.DoesNotContain(Comment, answer, StringComparison.Ordinal);
                Assert.DoesNotContain(Worry, answer, StringComparison.Ordinal);
            }
        }

        var tampered = new[]
        {
            (CardVerbs.RemoveFromRoundAnswer, new JObject(waveData) { ["kind"] = "Bogus" }),
            (CardVerbs.RemoveFromRoundAnswer, new JObject(waveData) { ["kind"] = "CheckIn" }),
            (CardVerbs.RemoveFromRoundAnswer, new JObject(waveData) { ["round"] = "20261201T1600Z" }),
            (CardVerbs.RemoveFromRoundAnswer, new JObject(waveData) { ["text"] = 7 }),
            (CardVerbs.RemoveFromConcern, new JObject(concernData) { ["field"] = nameof(RemovableText.RiskTitle) }),
            (CardVerbs.RemoveFromConcern, new JObject(concernData) { ["concern"] = concern.Number + 1 }),
        };
        foreach (var (verb, data) in tampered)
        {
            Assert.DoesNotContain("✔", await _hosts.SubmitAsync(verb, data, PmChat, TestActivities.Pm), StringComparison.Ordinal);
        }

        Assert.True(await HoldsAsync(Comment) && await HoldsAsync(Worry) && await HoldsAsync(Reason));
        Assert.DoesNotContain(_hosts.Connector.Requests, r => r.Method == "PUT");

        // The wave's confirmation lists the comment and nothing of whose it is.
        var asked = await _hosts.SubmitAsync(
            CardVerbs.AskRemoveFromRoundAnswers, new JObject { ["project"] = Code.Value, ["round"] = wave.Id, ["kind"] = "Adkar" }, PmChat, TestActivities.Pm);
        Assert.Contains(Comment, asked, StringComparison.Ordinal);
        foreach (var leak in new[] { "Nina", Nurse.Value, TestActivities.NurseAadId })
        {
            Assert.DoesNotContain(leak, asked, StringComparison.Ordinal);
        }

        var removedComment = await _hosts.SubmitAsync(CardVerbs.RemoveFromRoundAnswer, waveData, PmChat, TestActivities.Pm);
        Assert.Contains("✔ Patient details removed from the answers of the EHR survey", removedComment, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina", removedComment, StringComparison.Ordinal);
        var confirm = await _hosts.SubmitAsync(CardVerbs.AskRemoveFromConcern, concernData, PmChat, TestActivities.Pm);
        Assert.Contains("Remove from the words", confirm, StringComparison.Ordinal);
        Assert.Contains("Remove from the reason for dismissing", confirm, StringComparison.Ordinal);
        var removedWorry = await _hosts.SubmitAsync(CardVerbs.RemoveFromConcern, concernData, PmChat, TestActivities.Pm);
        Assert.Contains("✔ Patient details removed from the words of EHR concern #1", removedWorry, StringComparison.Ordinal);
        var removedReason = await _hosts.SubmitAsync(CardVerbs.RemoveFromConcern, reasonData, PmChat, TestActivities.Pm);
        Assert.Contains("[removed: patient details]", removedReason, StringComparison.Ordinal);
        Assert.DoesNotContain(Reason, removedReason, StringComparison.Ordinal);

        Assert.False(await HoldsAsync(Comment));
        Assert.False(await HoldsAsync(Worry));
        Assert.False(await HoldsAsync(Reason));

        // Updated in place: the nurse's answered survey and her concern's outcome, the PM's concern card and the wave's results.
        var updates = _hosts.Connector.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Contains(updates, r => r.Path.StartsWith($"/v3/conversations/{NurseChat}/", StringComparison.Ordinal)
            && r.Body!.ToString().Contains("Wave 1", StringComparison.Ordinal));
        Assert.Contains(updates, r => r.Path.StartsWith($"/v3/conversations/{NurseChat}/", StringComparison.Ordinal)
            && r.Body!.ToString().Contains("concern #1", StringComparison.Ordinal));
        Assert.Contains(updates, r => r.Path.StartsWith($"/v3/conversations/{PmChat}/", StringComparison.Ordinal)
            && r.Body!.ToString().Contains("concern #1", StringComparison.Ordinal));
        // Each card as its last update left it (the concern's cards were updated once per text removed).
        Assert.Contains(updates, r => r.Path.StartsWith($"/v3/conversations/{PmChat}/", StringComparison.Ordinal)
            && r.Body!.ToString().Contains("readiness results: Wave 1", StringComparison.Ordinal));
        foreach (var update in updates.GroupBy(r => r.Path).Select(g => g.Last()))
        {
            foreach (var words in new[] { Comment, Worry, Reason })
            {
                Assert.DoesNotContain(words, update.Body!.ToString(), StringComparison.Ordinal);
            }
        }

        // The audit log: who, which field of which subject, never the words.
        var audit = await RowsAsync(Features.Audit.AuditTable.Name);
        Assert.DoesNotContain(audit, r => r.Select(c => c.Value).OfType<string>().Any(v => v.Contains("bed 7", StringComparison.Ordinal)
            || v.Contains("Okonkwo", StringComparison.Ordinal) || v.Contains("Nguyen", StringComparison.Ordinal)));
        var removals = audit.SelectMany(Features.Audit.AuditTable.Entries).Where(e => e.Kind.Name == "PatientDetailsRemoved").ToList();
        Assert.Equal(
            new[]
            {
                (Pm.Value, wave.Id, nameof(RemovableText.RoundAnswer)),
                (Pm.Value, "concern 1", nameof(RemovableText.Concern)),
                (Pm.Value, "concern 1", nameof(RemovableText.ConcernDismissReason)),
            }.Order(),
            removals.Select(e => (e.By.Value, e.Subject ?? string.Empty, e.Field?.ToString() ?? string.Empty)).Order());
    }

    [Fact]
    public async Task An_attestations_evidence_is_removed_from_the_gates_scorecard_too()
    {
        await _hosts.SetUpProjectAsync();
        const string Evidence = "Reconciled except the allergy list of the woman in the blue coat from Friday";
        var date = DateOnly.FromDateTime(_hosts.Clock.GetUtcNow().UtcDateTime).AddDays(40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("Go-live gate saved", await _hosts.SubmitAsync(
            "golive.set", new JObject { ["project"] = Code.Value, ["date"] = date, ["checkpoints"] = "7" }, PmChat, TestActivities.Pm), StringComparison.Ordinal);
        var gate = (await _hosts.Get<IGateStore>().GetAsync(Tenant, Code, default))!.Gate;
        var conversion = gate.Criteria.Single(c => c.TemplateKey == "ConversionReconciled").Number.ToString(CultureInfo.InvariantCulture);
        Assert.Contains("saved", await _hosts.SubmitAsync("golive.edit", new JObject
        {
            ["project"] = Code.Value, ["criterion"] = conversion, ["action"] = "keep", ["importance"] = "keep", ["owner"] = Nurse.Value,
            ["threshold"] = "", ["subject"] = "", ["stale"] = "",
        }, PmChat, TestActivities.Pm), StringComparison.Ordinal);
        await _hosts.SayAsync("golive ask EHR", PmChat, TestActivities.Pm);
        await _hosts.BothDeliverAsync();
        var round = Assert.Single(await _hosts.Get<IRoundStore>().LatestRoundsAsync(Tenant, Code, AttestRounds.Kind, 1, default));
        var fingerprint = RemovedText.Fingerprint(Evidence);
        Assert.Contains("Attested", await _hosts.SubmitAsync(AttestRoundKind.Submit, new JObject
        {
            ["project"] = Code.Value, ["round"] = round.Id, ["criterion"] = conversion, ["state"] = "AtRisk", ["evidence"] = Evidence,
        }, NurseChat, TestActivities.Nurse), StringComparison.Ordinal);
        Assert.Contains(Evidence, await _hosts.SayAsync("golive status EHR", NurseChat, TestActivities.Nurse), StringComparison.Ordinal);
        Assert.True(await HoldsAsync(Evidence));

        // The PM removes the words from the attestation round's answers: the gate's copy goes with them.
        var data = new JObject { ["project"] = Code.Value, ["round"] = round.Id, ["kind"] = AttestRounds.Kind.Name, ["text"] = fingerprint };
        Assert.Contains(fingerprint, await _hosts.SubmitAsync(
            CardVerbs.AskRemoveFromRoundAnswers, new JObject(data) { ["text"] = null }, PmChat, TestActivities.Pm), StringComparison.Ordinal);
        Assert.Contains("✔", await _hosts.SubmitAsync(CardVerbs.RemoveFromRoundAnswer, data, PmChat, TestActivities.Pm), StringComparison.Ordinal);

        Assert.False(await HoldsAsync(Evidence));
        var scorecard = await _hosts.SayAsync("golive status EHR", NurseChat, TestActivities.Nurse);
        Assert.DoesNotContain(Evidence, scorecard, StringComparison.Ordinal);
        // In markdown, its brackets escaped.
        Assert.Contains("removed: patient details", scorecard, StringComparison.Ordinal);
        Assert.DoesNotContain(RemovedText.Code, scorecard, StringComparison.Ordinal);
    }

    // Text the guard let through: restored as stored, so the test does not depend on what the guard catches today.
    private static GuardedText Slipped(string text) => GuardedText.Restore(text);

    // The words as written, or as a JSON column (a document) or a queue message (JSON) escapes them.
    private async Task<bool> HoldsAsync(string words)
    {
        var forms = new[] { words, System.Text.Json.JsonEncodedText.Encode(words).ToString() };
        bool Holds(string value) => forms.Any(f => value.Contains(f, StringComparison.Ordinal));

        foreach (var table in StorageTables.All)
        {
            if ((await RowsAsync(table)).Any(row => row.Select(c => c.Value).OfType<string>().Any(Holds)))
            {
                return true;
            }
        }

        // Every queue the pipeline has: the fixed ones and each tenant's.
        var names = new List<string>();
        await foreach (var item in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync(prefix: "deliveries"))
        {
            names.Add(item.Name);
        }

        Assert.Contains(names, n => n.StartsWith(DeliveryQueues.TenantQueuePrefix, StringComparison.Ordinal));
        foreach (var name in names)
        {
            var queue = new QueueClient(azurite.ConnectionString, name);
            if (!await queue.ExistsAsync())
            {
                continue;
            }

            var peeked = await queue.PeekMessagesAsync(32);
            if (peeked.Value.Any(m => Holds(m.Body.ToString()) || Holds(Decoded(m.Body.ToString()))))
            {
                return true;
            }
        }

        return false;
    }

    private static string Decoded(string body)
    {
        try
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }
        catch (FormatException)
        {
            return body;
        }
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var client = new TableServiceClient(azurite.ConnectionString).GetTableClient(table);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // A table nothing was written to yet holds nothing.
        }

        return rows;
    }
}
