using System.Collections;
using System.Reflection;

namespace HealthItPm.Domain.Common;

/// <summary>
/// Marks an enum whose values are problem codes. Each folder declares the codes of its own problems in one such enum
/// (<c>RiskProblem</c> in Risks, <c>ProjectProblem</c> in Projects…) with one factory per code beside it, a static
/// extension of <see cref="Problem"/> named after the code (<c>Problem.NoSuchRisk(risk)</c>). The bot finds every
/// marked enum to word each code; a code's name is its resource's name, so names are unique across the domain.
/// </summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class ProblemCodesAttribute : Attribute;

/// <summary>The codes of the problems of the values kept here or checked by several folders: text, ids, money, weeks, zones.</summary>
[ProblemCodes]
public enum CommonProblem
{
    Required,
    TooLong,
    TenantIdRequired,
    PersonIdRequired,
    NotAProjectCode,
    NotACurrency,
    AmountMissing,
    AmountInOtherCurrency,
    AmountNegative,
    NotAnAmount,
    AmountSeparatorsOdd,
    AmountTooLarge,
    AmountTooManyDecimals,
    NotAnIsoWeek,
    NotATimeZone,
}

/// <summary>
/// Which piece of free text a <see cref="CommonProblem.Required"/> or <see cref="CommonProblem.TooLong"/> problem, or a PHI
/// finding, is about. Each feature declares its own fields beside the records that hold them (<c>ProjectFreeText</c>, a kind
/// of round's answer fields…) and the bot words each from the feature's resources, by its name.
/// </summary>
public readonly record struct FreeText
{
    public FreeText(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}

/// <summary>
/// Why a request was not done, as data: a code and the values its sentence names (a project's name, a
/// risk id, a limit, a moment), never a sentence. The bot words it for the reader's language and
/// culture and escapes every value people typed, so a name can never become a link or formatting.
/// Each code has one factory with typed parameters, which fixes what its sentence may name; the factories
/// of the values kept in Common are here, every other folder declares its own (<see cref="ProblemCodesAttribute"/>).
/// </summary>
public sealed record Problem
{
    private Problem(Enum code, object[] values) => (Code, Values) = (code, values);

    /// <summary>The code: a value of an enum marked <see cref="ProblemCodesAttribute"/>.</summary>
    public Enum Code { get; }

    /// <summary>The values the sentence names, in the factory's order.</summary>
    public IReadOnlyList<object> Values { get; }

    public static Problem Required(FreeText what) => Of(CommonProblem.Required, what);

    public static Problem TooLong(FreeText what, int maxLength, int length) => Of(CommonProblem.TooLong, what, maxLength, length);

    public static Problem TenantIdRequired() => Of(CommonProblem.TenantIdRequired);

    public static Problem PersonIdRequired() => Of(CommonProblem.PersonIdRequired);

    public static Problem NotAProjectCode(int minLength, int maxLength) => Of(CommonProblem.NotAProjectCode, minLength, maxLength);

    public static Problem NotACurrency(string code) => Of(CommonProblem.NotACurrency, code);

    public static Problem AmountMissing() => Of(CommonProblem.AmountMissing);

    /// <summary>An amount typed with <paramref name="symbol"/>, which is not the hospital's <paramref name="currency"/>.</summary>
    public static Problem AmountInOtherCurrency(string currency, string symbol) =>
        Of(CommonProblem.AmountInOtherCurrency, currency, symbol);

    public static Problem AmountNegative() => Of(CommonProblem.AmountNegative);

    public static Problem NotAnAmount(string typed, string currency) => Of(CommonProblem.NotAnAmount, typed, currency);

    public static Problem AmountSeparatorsOdd(string typed) => Of(CommonProblem.AmountSeparatorsOdd, typed);

    public static Problem AmountTooLarge(string typed) => Of(CommonProblem.AmountTooLarge, typed);

    public static Problem AmountTooManyDecimals(string typed) => Of(CommonProblem.AmountTooManyDecimals, typed);

    public static Problem NotAnIsoWeek(int year, int week) => Of(CommonProblem.NotAnIsoWeek, year, week);

    /// <summary>Not an IANA time zone: a project's and a check-in schedule's zone alike.</summary>
    public static Problem NotATimeZone(string timeZone) => Of(CommonProblem.NotATimeZone, timeZone);

    /// <summary>A problem of a folder's own: what its factories make (only the domain declares problems).</summary>
    internal static Problem Of<TCode>(TCode code, params object[] values)
        where TCode : struct, Enum =>
        Codes<TCode>.Marked
            ? new(code, values)
            : throw new ArgumentException(
                $"{typeof(TCode).Name} is not marked as problem codes, so no text would be found for it.",
                nameof(code));

    public bool Equals(Problem? other) =>
        other is not null
            && Equals(Code, other.Code)
            && Values.Count == other.Values.Count
            && Values.Zip(other.Values).All(v => Same(v.First, v.Second));

    public override int GetHashCode() => HashCode.Combine(Code, Values.Count);

    /// <summary>The code only: values may hold names people typed, and this is what logs see.</summary>
    public override string ToString() => Code.ToString();

    // A list of values (the findings of suspected PHI) is the same when it holds the same values in the same order.
    private static bool Same(object first, object second) =>
        first is IEnumerable a and not string && second is IEnumerable b and not string
            ? a.Cast<object>().SequenceEqual(b.Cast<object>())
            : Equals(first, second);

    private static class Codes<TCode>
    {
        public static readonly bool Marked = typeof(TCode).IsDefined(typeof(ProblemCodesAttribute));
    }
}
