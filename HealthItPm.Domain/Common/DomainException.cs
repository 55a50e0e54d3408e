namespace HealthItPm.Domain.Common;

/// <summary>
/// The one exception the domain throws for an invalid value or transition. It carries the
/// <see cref="Common.Problem"/> for the person who caused it, worded by the bot; its message is the
/// problem's code alone, so a log never holds a name someone typed.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(Problem problem)
        : base(problem?.ToString())
    {
        ArgumentNullException.ThrowIfNull(problem);
        Problem = problem;
    }

    public Problem Problem { get; }
}
