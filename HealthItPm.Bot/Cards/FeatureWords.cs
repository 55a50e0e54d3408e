using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// A feature's words for what it declares in the domain and the shared parts of the bot show: its kinds of audit entry
/// (<c>Audit_{Name}</c>, a line of the audit log), its free-text fields (<c>FreeText_{Name}</c>, named in problems) and, for
/// a kind of round, its noun (<c>Round_Noun</c>, "This check-in closed on …"), all from the feature's own resx. Each
/// feature declares one in its folder (a kind of round's is its descriptor), and the bot finds them all (<see cref="All"/>):
/// no list of kinds or fields is shared between features. The host refuses to start when one lacks a text
/// (<c>FeatureWordsCheck</c>).
/// </summary>
public abstract class FeatureWords
{
    private static readonly Lazy<Lookup> Found = new(() => new Lookup(Find()));

    /// <summary>Every feature's words in the bot.</summary>
    public static IReadOnlyList<FeatureWords> All => Found.Value.Features;

    /// <summary>The kinds of audit entry the feature records.</summary>
    public virtual IReadOnlyList<AuditKind> AuditKinds => [];

    /// <summary>The free-text fields of the feature's records.</summary>
    public virtual IReadOnlyList<FreeText> FreeTexts => [];

    /// <summary>The kind of round the feature names, if it is one.</summary>
    public virtual RoundKind? RoundKind => null;

    /// <summary>
    /// The problem codes its domain folder declares (enums marked <c>[ProblemCodes]</c>) that the feature words: each code's
    /// sentence is <c>Problem_{code}</c> in its words. Codes no feature claims are worded by the shared Problems.resx.
    /// </summary>
    public virtual IReadOnlyList<Type> ProblemCodes => [];

    /// <summary>The feature's resx.</summary>
    internal abstract TextResource Words { get; }

    /// <summary>What an audit entry of the kind says was done; a kind no feature words (an older or newer one) reads as its name.</summary>
    public static string Audit(AuditKind kind) =>
        Found.Value.Audit.GetValueOrDefault(kind) is { } feature && Worded(() => feature.Words[AuditName(kind)]) is { } text
            ? text
            : kind.Name ?? string.Empty;

    /// <summary>The field as a problem names it ("A risk title").</summary>
    public static string Field(FreeText field) =>
        Found.Value.FreeText.GetValueOrDefault(field) is { } feature
            ? feature.Words[FieldName(field)]
            : throw new InvalidOperationException($"No feature words the free-text field {field}.");

    /// <summary>The kind's noun ("check-in").</summary>
    public static string Noun(RoundKind kind) =>
        Found.Value.Rounds.GetValueOrDefault(kind) is { } feature
            ? feature.Words[NounName]
            : throw new InvalidOperationException($"No feature words the kind of round {kind}.");

    /// <summary>The sentence of a problem's code and the words it is in: its feature's, when one claims its codes.</summary>
    internal static (TextResource Words, string Name)? Problem(Enum code) =>
        Found.Value.Problems.GetValueOrDefault(code.GetType()) is { } feature ? (feature.Words, ProblemName(code)) : null;

    /// <summary>The texts its resx lacks for what it declares (<c>Audit_RiskLogged</c>, <c>Round_Noun</c>, <c>Problem_NoSuchWave</c>…).
    /// </summary>
    public IReadOnlyList<string> Unworded() =>
        [.. AuditKinds.Select(AuditName).Concat(FreeTexts.Select(FieldName)).Concat(RoundKind is null ? [] : [NounName])
            .Concat(ProblemCodes.Where(IsProblemCodes).SelectMany(t => Enum.GetValues(t).Cast<Enum>()).Select(ProblemName))
            .Where(name => Worded(() => Words[name]) is null)];

    private const string NounName = "Round_Noun";

    internal static string AuditName(AuditKind kind) => $"Audit_{kind.Name}";

    internal static string FieldName(FreeText field) => $"FreeText_{field.Name}";

    internal static string ProblemName(Enum code) => $"Problem_{code}";

    internal static bool IsProblemCodes(Type type) => type.IsEnum && type.IsDefined(typeof(ProblemCodesAttribute), false);

    /// <summary>The text, or null when it is blank or its resx has none.</summary>
    internal static string? Worded(Func<string> text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text()) ? null : text();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // Each feature's words are a type of this assembly with a constructor that takes nothing: declaring one is joining.
    private static IReadOnlyList<FeatureWords> Find() =>
        [.. typeof(FeatureWords).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FeatureWords)) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (FeatureWords)Activator.CreateInstance(t)!)];

    private sealed class Lookup(IReadOnlyList<FeatureWords> features)
    {
        public IReadOnlyList<FeatureWords> Features { get; } = features;

        public IReadOnlyDictionary<AuditKind, FeatureWords> Audit { get; } = ByFirst(features, f => f.AuditKinds);

        public IReadOnlyDictionary<FreeText, FeatureWords> FreeText { get; } = ByFirst(features, f => f.FreeTexts);

        public IReadOnlyDictionary<Type, FeatureWords> Problems { get; } = ByFirst(features, f => f.ProblemCodes);

        public IReadOnlyDictionary<RoundKind, FeatureWords> Rounds { get; } =
            ByFirst<RoundKind>(features, f => f.RoundKind is { } kind ? [kind] : []);

        // A name two features declare is a gap the checks report; the lookup takes the first rather than fail every card.
        private static Dictionary<TKey, FeatureWords> ByFirst<TKey>(
            IEnumerable<FeatureWords> all, Func<FeatureWords, IEnumerable<TKey>> keys)
            where TKey : notnull =>
            all.SelectMany(f => keys(f).Select(k => (Key: k, Feature: f)))
                .GroupBy(p => p.Key)
                .ToDictionary(g => g.Key, g => g.First().Feature);
    }
}
