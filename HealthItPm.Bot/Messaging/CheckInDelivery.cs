using System.Collections.Concurrent;
using HealthItPm.Bot.Cards.CheckIns;
using HealthItPm.Bot.Messaging.Delivery;
using HealthItPm.Bot.Storage.Delivery;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Messaging;

/// <summary>
/// Hands a round's steps to the delivery pipeline: the cards when it opens, the reminders when they
/// are due, the summary to the PMs at the deadline. Each step is a single fan-out item, marked on the
/// open round (ETag) after it is enqueued: a host dying in between enqueues it again, and the
/// pipeline's records make the repeat send nothing twice. The timers stay with the scheduler's tick,
/// which re-reads the round each time, because a queued message could not be moved or cancelled.
/// </summary>
public sealed class CheckInRounds(ICheckInStore store, IProjectRepository projects, DeliveryQueues queue, TimeProvider clock)
{
    /// <summary>Enqueues the round's cards (at once after <c>checkin now</c>, so the PM's turn does not wait for the next tick).</summary>
    public async Task QueueCardsAsync(TenantId tenant, ProjectCode code, string roundId, CancellationToken cancellationToken)
    {
        if (await store.GetOpenRoundAsync(tenant, code, roundId, cancellationToken) is { CardsQueued: false } open)
        {
            await StepAsync(open, cancellationToken);
        }
    }

    /// <summary>Takes the round's next due step, if any; what the scheduler calls on every tick.</summary>
    public async Task StepAsync(OpenRound open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var round = await store.GetRoundAsync(open.Tenant, open.Project, open.RoundId, cancellationToken);
        if (round is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (now >= round.ClosesAt)
        {
            // The summaries first, then the close: a host dying in between enqueues them again (sent once).
            var project = (await projects.GetAsync(open.Tenant, open.Project, cancellationToken))?.Project;
            var topic = DeliveryTopics.CheckIn(DeliveryTopics.CheckInSummary, round.Project, round.Id);
            await queue.EnqueueAsync([.. (project?.ProjectManagers ?? []).Select(pm => DeliveryWork.To(open.Tenant, topic, pm.Person))], cancellationToken);
            await store.CloseRoundAsync(open.Tenant, open.Project, open.RoundId, cancellationToken);
            return;
        }

        if (!open.CardsQueued)
        {
            await queue.EnqueueAsync([DeliveryWork.FanOut(open.Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, round.Project, round.Id))], cancellationToken);
            await store.MarkQueuedAsync(open with { CardsQueued = true }, cancellationToken);
        }
        else if (!open.RemindersQueued && round.RemindersDue(now))
        {
            await queue.EnqueueAsync([DeliveryWork.FanOut(open.Tenant, DeliveryTopics.CheckIn(DeliveryTopics.CheckInReminder, round.Project, round.Id))], cancellationToken);
            await store.MarkQueuedAsync(open with { RemindersQueued = true }, cancellationToken);
        }
    }
}

/// <summary>What the check-in kinds share: the round their work is about, and its audience in a fixed order for fan-out slices.</summary>
public abstract class CheckInKind(ICheckInStore store, IProjectRepository projects) : DeliveryKind
{
    // Every card of one round names the project as it was called when the first was composed: the name
    // is all a card needs of the project, and reading the whole project document (every member) for
    // each card made a round to thousands of people one large read per person. A few rounds at a time.
    private const int NamesKept = 256;
    private readonly ConcurrentDictionary<(string Tenant, string Kind, string Subject), string> _names = new();

    protected ICheckInStore Store => store;

    public override async Task<IReadOnlyList<PersonId>> AudienceAsync(DeliveryWork fanOut, int offset, int count, CancellationToken cancellationToken) =>
        await RoundAsync(fanOut, cancellationToken) is { } round
            ? [.. round.Audience.Select(r => r.Person).OrderBy(p => p.Value, StringComparer.Ordinal).Skip(offset).Take(count)]
            : [];

    protected async Task<CheckInRound?> RoundAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (code, roundId) = Parse(work.Subject);
        return await store.GetRoundAsync(work.TenantId, code, roundId, cancellationToken);
    }

    protected async Task<string> ProjectNameAsync(DeliveryWork work, ProjectCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var key = (work.Tenant, work.Kind, work.Subject);
        if (_names.TryGetValue(key, out var known))
        {
            return known;
        }

        var name = (await projects.GetAsync(work.TenantId, code, cancellationToken))?.Project.Name ?? code.Value;
        if (_names.Count >= NamesKept)
        {
            _names.Clear();
        }

        _names[key] = name;
        return name;
    }

    protected static (ProjectCode Code, string RoundId) Parse(string subject) =>
        (new ProjectCode(subject[..subject.IndexOf('|', StringComparison.Ordinal)]), subject[(subject.IndexOf('|', StringComparison.Ordinal) + 1)..]);
}

/// <summary>Each respondent's check-in card, while the round is open.</summary>
public sealed class CheckInCardDeliveries(ICheckInStore store, IProjectRepository projects, TimeProvider clock) : CheckInKind(store, projects)
{
    public override string Kind => DeliveryTopics.CheckInCard;

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(work, cancellationToken);
        if (round is null || !round.IsOpen(clock.GetUtcNow()) || !round.IsAddressedTo(work.RecipientId!.Value))
        {
            return new Composition.NotNeeded();
        }

        var name = await ProjectNameAsync(work, round.Project, cancellationToken);
        return Send(CheckInCard.Build(new CheckInCardModel(round.Project.Value, name, round.Id, round.ClosesAt, Reminder: false)));
    }
}

/// <summary>The one reminder, to those whose card arrived and who have not answered when its turn comes.</summary>
public sealed class CheckInReminderDeliveries(ICheckInStore store, IProjectRepository projects, IDeliveryLedger ledger, IOptions<DeliveryOptions> options, TimeProvider clock) : CheckInKind(store, projects)
{
    public override string Kind => DeliveryTopics.CheckInReminder;

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(work, cancellationToken);
        var person = work.RecipientId!.Value;
        if (round is null)
        {
            return new Composition.NotNeeded();
        }

        var answered = await Store.AnswerAsync(work.TenantId, round.Project, round.Id, person, cancellationToken) is not null;
        var card = await ledger.GetAsync(work.TenantId, DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, round.Project, round.Id), person, cancellationToken);
        switch (round.Reminder(person, clock.GetUtcNow(), answered, card?.State))
        {
            case ReminderDecision.NotNeeded:
                return new Composition.NotNeeded();
            case ReminderDecision.WaitForCard:
                // By the end of a lease the card is settled, or free for another host to take.
                return new Composition.Later(options.Value.Lease);
        }

        var name = await ProjectNameAsync(work, round.Project, cancellationToken);
        return Send(CheckInCard.Build(new CheckInCardModel(round.Project.Value, name, round.Id, round.ClosesAt, Reminder: true)));
    }
}

/// <summary>The round's summary to each PM at the deadline, with the trend over the rounds before it.</summary>
public sealed class CheckInSummaryDeliveries(ICheckInStore store, IProjectRepository projects, CheckInService checkIns) : CheckInKind(store, projects)
{
    public override string Kind => DeliveryTopics.CheckInSummary;

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(work, cancellationToken);
        if (round is null)
        {
            return new Composition.NotNeeded();
        }

        var rounds = (await Store.LatestRoundsAsync(work.TenantId, round.Project, CheckInService.TrendRounds + 5, cancellationToken))
            .Where(r => r.OpensAt <= round.OpensAt)
            .Take(CheckInService.TrendRounds + 1)
            .ToList();
        var summary = await checkIns.SummarizeAsync(work.TenantId, rounds, cancellationToken);
        var name = await ProjectNameAsync(work, round.Project, cancellationToken);
        return Send(RoundSummaryCard.Build(new RoundSummaryModel(round.Project.Value, name, summary)));
    }
}
