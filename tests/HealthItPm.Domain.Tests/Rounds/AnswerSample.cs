using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>
/// An answer of one kind of round with every free-text field its kind declares filled, kept in the kind's own test folder
/// and found by the tests that hold for every kind (<see cref="Redaction.AnswerTextRemovalTests"/>); a kind without one fails
/// them by name.
/// </summary>
public abstract class AnswerSample
{
    /// <summary>Every kind's sample in the test assembly (top-level types: a test's purpose-made one is not found).</summary>
    public static IReadOnlyList<AnswerSample> Found { get; } =
        [.. typeof(AnswerSample).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(AnswerSample)) && t is { IsAbstract: false, IsNested: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (AnswerSample)Activator.CreateInstance(t)!)];

    public abstract RoundKind Kind { get; }

    /// <summary>An answer of <see cref="Kind"/> with every declared free-text field filled.</summary>
    public abstract object Filled();

    /// <summary>The kinds declared in the domain that have no sample among <paramref name="found"/>.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<AnswerSample> found) =>
        [.. RoundKinds.All.Where(k => !found.Any(s => s.Kind == k)).Select(k => $"Round kind '{k.Name}': no {nameof(AnswerSample)} "
            + $"in its domain test folder (an answer of {k.AnswerType.Name} with every free-text field filled)")];

    /// <summary>The text of <paramref name="field"/> of any kind's answer, through its <see cref="IFreeTextAnswer{TSelf}"/>.</summary>
    public static GuardedText? TextOf(object answer, FreeText field) =>
        (GuardedText?)FreeTextInterface(answer).GetMethod(nameof(IFreeTextAnswer<object>.TextOf))!.Invoke(answer, [field]);

    /// <summary>Any kind's answer without the text of <paramref name="field"/>.</summary>
    public static object Without(object answer, FreeText field)
    {
        try
        {
            return FreeTextInterface(answer).GetMethod(nameof(IFreeTextAnswer<object>.WithoutPatientDetails))!.Invoke(answer, [field])!;
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    private static Type FreeTextInterface(object answer) =>
        answer.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFreeTextAnswer<>));
}
