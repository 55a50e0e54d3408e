namespace HealthItPm.Bot.Messaging;

/// <summary>
/// What Teams' documentation says about retrying a connector call: retry 412, 429, 502, 503 and
/// 504 (429 after its Retry-After, the rest with exponential backoff and jitter); never retry
/// 400, 401, 403, 404, 413 or 500. 403 and 404 mean "unreachable until the app is installed again".
/// </summary>
public sealed class ConnectorRetryPolicy(int maxAttempts = 4, TimeSpan? baseDelay = null, TimeSpan? maxWait = null)
{
    private readonly TimeSpan _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(500);

    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>The longest Retry-After one send waits for; longer, and the caller reschedules.</summary>
    public TimeSpan MaxWait { get; } = maxWait ?? TimeSpan.FromSeconds(10);

    public static bool IsRetryable(int statusCode) => statusCode is 412 or 429 or 502 or 503 or 504;

    public static bool MeansUnreachable(int statusCode) => statusCode is 403 or 404;

    /// <summary>Exponential backoff with full jitter for attempt 1, 2, …; <paramref name="jitter"/> is in [0, 1).</summary>
    public TimeSpan Backoff(int attempt, double jitter)
    {
        var ceiling = _baseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ceiling, MaxWait.TotalMilliseconds) * (0.5 + (jitter / 2)));
    }
}
