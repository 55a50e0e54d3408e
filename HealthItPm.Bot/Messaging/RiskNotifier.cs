using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams.Risks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Messaging;

/// <summary>
/// Delivers a risk's outbox: the escalation card, an owner reminder, a request for an update, or that
/// the chain was exhausted. Notices are claimed in storage before sending and their outcome recorded
/// after, so a failed send is tried again later (with backoff) and several hosts send each once.
/// </summary>
public sealed partial class RiskNotifier(RiskService risks, ProactiveSender sender, RiskCardFactory cards, ILogger<RiskNotifier> logger)
{
    /// <summary>
    /// Applies the escalation policy to the risk and delivers what it queued, at once: a critical
    /// patient-safety risk reaches the sponsor in the same turn it is logged, not at the next tick.
    /// </summary>
    public async Task<(int Queued, int Delivered)> ApplyPolicyAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var queued = await risks.WatchOneAsync(tenant, id, cancellationToken);
        return (queued.Count, await DeliverAsync(tenant, id, cancellationToken));
    }

    /// <summary>Sends whatever of the risk's outbox is due now; returns how many Teams accepted.</summary>
    public async Task<int> DeliverAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        if (await risks.ClaimDueNoticesAsync(tenant, id, cancellationToken) is not var (project, risk, claimed))
        {
            return 0;
        }

        var delivered = 0;
        foreach (var pending in claimed)
        {
            var card = pending.Notice.Kind == RiskNoticeKind.Escalation
                ? await cards.ForAsync(tenant, project, risk, pending.Notice.To, cancellationToken)
                : NoticeFor(risk, pending.Notice.Kind);
            var result = await sender.SendToPersonAsync(tenant, pending.Notice.To, AdaptiveCard.ToActivity(card), cancellationToken);
            NoticeDelivery outcome = result.Outcome == SendOutcome.Sent ? new NoticeDelivery.Delivered() : new NoticeDelivery.Failed(result.RetryAfter);
            if (result.Outcome == SendOutcome.Sent)
            {
                delivered++;
            }
            else
            {
                LogNotDelivered(logger, risk.Id.ToString(), pending.Notice.Kind, result.Outcome, pending.Attempts + 1);
            }

            await risks.CompleteNoticeAsync(tenant, id, pending.Sequence, outcome, cancellationToken);
        }

        return delivered;
    }

    /// <summary>What the PM is told after a change that may have escalated: whether the sponsor has the card yet.</summary>
    public static string Saying(string done, (int Queued, int Delivered) escalation) => escalation switch
    {
        (0, _) => done + ".",
        (_, 0) => done + " and escalated it to the sponsor at once. Teams has not taken the card yet; it is retried until it has, and the history shows when.",
        _ => done + " and escalated it to the sponsor at once.",
    };

    private static Newtonsoft.Json.Linq.JObject NoticeFor(Risk risk, RiskNoticeKind kind) => kind switch
    {
        RiskNoticeKind.OwnerReminder => NoticeCard.Build(new NoticeCardModel(
            $"Mitigation past due: {risk.Id}",
            $"The mitigation of {CardElements.Escape(risk.Title)} was due {risk.MitigationDue:yyyy-MM-dd}. Update it with the PM, or it will be escalated.")),
        RiskNoticeKind.UpdateRequested => NoticeCard.Build(new NoticeCardModel(
            $"Update requested on {risk.Id}",
            $"A leader asked for an update on {CardElements.Escape(risk.Title)}. Reply to the PM, or type **risk {risk.Id}** to see where it stands.")),
        _ => NoticeCard.Build(new NoticeCardModel(
            $"Nobody acknowledged {risk.Id}",
            $"{CardElements.Escape(risk.Title)} went through the whole escalation chain without an acknowledgement. Type **risk {risk.Id}** for its history.")),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk notice for {Risk} ({Kind}) not delivered: {Outcome} (try {Attempt}); kept in the outbox")]
    private static partial void LogNotDelivered(ILogger logger, string risk, RiskNoticeKind kind, SendOutcome outcome, int attempt);
}
