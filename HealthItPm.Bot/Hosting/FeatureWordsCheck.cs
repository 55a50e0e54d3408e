using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Refuses to start the host when a feature's words lack a text for what it declares, or two features declare the same
/// audit kind, free-text field or problem codes: an audit line or a problem is never worded by the wrong feature, nor not at all.
/// </summary>
public sealed class FeatureWordsCheck : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Gaps(FeatureWords.All) is { Count: > 0 } gaps
            ? throw new InvalidOperationException("The features' words are incomplete:\n" + string.Join("\n", gaps))
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// What is missing or clashes among <paramref name="features"/>, one line each: a text for each audit kind, free-text field,
    /// kind of round and problem code a feature declares, and no audit kind, field or problem codes declared by two features.
    /// </summary>
    public static IReadOnlyList<string> Gaps(IReadOnlyList<FeatureWords> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var gaps = new List<string>();
        foreach (var feature in features)
        {
            gaps.AddRange(feature.Unworded().Select(name => $"{feature.GetType().Name}: its words have no text {name}."));
            gaps.AddRange(feature.ProblemCodes.Where(t => !FeatureWords.IsProblemCodes(t))
                .Select(t => $"{feature.GetType().Name}: {t.Name} is no enum of problem codes ([ProblemCodes])."));
        }

        var claims = features.SelectMany(f => f.AuditKinds.Select(k => (Name: FeatureWords.AuditName(k), Feature: f)))
            .Concat(features.SelectMany(f => f.FreeTexts.Select(t => (Name: FeatureWords.FieldName(t), Feature: f))))
            .Concat(features.SelectMany(f => f.ProblemCodes.Select(t => (Name: $"The problem codes {t.Name}", Feature: f))));
        gaps.AddRange(claims.GroupBy(c => c.Name, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Feature).Distinct().Count() > 1)
            .Select(g => $"{g.Key} is declared by {string.Join(" and ", g.Select(c => c.Feature.GetType().Name).Distinct())}."));
        return gaps;
    }
}
