using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Risks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Messaging;

/// <summary>Tells a person what the escalation policy decided: the escalation card, an owner reminder, or that the chain was exhausted.</summary>
public sealed partial class RiskNotifier(IRiskStore risks, IProjectRepository projects, ProactiveSender sender, TimeProvider clock, ILogger<RiskNotifier> logger)
{
    public async Task<SendResult> NotifyAsync(TenantId tenant, RiskNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var risk = (await risks.GetAsync(tenant, notice.Risk, cancellationToken))?.Risk;
        var project = (await projects.GetAsync(tenant, notice.Risk.Project, cancellationToken))?.Project;
        if (risk is null || project is null)
        {
            return SendResult.Unreachable();
        }

        var card = notice.Kind switch
        {
            RiskNoticeKind.Escalation => RiskCard.Build(RiskViews.Of(project, risk, clock.GetUtcNow())),
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

        var result = await sender.SendToPersonAsync(tenant, notice.To, AdaptiveCard.ToActivity(card), cancellationToken);
        if (result.Outcome != SendOutcome.Sent)
        {
            LogNotDelivered(logger, risk.Id.ToString(), notice.Kind, result.Outcome);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk notice for {Risk} ({Kind}) not delivered: {Outcome}")]
    private static partial void LogNotDelivered(ILogger logger, string risk, RiskNoticeKind kind, SendOutcome outcome);
}
