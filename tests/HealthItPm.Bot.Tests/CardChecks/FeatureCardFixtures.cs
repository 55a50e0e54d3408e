using HealthItPm.Bot.Rounds;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// One feature's card variants, kept in the feature's test folder and found by the card checks (no list to edit): each
/// type deriving from this one joins <see cref="CardFixtures.All"/>. A kind of round's fixtures name the kinds whose cards
/// they are, so a kind the host registers without fixtures of its cards fails <see cref="Gaps"/> by name.
/// </summary>
public abstract class FeatureCardFixtures
{
    /// <summary>Every feature's fixtures in the test assembly, in the order of their type's name.</summary>
    public static IReadOnlyList<FeatureCardFixtures> Found { get; } =
        [.. typeof(FeatureCardFixtures).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(FeatureCardFixtures)) && t is { IsAbstract: false, IsNested: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (FeatureCardFixtures)Activator.CreateInstance(t)!)];

    /// <summary>The kinds of round whose cards these are; none for a feature that is no kind of round.</summary>
    public virtual IReadOnlyList<RoundKind> Kinds => [];

    /// <summary>The feature's cards, each built by its real builder.</summary>
    public abstract IReadOnlyList<CardFixture> Cards { get; }

    /// <summary>
    /// What is missing, one line per kind: fixtures that name it, and among them a card with its Submit (the card a round
    /// of the kind sends, which the parser and the renderer must see).
    /// </summary>
    public static IReadOnlyList<string> Gaps(IReadOnlyList<RoundKindDescriptor> descriptors, IReadOnlyList<FeatureCardFixtures> found)
    {
        var gaps = new List<string>();
        foreach (var descriptor in descriptors)
        {
            var named = $"Round kind '{descriptor.Kind.Name}' ({descriptor.GetType().Name})";
            var mine = found.Where(f => f.Kinds.Contains(descriptor.Kind)).ToList();
            if (mine.Count == 0)
            {
                gaps.Add($"{named}: no card fixtures in its test folder (a {nameof(FeatureCardFixtures)} whose Kinds names it).");
            }
            else if (!mine.SelectMany(f => f.Cards).Any(c => Submits(c.Build(), descriptor.SubmitVerb)))
            {
                gaps.Add($"{named}: its card fixtures show no card with its Submit ({descriptor.SubmitVerb}).");
            }
        }

        return gaps;
    }

    private static bool Submits(JObject card, string verb) =>
        card.Descendants().OfType<JObject>().Any(o => (string?)o["verb"] == verb);
}
