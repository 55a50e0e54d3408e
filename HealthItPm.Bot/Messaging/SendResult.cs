namespace HealthItPm.Bot.Messaging;

public enum SendOutcome
{
    /// <summary>Teams accepted the message.</summary>
    Sent,

    /// <summary>Teams asked the bot to slow down (429) beyond what one send waits for; try again after <see cref="SendResult.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>Teams cannot deliver until the app is installed again (403, 404, or no conversation known).</summary>
    Unreachable,

    /// <summary>A failure retrying will not fix (400, 401, 413, 500), or transient failures that did not clear.</summary>
    Failed,
}

/// <summary>What happened to one proactive send. Callers decide what to record or reschedule; nothing throws for Teams' answers.</summary>
public readonly record struct SendResult(SendOutcome Outcome, string? ActivityId = null, TimeSpan? RetryAfter = null, int? StatusCode = null)
{
    public static SendResult Sent(string? activityId) => new(SendOutcome.Sent, activityId);

    public static SendResult Unreachable(int? statusCode = null) => new(SendOutcome.Unreachable, StatusCode: statusCode);
}
