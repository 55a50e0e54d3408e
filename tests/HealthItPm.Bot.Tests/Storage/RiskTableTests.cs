using Azure.Data.Tables;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// Risk history is typed; risks stored before that (text events, schema versions 1 and 2) still read, converted.
/// The digest reads open risks and risks changed since a moment, never the settled older register.
/// </summary>
[Collection(SharedStorageEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class RiskTableTests(StorageEnvironment env)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");
    private static readonly PersonId Nurse = new("33333333-3333-3333-3333-333333333333");

    private readonly TenantId _tenant = new(Guid.NewGuid().ToString());

    private RiskTable Table => new(env.Tables);

    // A version 2 document exactly as the bot wrote it before history was typed.
    private const string Version2Document = """
        {"schemaVersion":2,"project":"EHR","number":7,"title":"Interface engine vendor late","description":null,"category":"PatientSafety",
         "probability":4,"impact":5,"owner":"33333333-3333-3333-3333-333333333333","mitigation":"Weekly vendor call","mitigationDue":"2026-12-10",
         "status":"Accepted","escalationLevel":1,"escalatedAt":"2026-11-23T15:00:00+00:00","acknowledgedBy":"22222222-2222-2222-2222-222222222222",
         "acknowledgedAt":"2026-11-23T16:00:00+00:00","ownerRemindedAt":null,"acceptedBecause":"Vendor penalty clause","chainExhaustionReported":false,
         "history":[
          {"at":"2026-11-23T14:00:00+00:00","by":"11111111-1111-1111-1111-111111111111","what":"logged","before":null,"after":"PatientSafety, P3×I3 = 9 (Medium)"},
          {"at":"2026-11-23T14:10:00+00:00","by":"11111111-1111-1111-1111-111111111111","what":"rating","before":"P3×I3 = 9 (Medium)","after":"P4×I5 = 20 (Critical)"},
          {"at":"2026-11-23T14:20:00+00:00","by":"11111111-1111-1111-1111-111111111111","what":"owner","before":null,"after":"33333333-3333-3333-3333-333333333333"},
          {"at":"2026-11-23T14:30:00+00:00","by":"11111111-1111-1111-1111-111111111111","what":"mitigation","before":null,"after":"Weekly vendor call (due 2026-12-10)"},
          {"at":"2026-11-23T14:30:00+00:00","by":"11111111-1111-1111-1111-111111111111","what":"status","before":"Open","after":"Mitigating"},
          {"at":"2026-11-23T15:00:00+00:00","by":null,"what":"escalated","before":"0","after":"level 1: critical risk"},
          {"at":"2026-11-23T15:00:05+00:00","by":null,"what":"notified","before":null,"after":"escalation card to 22222222-2222-2222-2222-222222222222"},
          {"at":"2026-11-23T15:30:00+00:00","by":null,"what":"notice not delivered","before":null,"after":"past-due reminder to 33333333-3333-3333-3333-333333333333 after 8 tries"},
          {"at":"2026-11-23T16:00:00+00:00","by":"22222222-2222-2222-2222-222222222222","what":"acknowledged","before":null,"after":null},
          {"at":"2026-11-23T17:00:00+00:00","by":"22222222-2222-2222-2222-222222222222","what":"status","before":"Escalated","after":"Accepted: Vendor penalty clause"},
          {"at":"2026-11-23T17:05:00+00:00","by":null,"what":"something new","before":"a","after":"b"}
         ],
         "outbox":[],"noticesEnqueued":2}
        """;

    [Fact]
    public async Task A_risk_written_by_a_newer_version_is_not_read_and_so_never_saved_over()
    {
        var row = new TableEntity($"{_tenant.Value}|EHR", "risk|000007");
        JsonColumns.Write(row, Version2Document.ReplaceLineEndings(string.Empty).Replace("\"schemaVersion\":2", "\"schemaVersion\":5", StringComparison.Ordinal));
        await env.Tables.ExecuteAsync(RiskTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);

        var refused = await Assert.ThrowsAsync<NewerDocumentException>(() => Table.GetAsync(_tenant, new RiskId(new ProjectCode("EHR"), 7), default));

        Assert.Contains("version 5", refused.Message, StringComparison.Ordinal);
        Assert.Contains("up to version 4", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_risk_stored_with_text_history_reads_as_typed_events()
    {
        var row = new TableEntity($"{_tenant.Value}|EHR", "risk|000007");
        JsonColumns.Write(row, Version2Document.ReplaceLineEndings(string.Empty));
        await env.Tables.ExecuteAsync(RiskTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);

        var risk = (await Table.GetAsync(_tenant, new RiskId(new ProjectCode("EHR"), 7), default))!.Risk;

        var h = risk.History;
        Assert.Equal(
            [RiskEventKind.Logged, RiskEventKind.Rated, RiskEventKind.OwnerAssigned, RiskEventKind.MitigationPlanned, RiskEventKind.StatusChanged, RiskEventKind.Escalated,
                RiskEventKind.Notified, RiskEventKind.NoticeNotDelivered, RiskEventKind.Acknowledged, RiskEventKind.StatusChanged, RiskEventKind.Other],
            h.Select(e => e.Kind));
        Assert.Equal((RiskCategory.PatientSafety, new RiskRating(3, 3)), (h[0].Category!.Value, h[0].RatingAfter!.Value));
        Assert.Equal((new RiskRating(3, 3), new RiskRating(4, 5), Pm), (h[1].RatingBefore!.Value, h[1].RatingAfter!.Value, h[1].By!.Value));
        Assert.Equal(((PersonId?)null, (PersonId?)Nurse), (h[2].OwnerBefore, h[2].OwnerAfter));
        Assert.Equal(("Weekly vendor call", new DateOnly(2026, 12, 10)), (h[3].Note, h[3].Due!.Value));
        Assert.Equal((RiskStatus.Open, RiskStatus.Mitigating), (h[4].StatusBefore!.Value, h[4].StatusAfter!.Value));
        Assert.Equal((0, 1, new EscalationReason.CriticalRisk(), (string?)null, (PersonId?)null), (h[5].LevelBefore!.Value, h[5].LevelAfter!.Value, h[5].Escalation, h[5].Note, h[5].By));
        Assert.Equal((RiskNoticeKind.Escalation, Sponsor), (h[6].Notice!.Value, h[6].NoticeTo!.Value));
        Assert.Equal((RiskNoticeKind.OwnerReminder, Nurse, 8), (h[7].Notice!.Value, h[7].NoticeTo!.Value, h[7].Attempts!.Value));
        Assert.Equal(Sponsor, h[8].By);
        Assert.Equal((RiskStatus.Escalated, RiskStatus.Accepted, "Vendor penalty clause"), (h[9].StatusBefore!.Value, h[9].StatusAfter!.Value, h[9].Note));
        Assert.Equal("something new: a → b", h[10].Note);
    }

    // A version 3 document: typed events, but why it escalated and whom a notice is about as text.
    private const string Version3Document = """
        {"schemaVersion":3,"project":"EHR","number":8,"title":"Scanner firmware","description":null,"category":"PatientSafety",
         "probability":3,"impact":4,"owner":"33333333-3333-3333-3333-333333333333","mitigation":null,"mitigationDue":null,
         "status":"Escalated","escalationLevel":2,"escalatedAt":"2026-11-24T15:00:00+00:00","acknowledgedBy":null,
         "acknowledgedAt":null,"ownerRemindedAt":null,"acceptedBecause":null,"chainExhaustionReported":false,
         "history":[
          {"at":"2026-11-23T15:00:00+00:00","by":null,"kind":"Escalated","levelBefore":0,"levelAfter":1,"statusAfter":"Escalated","note":"PatientSafety risk with impact 4"},
          {"at":"2026-11-23T19:00:00+00:00","by":null,"kind":"Escalated","levelBefore":1,"levelAfter":2,"statusAfter":"Escalated","note":"not acknowledged within 4 business hours"},
          {"at":"2026-11-24T15:00:00+00:00","by":null,"kind":"Escalated","levelBefore":2,"levelAfter":3,"statusAfter":"Escalated","note":"not acknowledged within 90 minutes"},
          {"at":"2026-11-24T16:00:00+00:00","by":null,"kind":"Escalated","levelBefore":3,"levelAfter":4,"statusAfter":"Escalated","note":"mitigation past due since 2026-11-20"},
          {"at":"2026-11-24T17:00:00+00:00","by":null,"kind":"Escalated","levelBefore":4,"levelAfter":5,"statusAfter":"Escalated","note":"the [vendor](https://evil.example) said so"}
         ],
         "outbox":[
          {"sequence":3,"kind":"Acknowledged","to":"11111111-1111-1111-1111-111111111111","reason":"22222222-2222-2222-2222-222222222222"},
          {"sequence":4,"kind":"OwnerReminder","to":"33333333-3333-3333-3333-333333333333","reason":"mitigation past due"}
         ],"noticesEnqueued":4}
        """;

    [Fact]
    public async Task A_risk_stored_with_escalation_reasons_as_text_reads_them_as_data_and_keeps_what_it_cannot_read()
    {
        var row = new TableEntity($"{_tenant.Value}|EHR", "risk|000008");
        JsonColumns.Write(row, Version3Document.ReplaceLineEndings(string.Empty));
        await env.Tables.ExecuteAsync(RiskTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);
        var id = new RiskId(new ProjectCode("EHR"), 8);

        var read = (await Table.GetAsync(_tenant, id, default))!;

        EscalationReason?[] expected =
        [
            new EscalationReason.SevereImpact(RiskCategory.PatientSafety, 4),
            new EscalationReason.NotAcknowledged(TimeSpan.FromHours(4), InBusinessHours: true),
            new EscalationReason.NotAcknowledged(TimeSpan.FromMinutes(90), InBusinessHours: false),
            new EscalationReason.MitigationPastDue(new DateOnly(2026, 11, 20)),
            null,
        ];
        Assert.Equal(expected, read.Risk.History.Select(e => e.Escalation));
        Assert.Equal([null, null, null, null, "the [vendor](https://evil.example) said so"], read.Risk.History.Select(e => e.Note));
        Assert.Equal(
            [new RiskNotice(RiskNoticeKind.Acknowledged, Pm, id, Sponsor), new RiskNotice(RiskNoticeKind.OwnerReminder, Nurse, id)],
            read.Risk.Outbox.Select(n => n.Notice));

        Assert.True(await Table.SaveAsync(_tenant, read, default));
        var again = (await Table.GetAsync(_tenant, id, default))!.Risk;
        var stored = JsonColumns.Read((await env.Tables.ExecuteAsync(RiskTable.Name, t => t.GetEntityAsync<TableEntity>($"{_tenant.Value}|EHR", "risk|000008"), default)).Value)!;
        Assert.Equal(read.Risk.History, again.History);
        Assert.Equal(read.Risk.Outbox, again.Outbox);
        Assert.Contains("\"schemaVersion\":4", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("\"reason\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_converted_risk_is_saved_typed_and_reads_back_the_same()
    {
        var row = new TableEntity($"{_tenant.Value}|EHR", "risk|000007");
        JsonColumns.Write(row, Version2Document.ReplaceLineEndings(string.Empty));
        await env.Tables.ExecuteAsync(RiskTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);
        var id = new RiskId(new ProjectCode("EHR"), 7);
        var read = (await Table.GetAsync(_tenant, id, default))!;

        read.Risk.Close(Sponsor, Now.AddDays(1));
        Assert.True(await Table.SaveAsync(_tenant, read, default));
        var again = (await Table.GetAsync(_tenant, id, default))!.Risk;

        Assert.Equal(read.Risk.History, again.History);
        var stored = (await env.Tables.ExecuteAsync(RiskTable.Name, t => t.GetEntityAsync<TableEntity>($"{_tenant.Value}|EHR", "risk|000007"), default)).Value;
        Assert.Contains("\"schemaVersion\":4", JsonColumns.Read(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("\"what\"", JsonColumns.Read(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_reads_open_risks_and_risks_changed_since_its_last_issue_but_not_older_settled_ones()
    {
        var code = new ProjectCode("EHR");
        async Task<Risk> LogAsync(int number, DateTimeOffset at, Action<Risk>? then = null)
        {
            var risk = Risk.Log(new RiskId(code, number), Guarded.From($"Risk {number}"), null, RiskCategory.Vendor, new RiskRating(3, 4), null, null, null, Pm, at);
            await Table.AddAsync(_tenant, risk, default);
            if (then is not null)
            {
                var read = (await Table.GetAsync(_tenant, risk.Id, default))!;
                then(read.Risk);
                Assert.True(await Table.SaveAsync(_tenant, read, default));
            }

            return risk;
        }

        var since = Now.AddDays(-7);
        await LogAsync(1, Now.AddDays(-30), r => r.Close(Pm, Now.AddDays(-20)));                                   // settled before: not read
        await LogAsync(2, Now.AddDays(-30));                                                                       // open for a month
        await LogAsync(3, Now.AddDays(-20), r => r.Close(Pm, since.AddMinutes(1)));                                 // closed in the week
        await LogAsync(4, Now.AddDays(-2));                                                                        // logged in the week
        await LogAsync(5, Now.AddDays(-30), r => r.Accept(Guarded.From("Vendor penalty clause"), Pm, since.AddMinutes(-1))); // accepted just before

        var read = await Table.OpenOrChangedSinceAsync(_tenant, code, since, default);

        Assert.Equal([2, 3, 4], read.Select(r => r.Id.Number));
        Assert.Equal(RiskStatus.Closed, read[1].Status);
    }

    [Fact]
    public async Task A_stale_save_changes_neither_the_risk_nor_what_the_digest_reads_as_changed()
    {
        var id = new RiskId(new ProjectCode("LAB"), 1);
        await Table.AddAsync(_tenant, Risk.Log(id, Guarded.From("Analyzer interface drops results"), null, RiskCategory.TechnicalIntegration, new RiskRating(2, 2), null, null, null, Pm, Now.AddDays(-30)), default);
        var first = (await Table.GetAsync(_tenant, id, default))!;
        var second = (await Table.GetAsync(_tenant, id, default))!;
        first.Risk.Rate(new RiskRating(3, 3), Pm, Now.AddDays(-20));
        Assert.True(await Table.SaveAsync(_tenant, first, default));

        second.Risk.Close(Pm, Now);
        Assert.False(await Table.SaveAsync(_tenant, second, default));

        Assert.Equal(RiskStatus.Open, (await Table.GetAsync(_tenant, id, default))!.Risk.Status);
        var index = await env.Tables.QueryAsync(RiskTable.Name, StorageTables.PrefixFilter($"{_tenant.Value}|LAB", "index|"), row => row.GetInt64("R1"), default);
        Assert.Equal([Now.AddDays(-20).UtcTicks], index);
    }

    [Fact]
    public async Task A_register_stored_before_the_index_is_indexed_once_then_read_by_point_reads_only()
    {
        var code = new ProjectCode("PACS");
        var since = Now.AddDays(-7);
        for (var number = 1; number <= 3; number++)
        {
            Assert.Equal(number, await Table.NextNumberAsync(_tenant, code, default));
            await Table.AddAsync(_tenant, Risk.Log(new RiskId(code, number), Guarded.From($"Risk {number}"), null, RiskCategory.Vendor, new RiskRating(3, 4), null, null, null, Pm, Now.AddDays(-30)), default);
        }

        // As stored before: no index rows. Then one save after the upgrade indexes only the risk it saves.
        var table = new TableClient(env.Azurite.ConnectionString, RiskTable.Name);
        await table.DeleteEntityAsync($"{_tenant.Value}|PACS", "index|0000");
        var third = (await Table.GetAsync(_tenant, new RiskId(code, 3), default))!;
        third.Risk.Close(Pm, Now.AddDays(-1));
        Assert.True(await Table.SaveAsync(_tenant, third, default));

        Assert.Equal([1, 2, 3], (await Table.OpenOrChangedSinceAsync(_tenant, code, since, default)).Select(r => r.Id.Number));

        // Indexed now: a risk document written behind the index's back is not found, so the read was point reads.
        var stray = (await table.GetEntityAsync<TableEntity>($"{_tenant.Value}|PACS", "risk|000002")).Value;
        stray.RowKey = "risk|000004";
        await table.AddEntityAsync(stray);
        Assert.Equal([1, 2, 3], (await Table.OpenOrChangedSinceAsync(_tenant, code, since, default)).Select(r => r.Id.Number));
        Assert.Equal([1, 2], (await Table.OpenOrChangedSinceAsync(_tenant, code, Now, default)).Select(r => r.Id.Number));
    }

    [Fact]
    public void The_risk_card_names_who_changed_what_from_before_to_after()
    {
        var project = Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(new DateOnly(2026, 10, 1), new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1)), "UTC",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), new DateOnly(2026, 10, 1));
        project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("4 West")));
        var risk = Risk.Log(new RiskId(project.Code, 1), Guarded.From("Interface engine vendor late"), null, RiskCategory.Vendor, new RiskRating(3, 3), null, null, null, Pm, Now);
        risk.Rate(new RiskRating(4, 4), Pm, Now.AddHours(1));
        risk.AssignOwner(Nurse, Pm, Now.AddHours(2));
        risk.AssignOwner(Sponsor, Pm, Now.AddHours(3));

        var card = RiskCard.Build(RiskViews.Of(project, risk, Now.AddHours(4))).ToString();

        Assert.Contains("Rating Medium 9 (P3×I3) → Critical 16 (P4×I4) · by Priya Shah", card, StringComparison.Ordinal);
        Assert.Contains("Owner nobody → Nina Patel · by Priya Shah", card, StringComparison.Ordinal);
        Assert.Contains("Owner Nina Patel → someone no longer on the project · by Priya Shah", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Nurse.Value, card, StringComparison.Ordinal);
    }
}
