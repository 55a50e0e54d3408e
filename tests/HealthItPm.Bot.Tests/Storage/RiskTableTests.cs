using Azure.Data.Tables;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Storage;

/// <summary>
/// A risk is stored with its typed history and outbox, and refused when written by a newer version.
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

    [Fact]
    public async Task A_risk_written_by_a_newer_version_is_not_read_and_so_never_saved_over()
    {
        var id = new RiskId(new ProjectCode("EHR"), 7);
        await Table.AddAsync(
            _tenant,
            Risk.Log(
                id,
                Guarded.From("Interface engine vendor late"),
                null,
                RiskCategory.Vendor,
                new RiskRating(3, 3),
                null,
                null,
                null,
                Pm,
                Now),
            default);
        var row = (await env.Tables.ExecuteAsync(
            RiskTable.Name, t => t.GetEntityAsync<TableEntity>($"{_tenant.Value}|EHR", "risk|000007"), default)).Value;
        var current = $"\"schemaVersion\":{RiskDocument.CurrentVersion}";
        Assert.Contains(current, JsonColumns.Read(row), StringComparison.Ordinal);
        var newer = $"\"schemaVersion\":{RiskDocument.CurrentVersion + 1}";
        JsonColumns.Write(row, JsonColumns.Read(row)!.Replace(current, newer, StringComparison.Ordinal));
        await env.Tables.ExecuteAsync(RiskTable.Name, t => t.UpsertEntityAsync(row, TableUpdateMode.Replace), default);

        var refused = await Assert.ThrowsAsync<NewerDocumentException>(() => Table.GetAsync(_tenant, id, default));

        Assert.Contains($"version {RiskDocument.CurrentVersion + 1}", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {RiskDocument.CurrentVersion}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_of_event_with_its_values_and_every_pending_notice_reads_back_as_saved()
    {
        var id = new RiskId(new ProjectCode("EHR"), 8);
        var at = Now;
        RiskEvent[] history =
        [
            new(RiskEventKind.Logged, at, Pm) { Category = RiskCategory.PatientSafety, RatingAfter = new RiskRating(3, 3) },
            new(RiskEventKind.Rated, at.AddMinutes(1), Pm) { RatingBefore = new RiskRating(3, 3), RatingAfter = new RiskRating(4, 5) },
            new(RiskEventKind.OwnerAssigned, at.AddMinutes(2), Pm) { OwnerAfter = Nurse },
            new(RiskEventKind.MitigationPlanned, at.AddMinutes(3), Nurse) { Note = "Weekly vendor call", Due = new DateOnly(2026, 12, 10) },
            new(
                RiskEventKind.StatusChanged,
                at.AddMinutes(4),
                Nurse) { StatusBefore = RiskStatus.Open, StatusAfter = RiskStatus.Mitigating },
            new(RiskEventKind.Escalated, at.AddMinutes(5), null)
            {
                LevelBefore = 0, LevelAfter = 1, StatusBefore = RiskStatus.Mitigating, StatusAfter = RiskStatus.Escalated,
                Escalation = new EscalationReason.SevereImpact(RiskCategory.PatientSafety, 5),
            },
            new(
                RiskEventKind.Escalated,
                at.AddMinutes(6),
                null) { LevelBefore = 1, LevelAfter = 2, Escalation = new EscalationReason.NotAcknowledged(TimeSpan.FromHours(4), true) },
            new(
                RiskEventKind.Escalated,
                at.AddMinutes(7),
                null) { LevelBefore = 2, LevelAfter = 3, Escalation = new EscalationReason.MitigationPastDue(new DateOnly(2026, 11, 20)) },
            new(
                RiskEventKind.Escalated,
                at.AddMinutes(8),
                null) { LevelBefore = 3, LevelAfter = 4, Escalation = new EscalationReason.CriticalRisk() },
            new(RiskEventKind.Notified, at.AddMinutes(9), null) { Notice = RiskNoticeKind.Escalation, NoticeTo = Sponsor },
            new(RiskEventKind.NotReachable, at.AddMinutes(10), null) { Notice = RiskNoticeKind.Escalation, NoticeTo = Pm },
            new(
                RiskEventKind.NoticeNotDelivered,
                at.AddMinutes(11),
                null) { Notice = RiskNoticeKind.OwnerReminder, NoticeTo = Nurse, Attempts = 8 },
            new(RiskEventKind.UpdateRequested, at.AddMinutes(12), Sponsor),
            new(RiskEventKind.Acknowledged, at.AddMinutes(13), Sponsor),
            new(RiskEventKind.OwnerReminded, at.AddMinutes(14), null) { Due = new DateOnly(2026, 12, 10) },
            new(RiskEventKind.ChainExhausted, at.AddMinutes(15), null),
        ];
        Assert.Equal(Enum.GetValues<RiskEventKind>().Order(), history.Select(e => e.Kind).Distinct().Order());
        PendingNotice[] outbox =
        [
            new(3, new RiskNotice(RiskNoticeKind.Acknowledged, Pm, id, Sponsor)),
            new(4, new RiskNotice(RiskNoticeKind.OwnerReminder, Nurse, id)),
        ];
        var risk = Risk.Restore(new RiskState(
            id, Guarded.From("Scanner firmware"), null, RiskCategory.PatientSafety, new RiskRating(
                4,
                5), Nurse, Guarded.From("Weekly vendor call"),
            new DateOnly(2026, 12, 10), RiskStatus.Escalated, 4, at.AddMinutes(8), (
                Sponsor,
                at.AddMinutes(13)), at.AddMinutes(14), null, true, history, outbox, 2));

        await Table.AddAsync(_tenant, risk, default);
        var read = (await Table.GetAsync(_tenant, id, default))!.Risk;

        Assert.Equal(history, read.History);
        Assert.Equal(outbox, read.Outbox);
        RiskEvent[] none = [];
        Assert.Equal(risk.ToState() with { History = none, Outbox = null }, read.ToState() with { History = none, Outbox = null });
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
