using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Messaging;

/// <summary>What applying the escalation policy queued, and how sending it went.</summary>
public sealed record PolicyApplied(IReadOnlyList<RiskNotice> Queued, IReadOnlyList<(RiskNotice Notice, SendOutcome Outcome)> Sent);

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
    public async Task<PolicyApplied> ApplyPolicyAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var queued = await risks.WatchOneAsync(tenant, id, cancellationToken);
        return new PolicyApplied(queued, await DeliverAsync(tenant, id, cancellationToken));
    }

    /// <summary>Sends whatever of the risk's outbox is due now; returns what was sent and how it went.</summary>
    public async Task<IReadOnlyList<(RiskNotice Notice, SendOutcome Outcome)>> DeliverAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        if (await risks.ClaimDueNoticesAsync(tenant, id, cancellationToken) is not var (project, risk, claimed))
        {
            return [];
        }

        var sent = new List<(RiskNotice, SendOutcome)>();
        foreach (var pending in claimed)
        {
            var card = pending.Notice.Kind == RiskNoticeKind.Escalation
                ? await cards.ForAsync(tenant, project, risk, pending.Notice.To, cancellationToken)
                : NoticeFor(project, risk, pending.Notice);
            var result = await sender.SendToPersonAsync(tenant, pending.Notice.To, AdaptiveCard.ToActivity(card), cancellationToken);
            NoticeDelivery outcome = result.Outcome == SendOutcome.Sent
                ? new NoticeDelivery.Delivered()
                : new NoticeDelivery.Failed(result.RetryAfter, Unreachable: result.Outcome == SendOutcome.Unreachable);
            sent.Add((pending.Notice, result.Outcome));
            if (result.Outcome != SendOutcome.Sent)
            {
                LogNotDelivered(logger, risk.Id.ToString(), pending.Notice.Kind, result.Outcome, pending.Attempts + 1);
            }

            await risks.CompleteNoticeAsync(tenant, id, pending.Sequence, outcome, cancellationToken);
        }

        return sent;
    }

    /// <summary>What the PM is told after a change that may have escalated: whether the sponsor has the card yet.</summary>
    public static string Saying(string done, Project project, PolicyApplied applied)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(applied);
        var escalation = applied.Sent.FirstOrDefault(s => s.Notice.Kind == RiskNoticeKind.Escalation);
        return applied.Queued.All(n => n.Kind != RiskNoticeKind.Escalation) ? done + "."
            : escalation.Outcome == SendOutcome.Sent ? done + " and escalated it to the sponsor at once."
            : escalation.Outcome == SendOutcome.Unreachable ? $"{done} and escalated it to the sponsor, but {CardElements.Escape(NameOf(project, escalation.Notice.To.Value))} has no chat with HealthItPm yet: reach them another way, or type **escalation** to change the chain. The card keeps trying, and climbs a level when the time to acknowledge runs out."
            : done + " and escalated it to the sponsor at once. Teams has not taken the card yet; it is retried until it has, and the history shows when.";
    }

    private static Newtonsoft.Json.Linq.JObject NoticeFor(Project project, Risk risk, RiskNotice notice)
    {
        var title = CardElements.Escape(risk.Title);
        (string, string) update = ($"Update {risk.Id}", $"risk update {risk.Id}");
        (string, string) open = ($"Open {risk.Id}", $"risk {risk.Id}");
        return NoticeCard.Build(notice.Kind switch
        {
            RiskNoticeKind.LeaderUnreachable => new NoticeCardModel(
                $"{risk.Id} cannot reach {CardElements.Escape(NameOf(project, notice.Reason))}",
                $"The escalation of {title} could not be delivered: they have no chat with HealthItPm (never installed, or removed it). "
                + "It keeps trying and climbs to the next level when the time to acknowledge runs out. Reach them another way, ask them to install the app, or type **escalation** to change the chain.",
                open),
            RiskNoticeKind.OwnerReminder => new NoticeCardModel(
                $"Mitigation past due: {risk.Id}",
                $"The mitigation of {title} was due {risk.MitigationDue:yyyy-MM-dd}. Update it, or it will be escalated.",
                update),
            RiskNoticeKind.UpdateRequested => new NoticeCardModel(
                $"Update requested on {risk.Id}",
                $"A leader asked for an update on {title}: re-rate it, plan or move the mitigation, or close it.",
                update),
            _ => new NoticeCardModel(
                $"Nobody acknowledged {risk.Id}",
                $"{title} went through the whole escalation chain without an acknowledgement. Its history shows every step.",
                open),
        });
    }

    private static string NameOf(Project project, string person) =>
        project.Members.FirstOrDefault(m => m.Person.Value == person)?.DisplayName ?? "a leader";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk notice for {Risk} ({Kind}) not delivered: {Outcome} (try {Attempt}); kept in the outbox")]
    private static partial void LogNotDelivered(ILogger logger, string risk, RiskNoticeKind kind, SendOutcome outcome, int attempt);
}
