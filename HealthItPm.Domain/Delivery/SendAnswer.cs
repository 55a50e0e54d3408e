namespace HealthItPm.Domain.Delivery;

/// <summary>Teams' answer to one send, classified as its documentation says to treat it.</summary>
public abstract record SendAnswer
{
    /// <summary>Teams took it: the message's id in the conversation, kept so the card can be updated in place (when Teams said).</summary>
    public sealed record Sent(string? ActivityId = null, string? ConversationId = null) : SendAnswer;

    /// <summary>429: slow down, for at least <paramref name="RetryAfter"/> when Teams says how long.</summary>
    public sealed record Throttled(TimeSpan? RetryAfter) : SendAnswer;

    /// <summary>412, 502, 503, 504, or the connector not reached at all: worth another try after a backoff.</summary>
    public sealed record Transient(int? Status) : SendAnswer;

    /// <summary>403 (blocked, uninstalled, not in the roster) or 404 (no such conversation), or no chat known.</summary>
    public sealed record Unreachable(int? Status) : SendAnswer;

    /// <summary>400, 401, 413, 500 and anything else: another try would fail the same way.</summary>
    public sealed record Rejected(int Status) : SendAnswer;

    /// <summary>Classifies a connector's HTTP status (null: the connector could not be reached).</summary>
    public static SendAnswer FromStatus(int? status, TimeSpan? retryAfter = null) => status switch
    {
        null => new Transient(null),
        >= 200 and < 300 => new Sent(),
        429 => new Throttled(retryAfter),
        412 or 502 or 503 or 504 => new Transient(status),
        403 or 404 => new Unreachable(status),
        _ => new Rejected(status.Value),
    };
}
