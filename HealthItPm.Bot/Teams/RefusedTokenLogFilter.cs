namespace HealthItPm.Bot.Teams;

/// <summary>
/// The logger the Bot Framework's adapter writes to. The adapter logs a refused token (an
/// <see cref="UnauthorizedAccessException"/>: wrong audience, wrong issuer, no identity) as an error
/// with its stack trace before answering 401; the endpoint already logs each refusal as one warning
/// line, so those entries are dropped here. Everything else passes through unchanged.
/// </summary>
internal sealed class RefusedTokenLogFilter(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (logLevel >= LogLevel.Error && IsRefusedToken(exception, state?.ToString()))
        {
            return;
        }

        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool IsRefusedToken(Exception? exception, string? message) =>
        exception is UnauthorizedAccessException
        || (message?.StartsWith(typeof(UnauthorizedAccessException).FullName!, StringComparison.Ordinal) ?? false);
}
