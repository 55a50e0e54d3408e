using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>
/// What a use case did, for the caller to show: the result, or why not for the person who
/// asked. Expected refusals are values, not exceptions.
/// </summary>
public abstract record Outcome<T>
{
    public sealed record Done(T Value) : Outcome<T>;

    /// <summary>The person may not do this; <paramref name="Reason"/> says why, as data the bot puts into words.</summary>
    public sealed record Refused(Refusal Reason) : Outcome<T>;

    /// <summary>The request itself is wrong (a value out of range, a name taken); <paramref name="Problem"/> says what to change.</summary>
    public sealed record Invalid(Problem Problem) : Outcome<T>;

    public sealed record NotFound(Problem Problem) : Outcome<T>;

    /// <summary>This refusal, problem or absence as the answer of a use case with another result type.</summary>
    public Outcome<TOther> Carry<TOther>() => this switch
    {
        Refused r => new Outcome<TOther>.Refused(r.Reason),
        Invalid i => new Outcome<TOther>.Invalid(i.Problem),
        NotFound n => new Outcome<TOther>.NotFound(n.Problem),
        _ => throw new InvalidOperationException("A done outcome has a value, not a reason, to carry."),
    };
}
