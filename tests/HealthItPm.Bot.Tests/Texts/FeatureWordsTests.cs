using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Texts;
using HealthItPm.Domain;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Tests.Texts;

/// <summary>
/// Every audit kind and free-text field a feature declares in the domain is worded by its feature's words, found without a
/// shared list: a feature that adds one and forgets its words fails here, by name.
/// </summary>
public class FeatureWordsTests
{
    [Fact]
    public void Every_audit_kind_free_text_field_and_kind_of_round_the_domain_declares_is_worded_by_one_feature()
    {
        using var _ = new InCulture("en-US");
        var features = FeatureWords.All;

        Assert.Empty(FeatureWordsCheck.Gaps(features));
        Assert.Equal(Declared<AuditKind>().Order(), features.SelectMany(f => f.AuditKinds).Select(k => k.Name).Order());
        Assert.Equal(Declared<FreeText>().Order(), features.SelectMany(f => f.FreeTexts).Select(t => t.Name).Order());
        Assert.Equal(RoundKinds.All.Select(k => k.Name).Order(), features.Select(f => f.RoundKind?.Name).OfType<string>().Order());
    }

    [Fact]
    public void An_audit_entry_of_a_kind_no_feature_declares_reads_as_its_stored_name()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal("RetiredKind", AuditCard.Label(new AuditKind("RetiredKind")));
        Assert.Equal("sent a check-in", AuditCard.Label(new AuditKind("CheckInStarted")));
    }

    [Fact]
    public void The_check_names_a_text_a_feature_lacks_and_a_name_two_features_declare()
    {
        var gaps = FeatureWordsCheck.Gaps([.. FeatureWords.All, new Clashing()]);

        string[] expected =
        [
            "Clashing: its words have no text Audit_ProjectCreated.",
            "Clashing: its words have no text Audit_NeverWorded.",
            "Audit_ProjectCreated is declared by ProjectWords and Clashing.",
        ];
        Assert.Equal(expected, gaps);
    }

    [Fact]
    public void The_shared_problem_words_keep_only_the_codes_no_feature_claims()
    {
        var claimed = FeatureWords.All.SelectMany(f => f.ProblemCodes).ToHashSet();
        var unclaimed = typeof(DomainException).Assembly.GetTypes()
            .Where(t => FeatureWords.IsProblemCodes(t) && !claimed.Contains(t)).ToList();
        var shared = new ResourceManager(typeof(Problems)).GetResourceSet(CultureInfo.InvariantCulture, true, false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

        // What every feature raises or the host checks; a feature's own codes are worded, and only worded, by its feature.
        Assert.Equal(
            [nameof(CommonProblem), nameof(PrivacyProblem), nameof(RoundProblem), nameof(SecurityProblem)],
            unclaimed.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(claimed.SelectMany(t => Enum.GetNames(t)), shared.Contains);
        Assert.All(unclaimed.SelectMany(t => Enum.GetNames(t)), code => Assert.Contains(code, shared));
    }

    // The names of the values of type T the domain's static classes declare (ProjectAudit.ProjectCreated, CheckInRounds.Blockers…).
    private static IEnumerable<string> Declared<T>() =>
        typeof(DomainException).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => p.PropertyType == typeof(T))
            .Select(p => p.GetValue(null)!.ToString()!);

    [Fact]
    public void A_kinds_problems_are_worded_by_its_feature_and_the_check_names_a_code_without_words()
    {
        using var _ = new InCulture("en-US");
        var gaps = FeatureWordsCheck.Gaps([.. FeatureWords.All, new ClaimsProblems()]);

        Assert.StartsWith("No wave is called", ProblemText.Of(Problem.NoSuchWave("pre go-live")), StringComparison.Ordinal);
        Assert.Contains("ClaimsProblems: its words have no text Problem_NoSuchWave.", gaps);
        Assert.Contains("ClaimsProblems: String is no enum of problem codes ([ProblemCodes]).", gaps);
        Assert.Contains("The problem codes ReadinessProblem is declared by AdkarRoundKind and ClaimsProblems.", gaps);
    }

    private sealed class Clashing : FeatureWords
    {
        public override IReadOnlyList<AuditKind> AuditKinds => [new("ProjectCreated"), new("NeverWorded")];

        internal override TextResource Words => CardTexts.Common;
    }

    private sealed class ClaimsProblems : FeatureWords
    {
        public override IReadOnlyList<Type> ProblemCodes => [typeof(ReadinessProblem), typeof(string)];

        internal override TextResource Words => CardTexts.Common;
    }
}
