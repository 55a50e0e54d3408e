using System.Reflection;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain;

/// <summary>
/// The kinds of round the domain declares. Each kind's own folder declares it, as a public static property of one of its
/// static classes (<c>CheckInRounds.Kind</c>); it is found here, so no list is edited when a kind is added. The round engine
/// and its folder never name one. The bot registers a kind through its feature (one line in the host's list of features) and
/// refuses to start while a kind declared here has no descriptor there.
/// </summary>
public static class RoundKinds
{
    /// <summary>Every kind the domain declares, by name.</summary>
    public static IReadOnlyList<RoundKind> All { get; } =
        [.. typeof(RoundKind).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true, ContainsGenericParameters: false })
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => p.PropertyType.IsAssignableTo(typeof(RoundKind)))
            .Select(p => (RoundKind)p.GetValue(null)!)
            .Distinct()
            .OrderBy(k => k.Name, StringComparer.Ordinal)];

    /// <summary>
    /// What is missing or clashes among <paramref name="kinds"/>, one line each; none when every kind has every piece: a
    /// name fit for storage keys, its own audit kinds and delivery topics, and a declared field for each free text of its answer.
    /// </summary>
    public static IReadOnlyList<string> Gaps(IReadOnlyList<RoundKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var gaps = new List<string>();
        foreach (var kind in kinds)
        {
            var others = kinds.Where(k => !ReferenceEquals(k, kind)).ToList();
            if (kind.Name.Length == 0 || !kind.Name.All(char.IsAsciiLetterOrDigit))
            {
                gaps.Add($"Round kind '{kind.Name}': its name must be one word of letters and digits (it is part of storage keys).");
            }

            if (others.Any(o => string.Equals(o.Name, kind.Name, StringComparison.OrdinalIgnoreCase)))
            {
                gaps.Add($"Round kind '{kind.Name}': another kind has the same name.");
            }

            AuditKind[] audit = [kind.Started, kind.Answered];
            if (audit[0] == audit[1] || others.Any(o => audit.Contains(o.Started) || audit.Contains(o.Answered)))
            {
                gaps.Add($"Round kind '{kind.Name}': its audit kinds ({kind.Started}, {kind.Answered}) must be two of its own.");
            }

            var topics = kind.Topics.All;
            if (topics.Any(string.IsNullOrWhiteSpace) || topics.Distinct(StringComparer.Ordinal).Count() != topics.Count)
            {
                gaps.Add($"Round kind '{kind.Name}': it needs three different delivery topics (card, reminder, end of round).");
            }

            if (others.SelectMany(o => o.Topics.All).Intersect(topics, StringComparer.Ordinal).ToList() is { Count: > 0 } shared)
            {
                gaps.Add($"Round kind '{kind.Name}': delivery topics {string.Join(", ", shared)} belong to another kind.");
            }

            var guarded = kind.AnswerType.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Count(p => p.PropertyType == typeof(GuardedText));
            var declared = kind.FreeTextFields;
            if (guarded != declared.Distinct().Count() || guarded != declared.Count)
            {
                gaps.Add($"Round kind '{kind.Name}': {kind.AnswerType.Name} has {guarded} free-text field(s), "
                    + $"but the kind declares {declared.Count} to check for PHI.");
            }
        }

        return gaps;
    }
}
