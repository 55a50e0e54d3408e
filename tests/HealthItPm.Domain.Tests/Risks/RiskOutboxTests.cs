using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Risks;

/// <summary>
/// The risk's outbox holds what a step decided until the delivery pipeline has it; the pipeline reports back into the history.
/// </summary>
public class RiskOutboxTests
{
    private static readonly DateTimeOffset Logged = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");
    private static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");

    private static Risk Escalated()
    {
        var risk = Risk.Log(
            new RiskId(new ProjectCode("EHR"), 7),
            Guarded.From("Wrong-patient orders"),
            null,
            RiskCategory.PatientSafety,
            new RiskRating(4, 5),
            null,
            null,
            null,
            Pm,
            Logged);
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Logged);
        risk.Enqueue(new RiskNotice(RiskNoticeKind.Escalation, Sponsor, risk.Id));
        return risk;
    }

    [Fact]
    public void A_notice_waits_in_the_outbox_until_handed_over_and_keeps_the_risk_watched()
    {
        var risk = Escalated();
        Assert.Equal(Sponsor, Assert.Single(risk.Outbox).Notice.To);

        risk.Accept(Guarded.From("Vendor patch scheduled"), Cio, Logged.AddMinutes(5));
        Assert.True(risk.NeedsWatching);

        risk.HandedOver([risk.Outbox[0].Sequence]);
        Assert.Empty(risk.Outbox);
        Assert.False(risk.NeedsWatching);
    }

    [Fact]
    public void Handing_over_only_removes_the_notices_named_so_a_notice_queued_meanwhile_stays()
    {
        var risk = Escalated();
        var first = risk.Outbox[0].Sequence;
        risk.Enqueue(new RiskNotice(RiskNoticeKind.UpdateRequested, Pm, risk.Id));

        risk.HandedOver([first]);
        risk.HandedOver([first]);

        Assert.NotEqual(first, Assert.Single(risk.Outbox).Sequence);
        Assert.Equal(2, risk.NoticesEnqueued);
    }

    [Theory]
    [InlineData(DeliveryState.Sent, 1, RiskEventKind.Notified)]
    [InlineData(DeliveryState.Unreachable, 1, RiskEventKind.NotReachable)]
    [InlineData(DeliveryState.NotDelivered, 8, RiskEventKind.NoticeNotDelivered)]
    [InlineData(DeliveryState.NotDelivered, 1, RiskEventKind.NoticeNotDelivered)]
    public void How_a_delivery_settled_is_an_event_in_the_history(DeliveryState state, int attempts, RiskEventKind kind)
    {
        var risk = Escalated();
        var notice = risk.Outbox[0].Notice;

        risk.RecordDelivery(notice, state, attempts, Logged.AddSeconds(2));

        var settled = risk.History[^1];
        Assert.Equal(
            (kind, (RiskNoticeKind?)notice.Kind, (PersonId?)notice.To, (int?)attempts, (PersonId?)null),
            (settled.Kind, settled.Notice, settled.NoticeTo, settled.Attempts, settled.By));
    }

    [Fact]
    public void A_notice_no_longer_needed_leaves_no_event()
    {
        var risk = Escalated();
        var events = risk.History.Count;

        risk.RecordDelivery(risk.Outbox[0].Notice, DeliveryState.NotNeeded, 1, Logged);

        Assert.Equal(events, risk.History.Count);
    }

    [Fact]
    public void The_outbox_survives_storing_and_restoring()
    {
        var risk = Escalated();

        var restored = Risk.Restore(risk.ToState());

        Assert.Equal(risk.Outbox, restored.Outbox);
        Assert.Equal(risk.NoticesEnqueued, restored.NoticesEnqueued);
    }
}
