namespace HealthItPm.Domain.Delivery;

/// <summary>What the pipeline does with a delivery after Teams answered a try.</summary>
public abstract record DeliveryDecision
{
    /// <summary>The delivery is over, in <paramref name="State"/>.</summary>
    public sealed record Settle(DeliveryState State, string? Reason = null) : DeliveryDecision;

    /// <summary>Try again, not before <paramref name="Wait"/> has passed.</summary>
    public sealed record Retry(TimeSpan Wait) : DeliveryDecision;
}

/// <summary>
/// The delivery pipeline's retry rules, one set for every proactive card: retry only what Teams says
/// is retryable; after a 429 wait at least its Retry-After; otherwise back off exponentially with
/// jitter; give up after <see cref="MaxAttempts"/> tries; treat 403/404 as unreachable, never retried.
/// </summary>
public sealed record DeliveryRules
{
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
            SendAnswer.Unreachable u => new DeliveryDecision.Settle(DeliveryState.Unreachable, u.Status is { } s ? $"Teams answered {s}" : "no chat with the bot"),
            SendAnswer.Rejected r => new DeliveryDecision.Settle(DeliveryState.NotDelivered, $"Teams refused it ({r.Status})"),
            _ when attempts >= MaxAttempts => new DeliveryDecision.Settle(DeliveryState.NotDelivered, $"{Describe(answer)} after {attempts} tries"),
            SendAnswer.Throttled t when t.RetryAfter > Backoff(attempts, jitter) => new DeliveryDecision.Retry(t.RetryAfter.Value),
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

    private static string Describe(SendAnswer answer) => answer switch
    {
        SendAnswer.Throttled => "Teams kept throttling",
        SendAnswer.Transient { Status: { } s } => $"Teams kept failing ({s})",
        _ => "Teams could not be reached",
    };
}
