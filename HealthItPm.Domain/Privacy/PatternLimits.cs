namespace HealthItPm.Domain.Privacy;

/// <summary>
/// The bound on one match of any of the guard's patterns. It is there against runaway backtracking, which none of the
/// patterns allows on texts the fields accept; a shorter bound fired on ordinary sentences when the host's cores were
/// starved, failing a person's turn for no fault of the text.
/// </summary>
internal static class PatternLimits
{
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(2);
}
