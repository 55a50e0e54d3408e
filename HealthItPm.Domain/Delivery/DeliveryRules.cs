namespace HealthItPm.Domain.Delivery;

/// <summary>
/// Why a delivery settled without being sent, as data; Teams' last status code and the tries it took are
/// on the <see cref="DeliveryRecord"/> (<see cref="DeliveryRecord.LastStatus"/>, <see cref="DeliveryRecord.Attempts"/>).
/// </summary>
public enum DeliveryFailure
{
    /// <summary>The recipient has no chat with the bot (never installed it, or removed it).</summary>
    NoChat,

    /// <summary>Teams answered that the recipient or the conversation is gone (403, 404).</summary>
    Gone,

    /// <summary>Teams refused the card (another 4xx): trying again would not help.</summary>
    Refused,

    /// <summary>Teams kept throttling until the tries ran out.</summary>
    KeptThrottling,

    /// <summary>Teams kept failing (5xx) until the tries ran out.</summary>
    KeptFailing,

    /// <summary>Teams could not be reached until the tries ran out.</summary>
    NotReached,

    /// <summary>The work item itself could not be processed (it was received too often).</summary>
    Unprocessable,
}

/// <summary>What the pipeline does with a delivery after Teams answered a try.</summary>
public abstract record DeliveryDecision
{
    /// <summary>The delivery is over, in <paramref name="State"/>; <paramref name="Failure"/> says why when it was not sent.</summary>
    public sealed record Settle(DeliveryState State, DeliveryFailure? Failure = null) : DeliveryDecision;

    /// <summary>Try again, not before <paramref name="Wait"/> has passed.</summary>
    public sealed record Retry(TimeSpan Wait) : DeliveryDecision;
}

/// <summary>
/// The delivery pipeline's retry rules, one set for every proactive card: retry only what Teams says
/// is retryable; after a 429 wait its Retry-After and up to a tenth more (at most a second), so that the
/// cards it held back do not all reappear on the queue in one instant — their sends are spaced by the
/// throttle's slots anyway, and Teams says when it will take the card, so a longer wait only stretches a
/// fan-out's tail; otherwise back off exponentially with jitter; give up after <see cref="MaxAttempts"/>
/// tries; treat 403/404 as unreachable, never retried.
/// </summary>
public sealed record DeliveryRules
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public DeliveryRules(int maxAttempts = 8, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null)
    {
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one try.");
        }

        MaxAttempts = maxAttempts;
        BaseDelay = baseDelay ?? TimeSpan.FromSeconds(5);
        MaxDelay = maxDelay ?? TimeSpan.FromMinutes(15);
    }

    /// <summary>Tries before a delivery is given up and reported as not delivered.</summary>
    public int MaxAttempts { get; }

    /// <summary>The wait after the first failed try; it doubles after each further one.</summary>
    public TimeSpan BaseDelay { get; }

    /// <summary>The longest backoff (a longer Retry-After is still honoured).</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>Decides after try number <paramref name="attempts"/>; <paramref name="jitter"/> is in [0, 1).</summary>
    public DeliveryDecision Decide(SendAnswer answer, int attempts, double jitter)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer switch
        {
            SendAnswer.Sent => new DeliveryDecision.Settle(DeliveryState.Sent),
            SendAnswer.Unreachable u => new DeliveryDecision.Settle(
                DeliveryState.Unreachable,
                u.Status is null ? DeliveryFailure.NoChat : DeliveryFailure.Gone),
            SendAnswer.Rejected => new DeliveryDecision.Settle(DeliveryState.NotDelivered, DeliveryFailure.Refused),
            _ when attempts >= MaxAttempts => new DeliveryDecision.Settle(DeliveryState.NotDelivered, GaveUp(answer)),
            SendAnswer.Throttled { RetryAfter: { } after } => new DeliveryDecision.Retry(after + (jitter * (after / 10 < OneSecond
                ? after / 10
                : OneSecond))),
            _ => new DeliveryDecision.Retry(Backoff(attempts, jitter)),
        };
    }

    /// <summary>Exponential backoff with jitter for try 1, 2, …: half the ceiling plus up to half again, so hosts spread out.</summary>
    public TimeSpan Backoff(int attempt, double jitter)
    {
        if (jitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), "Jitter is in [0, 1).");
        }

        var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (jitter / 2)));
    }

    private static DeliveryFailure GaveUp(SendAnswer answer) => answer switch
    {
        SendAnswer.Throttled => DeliveryFailure.KeptThrottling,
        SendAnswer.Transient { Status: not null } => DeliveryFailure.KeptFailing,
        _ => DeliveryFailure.NotReached,
    };
}
