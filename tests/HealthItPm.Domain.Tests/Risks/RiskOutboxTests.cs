using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Risks;

public class RiskOutboxTests
{
    private static readonly DateTimeOffset Logged = new(2026, 11, 25, 14, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    private static readonly PersonId Sponsor = new("22222222-2222-2222-2222-222222222222");
    private static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");

    private static Risk Escalated()
    {
        var risk = Risk.Log(new RiskId(new ProjectCode("EHR"), 7), "Wrong-patient orders", null, RiskCategory.PatientSafety, new RiskRating(4, 5), null, null, null, Pm, Logged);
        risk.Escalate(1, "critical risk", Logged);
        risk.Enqueue(new RiskNotice(RiskNoticeKind.Escalation, Sponsor, risk.Id, "critical risk"), Logged);
        return risk;
    }

    [Fact]
    public void A_queued_notice_is_due_at_once_and_a_claim_keeps_it_from_other_hosts_for_the_lease()
    {
        var risk = Escalated();

        var claimed = risk.ClaimDueNotices(Logged);

        Assert.Equal(Sponsor, Assert.Single(claimed).Notice.To);
        Assert.Empty(risk.ClaimDueNotices(Logged + NoticeDelivery.ClaimLease - TimeSpan.FromSeconds(1)));
        Assert.Single(risk.ClaimDueNotices(Logged + NoticeDelivery.ClaimLease));
        Assert.True(risk.NeedsWatching);
    }

    [Fact]
    public void A_delivered_notice_leaves_the_outbox_and_the_history_says_who_was_told()
    {
        var risk = Escalated();
        var notice = Assert.Single(risk.ClaimDueNotices(Logged));

        risk.CompleteNotice(notice.Sequence, new NoticeDelivery.Delivered(), Logged.AddSeconds(2));

        Assert.Empty(risk.Outbox);
        var last = risk.History[^1];
        Assert.Equal(("notified", $"escalation card to {Sponsor.Value}"), (last.What, last.After));
        Assert.Null(last.By);
    }

    [Fact]
    public void A_failed_notice_waits_with_doubling_backoff_and_honours_a_longer_retry_after()
    {
        var risk = Escalated();
        var sequence = risk.ClaimDueNotices(Logged)[0].Sequence;

        risk.CompleteNotice(sequence, new NoticeDelivery.Failed(null), Logged);
        Assert.Equal((1, Logged.AddMinutes(1), (DateTimeOffset?)null), (risk.Outbox[0].Attempts, risk.Outbox[0].NextAttemptAt, risk.Outbox[0].ClaimedUntil));
        Assert.Empty(risk.ClaimDueNotices(Logged.AddSeconds(59)));

        risk.ClaimDueNotices(Logged.AddMinutes(1));
        risk.CompleteNotice(sequence, new NoticeDelivery.Failed(null), Logged.AddMinutes(1));
        Assert.Equal(Logged.AddMinutes(3), risk.Outbox[0].NextAttemptAt);

        risk.ClaimDueNotices(Logged.AddMinutes(3));
        risk.CompleteNotice(sequence, new NoticeDelivery.Failed(TimeSpan.FromMinutes(30)), Logged.AddMinutes(3));
        Assert.Equal(Logged.AddMinutes(33), risk.Outbox[0].NextAttemptAt);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(12, 60)]
    public void Backoff_doubles_from_a_minute_up_to_an_hour(int attempt, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), NoticeDelivery.Backoff(attempt));

    [Fact]
    public void After_the_last_try_a_notice_is_given_up_and_the_give_up_is_in_the_history()
    {
        var risk = Escalated();
        var now = Logged;
        for (var attempt = 1; attempt <= NoticeDelivery.MaxAttempts; attempt++)
        {
            var sequence = Assert.Single(risk.ClaimDueNotices(now)).Sequence;
            risk.CompleteNotice(sequence, new NoticeDelivery.Failed(null), now);
            now += TimeSpan.FromHours(1);
        }

        Assert.Empty(risk.Outbox);
        Assert.Equal(("notice not delivered", $"escalation card to {Sponsor.Value} after {NoticeDelivery.MaxAttempts} tries"), (risk.History[^1].What, risk.History[^1].After));
    }

    [Fact]
    public void A_settled_risk_is_still_watched_until_its_outbox_is_empty()
    {
        var risk = Escalated();
        risk.Accept("Vendor patch scheduled", Cio, Logged.AddMinutes(5));
        Assert.False(risk.IsOpen);
        Assert.True(risk.NeedsWatching);

        risk.CompleteNotice(risk.ClaimDueNotices(Logged.AddMinutes(5))[0].Sequence, new NoticeDelivery.Delivered(), Logged.AddMinutes(5));

        Assert.False(risk.NeedsWatching);
    }

    [Fact]
    public void Sequences_are_never_reused_so_a_late_completion_cannot_touch_a_newer_notice()
    {
        var risk = Escalated();
        var first = risk.ClaimDueNotices(Logged)[0].Sequence;
        risk.CompleteNotice(first, new NoticeDelivery.Delivered(), Logged);
        risk.Enqueue(new RiskNotice(RiskNoticeKind.UpdateRequested, Pm, risk.Id, "a leader asked for an update"), Logged);

        risk.CompleteNotice(first, new NoticeDelivery.Delivered(), Logged.AddMinutes(1));

        Assert.NotEqual(first, Assert.Single(risk.Outbox).Sequence);
        Assert.Equal(2, risk.NoticesEnqueued);
    }

    [Fact]
    public void The_outbox_survives_storing_and_restoring()
    {
        var risk = Escalated();
        risk.ClaimDueNotices(Logged);

        var restored = Risk.Restore(risk.ToState());

        Assert.Equal(risk.Outbox, restored.Outbox);
        Assert.Equal(risk.NoticesEnqueued, restored.NoticesEnqueued);
    }

    [Fact]
    public void A_leader_with_no_chat_is_recorded_as_not_reachable_once_and_the_notice_keeps_trying()
    {
        var risk = Escalated();
        var sequence = risk.ClaimDueNotices(Logged)[0].Sequence;

        risk.CompleteNotice(sequence, new NoticeDelivery.Failed(null, Unreachable: true), Logged);
        risk.ClaimDueNotices(Logged.AddMinutes(1));
        risk.CompleteNotice(sequence, new NoticeDelivery.Failed(null, Unreachable: true), Logged.AddMinutes(1));

        Assert.Single(risk.History, e => e.What == "not reachable");
        Assert.Equal(2, Assert.Single(risk.Outbox).Attempts);
    }
}
