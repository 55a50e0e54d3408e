using System.Text.Json;
using System.Text.Json.Serialization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>What applying the escalation policy queued, and whether the bot can reach the people it must tell.</summary>
public sealed record PolicyApplied(IReadOnlyList<RiskNotice> Queued, IReadOnlySet<PersonId> Unreachable);

/// <summary>
/// Hands a risk's outbox to the delivery pipeline: the escalation card, an owner reminder, a request
/// for an update, that the chain was exhausted, or that a leader cannot be reached. The outbox is
/// saved with the step that decided the notice; relaying enqueues each notice (keyed by its sequence
/// number, so relaying twice sends once) and only then removes it from the outbox.
/// </summary>
public sealed class RiskNotifier(RiskEscalation escalation, RiskOutbox outbox, DeliveryQueues queue, ProactiveSender sender)
{
    /// <summary>
    /// Applies the escalation policy to the risk and hands what it queued to the pipeline at once: a
    /// critical patient-safety risk reaches the sponsor within seconds of being logged, not at the next tick.
    /// </summary>
    public async Task<PolicyApplied> ApplyPolicyAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        var queued = await escalation.WatchOneAsync(tenant, id, cancellationToken);
        await RelayAsync(tenant, id, cancellationToken);
        var unreachable = new HashSet<PersonId>();
        foreach (var to in queued.Where(n => n.Kind == RiskNoticeKind.Escalation).Select(n => n.To).Distinct())
        {
            if (!await sender.CanReachAsync(tenant, to, cancellationToken))
            {
                unreachable.Add(to);
            }
        }

        return new PolicyApplied(queued, unreachable);
    }

    /// <summary>Enqueues the notices waiting in the risk's outbox, then takes them out of it.</summary>
    public async Task RelayAsync(TenantId tenant, RiskId id, CancellationToken cancellationToken)
    {
        if (await outbox.PendingAsync(tenant, id, cancellationToken) is not var (_, risk))
        {
            return;
        }

        var pending = risk.Outbox;
        await queue.EnqueueAsync(
            [.. pending.Select(n =>
                DeliveryWork.To(tenant, DeliveryTopics.Notice(id, n.Sequence), n.Notice.To, RiskNoticeDetail.Write(n.Notice)))],
            cancellationToken);
        await outbox.HandedOverAsync(tenant, id, [.. pending.Select(n => n.Sequence)], cancellationToken);
    }

    /// <summary>What the PM is told after a change that may have escalated: whether the sponsor can get the card.</summary>
    public static string Saying(string done, Project project, PolicyApplied applied)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(applied);
        var escalation = applied.Queued.FirstOrDefault(n => n.Kind == RiskNoticeKind.Escalation);
        return escalation is null ? RiskTexts.Commands.Say("Saying_Done", done)
            : RiskTexts.Commands.Say(
                applied.Unreachable.Contains(escalation.To) ? "Saying_EscalatedUnreachable" : "Saying_Escalated",
                done,
                CardElements.Escape(NameOf(project, escalation.To)));
    }

    internal static string NameOf(Project project, PersonId? person) =>
        project.Members.FirstOrDefault(m => m.Person == person)?.DisplayName ?? RiskTexts.Commands["Notice_SomeLeader"];
}

/// <summary>
/// A notice's kind and the leader it is about, carried on its work item (the outbox entry is gone by the
/// time it is sent).
/// </summary>
internal static class RiskNoticeDetail
{
    private sealed record Detail(
        RiskNoticeKind Kind,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Leader = null);

    public static string Write(RiskNotice notice) => JsonSerializer.Serialize(new Detail(notice.Kind, notice.Leader?.Value));

    public static RiskNotice Read(DeliveryWork work)
    {
        var detail = JsonSerializer.Deserialize<Detail>(work.Detail ?? "{}")
            ?? throw new InvalidOperationException("A risk notice without its detail.");
        var risk = work.Subject[..work.Subject.LastIndexOf('|')];
        return RiskId.TryParse(risk, out var id)
            ? new RiskNotice(detail.Kind, work.RecipientId!.Value, id, detail.Leader is null ? null : new PersonId(detail.Leader))
            : throw new InvalidOperationException("A risk notice about no risk.");
    }
}

/// <summary>
/// Risk notices on the delivery pipeline: the escalation card is built for its reader when its turn
/// comes (so it shows the risk as it stands); how each notice settled goes into the risk's history.
/// </summary>
public sealed class RiskNoticeDeliveries(RiskOutbox outbox, IRiskStore store, IProjectRepository projects, RiskCardFactory cards)
    : DeliveryKind
{
    public override string Kind => DeliveryTopics.RiskNotice;

    public override bool ReportsSettlement => true;

    public override CardSubject? Shows(DeliveryWork work) => CardSubject.Risk(RiskNoticeDetail.Read(work).Risk);

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var notice = RiskNoticeDetail.Read(work);
        var project = (await projects.GetAsync(work.TenantId, notice.Risk.Project, cancellationToken))?.Project;
        var risk = (await store.GetAsync(work.TenantId, notice.Risk, cancellationToken))?.Risk;
        if (project is null || risk is null)
        {
            return new Composition.NotNeeded();
        }

        // An escalation, and the PMs' news that it was acknowledged, come as the risk's card as it stands.
        var card = notice.Kind switch
        {
            RiskNoticeKind.Escalation => await cards.ForAsync(work.TenantId, project, risk, notice.To, cancellationToken),
            RiskNoticeKind.Acknowledged => CardBanner.Saved(
                await cards.ForAsync(work.TenantId, project, risk, notice.To, cancellationToken),
                RiskTexts.Commands.Say("Notice_Acknowledged", CardElements.Escape(RiskNotifier.NameOf(project, notice.Leader)), risk.Id)),
            _ => NoticeFor(project, risk, notice),
        };
        return Send(card);
    }

    public override Task SettledAsync(DeliveryWork work, Domain.Delivery.DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return outbox.RecordDeliveryAsync(work.TenantId, RiskNoticeDetail.Read(work), record.State, record.Attempts, cancellationToken);
    }

    private static Newtonsoft.Json.Linq.JObject NoticeFor(Project project, Risk risk, RiskNotice notice)
    {
        var title = CardElements.Escape(risk.Title);
        (string, string) update = (RiskTexts.Commands.Say("Risk_Update", risk.Id), $"risk update {risk.Id}");
        (string, string) open = (RiskTexts.Commands.Say("Risk_Open", risk.Id), $"risk {risk.Id}");
        var due = risk.MitigationDue is { } day ? CardFormat.Date(day) : string.Empty;
        return NoticeCard.Build(notice.Kind switch
        {
            RiskNoticeKind.LeaderUnreachable => new NoticeCardModel(
                RiskTexts.Commands.Say(
                    "Notice_LeaderUnreachable_Title", risk.Id, CardElements.Escape(RiskNotifier.NameOf(project, notice.Leader))),
                RiskTexts.Commands.Say("Notice_LeaderUnreachable", title),
                open),
            RiskNoticeKind.OwnerReminder => new NoticeCardModel(
                RiskTexts.Commands.Say("Notice_OwnerReminder_Title", risk.Id),
                RiskTexts.Commands.Say("Notice_OwnerReminder", title, due),
                update),
            RiskNoticeKind.UpdateRequested => new NoticeCardModel(
                RiskTexts.Commands.Say("Notice_UpdateRequested_Title", risk.Id),
                RiskTexts.Commands.Say("Notice_UpdateRequested", title),
                update),
            _ => new NoticeCardModel(
                RiskTexts.Commands.Say("Notice_NobodyAcknowledged_Title", risk.Id),
                RiskTexts.Commands.Say("Notice_NobodyAcknowledged", title),
                open),
        });
    }
}
