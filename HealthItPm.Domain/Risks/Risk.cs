using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Risks;

/// <summary>
/// A risk in a project's register. Every change goes through a method that checks the transition
/// and appends an event to <see cref="History"/>; a change that is not allowed throws
/// <see cref="DomainException"/> saying why. Allowed status changes:
/// open → mitigating; open or mitigating → escalated; any but closed → accepted (with a reason) or
/// closed; accepted → open (reopened).
/// </summary>
public sealed class Risk
{
    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 1000;

    private readonly List<RiskEvent> _history;
    private readonly List<PendingNotice> _outbox = [];

    private Risk(
        RiskId id,
        GuardedText title,
        GuardedText? description,
        RiskCategory category,
        RiskRating rating,
        PersonId? owner,
        GuardedText? mitigation,
        DateOnly? due,
        List<RiskEvent> history)
    {
        Id = id;
        Title = GuardedText.Required(title, RiskFreeText.RiskTitle, MaxTitleLength);
        Description = GuardedText.Optional(description, RiskFreeText.RiskDescription, MaxTextLength);
        Category = category;
        Rating = rating;
        Owner = owner;
        Mitigation = GuardedText.Optional(mitigation, RiskFreeText.Mitigation, MaxTextLength);
        MitigationDue = due;
        _history = history;
    }

    public RiskId Id { get; }

    public GuardedText Title { get; private set; }

    public GuardedText? Description { get; private set; }

    public RiskCategory Category { get; }

    public RiskRating Rating { get; private set; }

    public PersonId? Owner { get; private set; }

    public GuardedText? Mitigation { get; private set; }

    public DateOnly? MitigationDue { get; private set; }

    public RiskStatus Status { get; private set; } = RiskStatus.Open;

    /// <summary>0 when not escalated; otherwise how far up the escalation chain it has gone (1 = sponsor).</summary>
    public int EscalationLevel { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public (PersonId By, DateTimeOffset At)? Acknowledged { get; private set; }

    public DateTimeOffset? OwnerRemindedAt { get; private set; }

    public GuardedText? AcceptedBecause { get; private set; }

    public IReadOnlyList<RiskEvent> History => _history;

    /// <summary>The PMs were told that nobody in the chain acknowledged (so they are told once).</summary>
    public bool ChainExhaustionReported { get; private set; }

    public bool IsOpen => Status is not (RiskStatus.Accepted or RiskStatus.Closed);

    /// <summary>Notices decided but not yet handed to the delivery pipeline, oldest first.</summary>
    public IReadOnlyList<PendingNotice> Outbox => _outbox;

    /// <summary>How many notices this risk has ever queued: each notice's sequence number is unique for the risk's life.</summary>
    public int NoticesEnqueued { get; private set; }

    /// <summary>The scheduler keeps looking at a risk while the policy may act on it or a notice waits to be handed over.</summary>
    public bool NeedsWatching => IsOpen || _outbox.Count > 0;

    /// <summary>This risk as the project's RAG rules see it.</summary>
    public Projects.OpenRisk AsOpenRisk() =>
        new(Id.ToString(), Title, Rating.Score, Rating.Band == RiskBand.Critical, Rating.Band == RiskBand.High);

    public RiskState ToState() => new(
        Id,
        Title,
        Description,
        Category,
        Rating,
        Owner,
        Mitigation,
        MitigationDue,
        Status,
        EscalationLevel,
        EscalatedAt,
        Acknowledged,
        OwnerRemindedAt,
        AcceptedBecause,
        ChainExhaustionReported,
        [.. _history],
        [.. _outbox],
        NoticesEnqueued);

    /// <summary>Rebuilds a stored risk; the state was valid when stored.</summary>
    public static Risk Restore(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var risk = new Risk(
            state.Id,
            state.Title,
            state.Description,
            state.Category,
            state.Rating,
            state.Owner,
            state.Mitigation,
            state.MitigationDue,
            [.. state.History])
        {
            Status = state.Status,
            EscalationLevel = state.EscalationLevel,
            EscalatedAt = state.EscalatedAt,
            Acknowledged = state.Acknowledged,
            OwnerRemindedAt = state.OwnerRemindedAt,
            AcceptedBecause = state.AcceptedBecause,
            ChainExhaustionReported = state.ChainExhaustionReported,
            NoticesEnqueued = state.NoticesEnqueued,
        };
        risk._outbox.AddRange(state.Outbox ?? []);
        return risk;
    }

    public static Risk Log(
        RiskId id,
        GuardedText title,
        GuardedText? description,
        RiskCategory category,
        RiskRating rating,
        PersonId? owner,
        GuardedText? mitigation,
        DateOnly? due,
        PersonId by,
        DateTimeOffset now) =>
        new(
            id,
            title,
            description,
            category,
            rating,
            owner,
            mitigation,
            due,
            [new RiskEvent(RiskEventKind.Logged, now, by) { Category = category, RatingAfter = rating, OwnerAfter = owner }]);

    public void Rate(RiskRating rating, PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        Record(new RiskEvent(RiskEventKind.Rated, now, by) { RatingBefore = Rating, RatingAfter = rating });
        Rating = rating;
    }

    public void AssignOwner(PersonId owner, PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        Record(new RiskEvent(RiskEventKind.OwnerAssigned, now, by) { OwnerBefore = Owner, OwnerAfter = owner });
        Owner = owner;
    }

    public void PlanMitigation(GuardedText mitigation, DateOnly due, PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        var text = GuardedText.Required(mitigation, RiskFreeText.Mitigation, MaxTextLength);
        Record(new RiskEvent(RiskEventKind.MitigationPlanned, now, by) { Note = text, Due = due });
        (Mitigation, MitigationDue, OwnerRemindedAt) = (text, due, null);
        if (Status == RiskStatus.Open)
        {
            Move(RiskStatus.Mitigating, by, now);
        }
    }

    /// <summary>Sent up the chain to <paramref name="level"/> (by the policy, so by nobody in particular).</summary>
    public void Escalate(int level, EscalationReason reason, DateTimeOffset now)
    {
        if (Status is not (RiskStatus.Open or RiskStatus.Mitigating or RiskStatus.Escalated) || level <= EscalationLevel)
        {
            throw new DomainException(Problem.CannotEscalate(Id, level, Status, EscalationLevel));
        }

        Record(new RiskEvent(RiskEventKind.Escalated, now, null)
        {
            LevelBefore = EscalationLevel,
            LevelAfter = level,
            StatusBefore = Status,
            StatusAfter = RiskStatus.Escalated,
            Escalation = reason,
        });
        (EscalationLevel, EscalatedAt, Acknowledged, Status) = (level, now, null, RiskStatus.Escalated);
    }

    public void RequestUpdate(PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        Record(new RiskEvent(RiskEventKind.UpdateRequested, now, by));
    }

    public void Acknowledge(PersonId by, DateTimeOffset now)
    {
        if (Status != RiskStatus.Escalated)
        {
            throw new DomainException(Problem.NotEscalated(Id));
        }

        if (Acknowledged is { } done)
        {
            throw new DomainException(Problem.AlreadyAcknowledged(Id, done.At));
        }

        Record(new RiskEvent(RiskEventKind.Acknowledged, now, by) { LevelAfter = EscalationLevel });
        Acknowledged = (by, now);
    }

    public void Accept(GuardedText? reason, PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        if (Status == RiskStatus.Accepted)
        {
            throw new DomainException(Problem.AlreadyAccepted(Id));
        }

        AcceptedBecause = GuardedText.Required(reason, RiskFreeText.AcceptReason, MaxTextLength);
        Move(RiskStatus.Accepted, by, now, AcceptedBecause);
    }

    public void Close(PersonId by, DateTimeOffset now)
    {
        EnsureNotClosed();
        Move(RiskStatus.Closed, by, now);
    }

    /// <summary>
    /// Replaces the field's text, which held patient details, by <see cref="RemovedText.Marker"/> here and wherever the risk
    /// keeps a copy of it (the history's notes); false when the field holds no text (or none any more). Allowed on a settled
    /// risk too: patient details are removed whatever became of the risk. The audit log records it, not the history, so the
    /// history holds nothing a person did not see happen to the risk.
    /// </summary>
    public bool RemovePatientDetails(RemovableText field)
    {
        var text = field switch
        {
            RemovableText.RiskTitle => Title,
            RemovableText.RiskDescription => Description,
            RemovableText.RiskMitigation => Mitigation,
            RemovableText.RiskAcceptReason => AcceptedBecause,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a risk's field."),
        };
        if (text is null || RemovedText.IsRemoved(text))
        {
            return false;
        }

        var marker = RemovedText.Marker;
        switch (field)
        {
            case RemovableText.RiskTitle:
                Title = marker;
                break;
            case RemovableText.RiskDescription:
                Description = marker;
                break;
            case RemovableText.RiskMitigation:
                Mitigation = marker;
                break;
            default:
                AcceptedBecause = marker;
                break;
        }

        for (var i = 0; i < _history.Count; i++)
        {
            if (_history[i].Note is { } note && note.Contains(text.Value, StringComparison.Ordinal))
            {
                _history[i] = _history[i] with { Note = marker };
            }
        }

        return true;
    }

    /// <summary>The owner was reminded that the mitigation is past due (once per due date).</summary>
    public void MarkOwnerReminded(DateTimeOffset now)
    {
        Record(new RiskEvent(RiskEventKind.OwnerReminded, now, null) { Due = MitigationDue, NoticeTo = Owner });
        OwnerRemindedAt = now;
    }

    public void MarkChainExhaustionReported(DateTimeOffset now)
    {
        Record(new RiskEvent(RiskEventKind.ChainExhausted, now, null) { LevelAfter = EscalationLevel });
        ChainExhaustionReported = true;
    }

    /// <summary>Puts a notice in the outbox, saved with the step that decided it, until it is handed to the delivery pipeline.</summary>
    public void Enqueue(RiskNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        NoticesEnqueued++;
        _outbox.Add(new PendingNotice(NoticesEnqueued, notice));
    }

    /// <summary>The delivery pipeline has these notices: they leave the outbox (handing one over twice sends it once).</summary>
    public void HandedOver(IReadOnlyCollection<int> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        _outbox.RemoveAll(n => sequences.Contains(n.Sequence));
    }

    /// <summary>Records how the pipeline settled a notice's delivery, as an event in the history.</summary>
    public void RecordDelivery(RiskNotice notice, DeliveryState state, int attempts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var kind = state switch
        {
            DeliveryState.Sent => RiskEventKind.Notified,
            DeliveryState.Unreachable => RiskEventKind.NotReachable,
            DeliveryState.NotDelivered => RiskEventKind.NoticeNotDelivered,
            _ => (RiskEventKind?)null,
        };
        if (kind is { } settled)
        {
            Record(new RiskEvent(settled, now, null) { Notice = notice.Kind, NoticeTo = notice.To, Attempts = attempts });
        }
    }

    private void Move(RiskStatus status, PersonId? by, DateTimeOffset now, string? note = null)
    {
        Record(new RiskEvent(RiskEventKind.StatusChanged, now, by) { StatusBefore = Status, StatusAfter = status, Note = note });
        Status = status;
    }

    private void EnsureNotClosed()
    {
        if (Status == RiskStatus.Closed)
        {
            throw new DomainException(Problem.RiskClosed(Id));
        }
    }

    private void Record(RiskEvent change) => _history.Add(change);
}

/// <summary>Everything a risk is, for storing and restoring it.</summary>
public sealed record RiskState(
    RiskId Id,
    GuardedText Title,
    GuardedText? Description,
    RiskCategory Category,
    RiskRating Rating,
    PersonId? Owner,
    GuardedText? Mitigation,
    DateOnly? MitigationDue,
    RiskStatus Status,
    int EscalationLevel,
    DateTimeOffset? EscalatedAt,
    (PersonId By, DateTimeOffset At)? Acknowledged,
    DateTimeOffset? OwnerRemindedAt,
    GuardedText? AcceptedBecause,
    bool ChainExhaustionReported,
    IReadOnlyList<RiskEvent> History,
    IReadOnlyList<PendingNotice>? Outbox = null,
    int NoticesEnqueued = 0);
