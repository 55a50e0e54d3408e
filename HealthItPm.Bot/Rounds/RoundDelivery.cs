using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Hands a round's steps to the delivery pipeline, whatever its kind: the cards when it opens, the
/// reminders when they are due, the summary or results to the PMs at the deadline. Each step is a
/// single fan-out item, marked on the open round (ETag) after it is enqueued: a host dying in between
/// enqueues it again, and the pipeline's records make the repeat send nothing twice. The timers stay
/// with the scheduler's tick, which re-reads the round each time, because a queued message could not
/// be moved or cancelled.
/// <para>
/// The last step, once the answers are final (<see cref="RoundEngine.AnswersSettle"/> after the
/// deadline), counts them and keeps the count, then closes the round. So each round's answers are read
/// once, by one tick's step at a time, and a digest or a trend never is the first to read them.
/// </para>
/// </summary>
public sealed class RoundSteps(IRoundStore store, IProjectRepository projects, DeliveryQueues queue, RoundEngine engine, TimeProvider clock)
{
    /// <summary>
    /// Enqueues the round's cards (at once after it is started by hand, so the PM's turn does not wait for the next tick).
    /// </summary>
    public async Task QueueCardsAsync(
        TenantId tenant, ProjectCode code, RoundKind kind, string roundId, CancellationToken cancellationToken)
    {
        if (await store.GetOpenRoundAsync(tenant, code, kind, roundId, cancellationToken) is { CardsQueued: false } open)
        {
            await StepAsync(open, cancellationToken);
        }
    }

    /// <summary>Takes the round's next due step, if any; what the scheduler calls on every tick.</summary>
    public async Task StepAsync(OpenRound open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var round = await store.GetRoundAsync(open.Tenant, open.Project, open.Kind, open.RoundId, cancellationToken);
        if (round is null)
        {
            return;
        }

        DeliveryTopic Topic(RoundStep step) => round.Kind.Topics.Of(step, round.Project, round.Id);
        var now = clock.GetUtcNow();
        if (now >= round.ClosesAt)
        {
            if (!open.EndQueued)
            {
                // Past the deadline nobody can answer: an anonymous round's key is not needed any more.
                await store.DestroyKeyAsync(open.Tenant, round, cancellationToken);
                var project = (await projects.GetAsync(open.Tenant, open.Project, cancellationToken))?.Project;
                var voters = round.Kind.EndToAudience && project is not null
                    ? round.Audience.Select(r => r.Person).Where(p => project.RoleOf(p) is not null)
                    : [];
                await queue.EnqueueAsync(
                    [.. (project?.ProjectManagers ?? []).Select(pm => pm.Person).Concat(voters).Distinct()
                        .Select(person => DeliveryWork.To(open.Tenant, Topic(RoundStep.End), person))],
                    cancellationToken);
            }

            if (now >= round.ClosesAt + RoundEngine.AnswersSettle)
            {
                // The count, then the close: a host dying in between counts again (the same answers, the same count).
                await engine.CountAsync(open.Tenant, round, cancellationToken);
                await store.CloseRoundAsync(open.Tenant, open.Project, open.Kind, open.RoundId, cancellationToken);
            }
            else if (!open.EndQueued)
            {
                await store.MarkQueuedAsync(open with { EndQueued = true }, cancellationToken);
            }

            return;
        }

        if (!open.CardsQueued)
        {
            await queue.EnqueueAsync([DeliveryWork.FanOut(open.Tenant, Topic(RoundStep.Card))], cancellationToken);
            await store.MarkQueuedAsync(open with { CardsQueued = true }, cancellationToken);
        }
        else if (!open.RemindersQueued && round.RemindersDue(now))
        {
            await queue.EnqueueAsync([DeliveryWork.FanOut(open.Tenant, Topic(RoundStep.Reminder))], cancellationToken);
            await store.MarkQueuedAsync(open with { RemindersQueued = true }, cancellationToken);
        }
    }
}

/// <summary>
/// One step of one kind of round as a delivery kind: the round the work is about, its audience in a
/// fixed order for fan-out slices, and the project's name. Registered once per kind and step.
/// </summary>
public abstract class RoundDeliveryKind(RoundKindDescriptor descriptor, RoundStep step, IRoundStore store, IProjectRepository projects)
    : DeliveryKind
{
    // Every card of one round names the project as it was called when the first was composed: the name
    // is all a card needs of the project, and reading the whole project document (every member) for
    // each card made a round to thousands of people one large read per person. A few rounds at a time.
    private const int NamesKept = 256;
    private readonly KeptReads<(string Tenant, string Kind, string Subject), ProjectHeading> _names = new(NamesKept);

    public override string Kind => descriptor.Kind.Topics.KindOf(step);

    protected RoundKindDescriptor Descriptor => descriptor;

    protected IRoundStore Store => store;

    protected IProjectRepository Projects => projects;

    public override async Task<IReadOnlyList<PersonId>> AudienceAsync(
        DeliveryWork fanOut, int offset, int count, CancellationToken cancellationToken) =>
        await RoundAsync(fanOut, cancellationToken) is { } round
            ? [.. round.Audience.Select(r => r.Person).OrderBy(p => p.Value, StringComparer.Ordinal).Skip(offset).Take(count)]
            : [];

    // Every step's card shows the round's answers or a respondent's own: kept, so removing patient details updates it.
    public override CardSubject? Shows(DeliveryWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var separator = work.Subject.IndexOf('|', StringComparison.Ordinal);
        return CardSubject.Round(new ProjectCode(work.Subject[..separator]), work.Subject[(separator + 1)..]);
    }

    /// <summary>
    /// A respondent's card (or reminder) once answered shows their answer: after patient details were removed from it, the
    /// answered card as it stands; any other respondent's card is left as it is.
    /// </summary>
    protected async Task<Composition> AnsweredAgainAsync(RoundEngine engine, DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return await RoundAsync(work, cancellationToken) is { } round
            && await descriptor.AnsweredAfterRemovalAsync(engine, work.TenantId, round, work.RecipientId!.Value, cancellationToken)
                is { } card
            ? Send(card)
            : new Composition.NotNeeded();
    }

    protected async Task<Round?> RoundAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var separator = work.Subject.IndexOf('|', StringComparison.Ordinal);
        var (project, roundId) = (new ProjectCode(work.Subject[..separator]), work.Subject[(separator + 1)..]);
        return await store.GetRoundAsync(work.TenantId, project, descriptor.Kind, roundId, cancellationToken);
    }

    protected async Task<string> ProjectNameAsync(DeliveryWork work, ProjectCode code, CancellationToken cancellationToken) =>
        (await ProjectHeadingAsync(work, code, cancellationToken)).Name;

    protected async Task<ProjectHeading> ProjectHeadingAsync(DeliveryWork work, ProjectCode code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return (await _names.GetAsync(
            (work.Tenant, work.Kind, work.Subject),
            async () => await projects.HeadingOfAsync(work.TenantId, code, CancellationToken.None),
            cancellationToken))!;
    }
}

/// <summary>Each respondent's card, while the round is open.</summary>
public sealed class RoundCardDeliveries(
    RoundKindDescriptor kind,
    IRoundStore store,
    IProjectRepository projects,
    RoundEngine engine,
    IServiceProvider services,
    TimeProvider clock)
    : RoundDeliveryKind(kind, RoundStep.Card, store, projects)
{
    public override Task<Composition> ComposeAgainAsync(DeliveryWork work, CancellationToken cancellationToken) =>
        AnsweredAgainAsync(engine, work, cancellationToken);

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(work, cancellationToken);
        if (round is null || !round.IsOpen(clock.GetUtcNow()) || !round.IsAddressedTo(work.RecipientId!.Value))
        {
            return new Composition.NotNeeded();
        }

        var name = await ProjectNameAsync(work, round.Project, cancellationToken);
        return Send(await Descriptor.CardAsync(services, work.TenantId, work.RecipientId!.Value, round, name, false, cancellationToken));
    }
}

/// <summary>
/// The one reminder, to those whose card arrived, who have not answered when its turn comes (found by their respondent key, so
/// anonymous rounds too) and who are still on the project.
/// </summary>
public sealed class RoundReminderDeliveries(
    RoundKindDescriptor kind,
    IRoundStore store,
    IProjectRepository projects,
    IDeliveryLedger ledger,
    IOptions<DeliveryOptions> options,
    RoundEngine engine,
    IServiceProvider services,
    TimeProvider clock)
    : RoundDeliveryKind(kind, RoundStep.Reminder, store, projects)
{
    public override Task<Composition> ComposeAgainAsync(DeliveryWork work, CancellationToken cancellationToken) =>
        AnsweredAgainAsync(engine, work, cancellationToken);

    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(work, cancellationToken);
        var person = work.RecipientId!.Value;
        if (round is null)
        {
            return new Composition.NotNeeded();
        }

        // A round whose key is gone has closed: nobody is reminded of it.
        if (round.KeyDestroyed)
        {
            return new Composition.NotNeeded();
        }

        var answered = await Store.HasAnsweredAsync(work.TenantId, round, round.KeyOf(person), cancellationToken);
        var card = await ledger.GetAsync(
            work.TenantId,
            round.Kind.Topics.Of(RoundStep.Card, round.Project, round.Id),
            person,
            cancellationToken);
        switch (round.Reminder(person, clock.GetUtcNow(), answered, card?.State))
        {
            case ReminderDecision.NotNeeded:
                return new Composition.NotNeeded();
            case ReminderDecision.WaitForCard:
                // By the end of a lease the card is settled, or free for another host to take.
                return new Composition.Later(options.Value.Lease);
        }

        // Someone removed from the project since the round opened can no longer answer it: no reminder, whatever the kind.
        if (await Projects.RoleOfAsync(work.TenantId, round.Project, person, cancellationToken) is null)
        {
            return new Composition.NotNeeded();
        }

        var name = await ProjectNameAsync(work, round.Project, cancellationToken);
        return Send(await Descriptor.CardAsync(services, work.TenantId, person, round, name, true, cancellationToken));
    }
}

/// <summary>The round's summary or results to each PM at the deadline.</summary>
public sealed class RoundEndDeliveries(RoundKindDescriptor kind, IRoundStore store, IProjectRepository projects, IServiceProvider services)
    : RoundDeliveryKind(kind, RoundStep.End, store, projects)
{
    public override async Task<Composition> ComposeAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        if (await RoundAsync(work, cancellationToken) is not { } round)
        {
            return new Composition.NotNeeded();
        }

        var project = await ProjectHeadingAsync(work, round.Project, cancellationToken);
        return Send(await Descriptor.EndOfRoundAsync(services, work.TenantId, round, project, cancellationToken));
    }
}
