using System.Reflection;
using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// Every problem the domain can give is worded from the resources, with its values in the reader's
/// culture, and a value people typed cannot turn into a link, formatting or a date in the words.
/// The problems are found through their factories, wherever the domain declares them, so a new code is tried here the day
/// it is added.
/// </summary>
public partial class ProblemTextTests
{
    private const string Link = "[Sign in again](https://evil.example/login)";
    private const string Bold = "**bold**";
    private const string DateFunction = "{{DATE(2017-02-14T06:08:39Z, LONG)}}";

    // The start or the middle of a markdown link: a bracket not escaped (no resource text has one).
    [GeneratedRegex(@"(?<!\\)\]\(|(?<!\\)\[")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // Every code the domain declares: each folder's enum of its own problem codes.
    private static IEnumerable<Enum> Codes() => typeof(Problem).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsDefined(typeof(ProblemCodesAttribute)))
        .SelectMany(t => Enum.GetValues(t).Cast<Enum>());

    // Problem's own factories and each folder's static extensions of it, compiled as static methods of their class.
    private static IEnumerable<MethodInfo> Factories() => typeof(Problem).Assembly.GetTypes()
        .Where(t => t == typeof(Problem) || (t is { IsAbstract: true, IsSealed: true, IsNested: false }))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.ReturnType == typeof(Problem));

    public static TheoryData<string, string> EveryProblemWithEveryHostileValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var factory in Factories())
        {
            foreach (var hostile in new[] { Link, Bold, DateFunction })
            {
                data.Add(factory.Name, hostile);
            }
        }

        return data;
    }

    [Fact]
    public void Every_code_has_one_factory_named_after_it()
    {
        static string Named(Enum code) => $"{code.GetType().Name}.{code}";
        var made = Factories().SelectMany(f => Samples(f, Link)).Select(p => Named(p.Code)).Distinct().Order();

        Assert.Equal(Codes().Select(Named).Order(), made);
        Assert.Contains(Codes(), c => c is CommonProblem);
        Assert.Contains(Codes(), c => c is RiskProblem);
        Assert.All(Factories(), f => Assert.All(Samples(f, Link), p => Assert.Equal(f.Name, p.Code.ToString())));
    }

    [Fact]
    public void Every_code_is_worded_by_its_own_name()
    {
        // A code's name is the name of its words in the resources, whichever folder declares it.
        var shared = Codes()
            .GroupBy(c => c.ToString())
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(", ", g.Select(c => $"{c.GetType().Name}.{c}")));

        Assert.Empty(shared);
    }

    [Theory]
    [MemberData(nameof(EveryProblemWithEveryHostileValue))]
    public void Every_problem_has_words_and_a_typed_value_stays_text(string factory, string hostile)
    {
        foreach (var problem in Samples(Factories().Single(f => f.Name == factory), hostile))
        {
            var text = ProblemText.Of(problem);

            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotMatch(Placeholder(), text);
            Assert.DoesNotMatch(MarkdownLink(), text);
            Assert.DoesNotContain(Bold, text, StringComparison.Ordinal);
            Assert.DoesNotContain("{{DATE(", text, StringComparison.Ordinal);
            if (problem.Values.OfType<string>().Any())
            {
                Assert.Contains(CardElements.Escape(hostile), text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_sentence_reads_as_it_always_has_with_the_name_escaped()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal(
            "No stakeholders of \\[Sign in again\\](https://evil.example/login) match this check-in's audience. Type **stakeholder add** to add people.",
            ProblemText.Of(Problem.NoStakeholdersMatch(Link, CheckInRounds.Kind)));
        Assert.Equal("A risk title can be at most 120 characters (this one has 131).", ProblemText.Of(Problem.TooLong(RiskFreeText.RiskTitle, 120, 131)));
        Assert.Equal("Epic EHR can move back only one phase at a time, from training to testing.", ProblemText.Of(Problem.OnePhaseBackAtATime("Epic EHR", ProjectPhase.Training, ProjectPhase.Testing)));
    }

    [Fact]
    public void Durations_read_in_the_unit_people_count_them_in()
    {
        using var _ = new InCulture("en-US");

        Assert.Equal("The time to acknowledge is from 15 minutes to 72 hours.", ProblemText.Of(Problem.AcknowledgementTimeOutOfRange(Project.MinAcknowledgementSla, Project.MaxAcknowledgementSla)));
        Assert.Equal("A wave stays open between 2 hours and 30 days.", ProblemText.Of(Problem.WaveLengthOutOfRange(TimeSpan.FromHours(2), TimeSpan.FromDays(30))));
        Assert.EndsWith("and within 7 days.", ProblemText.Of(Problem.CheckInTimesOutOfOrder(TimeSpan.FromDays(7))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "EHR-R7 was already acknowledged on 11/25/2026 3:05 PM UTC.")]
    [InlineData("de-DE", "EHR-R7 was already acknowledged on 25.11.2026 15:05 UTC.")]
    public void A_moment_is_written_the_way_the_reader_writes_it(string locale, string expected)
    {
        using var _ = new InCulture(locale);

        var text = ProblemText.Of(Problem.AlreadyAcknowledged(new RiskId(new ProjectCode("EHR"), 7), new DateTimeOffset(2026, 11, 25, 15, 5, 0, TimeSpan.Zero)));

        Assert.Equal(expected, text.Replace('\u202f', ' '));
    }

    [Fact]
    public void Suspected_phi_is_pointed_out_by_kind_with_the_typed_part_masked_and_escaped()
    {
        const string text = "MRN 00482913, see https://evil.example/**";

        var words = ProblemText.Of(Problem.PhiFound(text, PhiGuard.Scan(text)));

        Assert.Equal(
            "Please remove patient information first \u2014 nothing was saved. It looks like your text has a medical record number (\u201c00\u2022\u2022\u2022\u202213\u201d); "
            + "a web address (\u201cht\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u2022\\*\\*\u201d).",
            words);
    }

    /// <summary>
    /// The problems a factory makes from sample values: one per member of each enum (or kind of round, or free-text field a
    /// feature declares) it takes, strings all
    /// <paramref name="hostile"/>.
    /// </summary>
    private static IEnumerable<Problem> Samples(MethodInfo factory, string hostile)
    {
        var parameters = factory.GetParameters();
        var enums = parameters.Where(p => p.ParameterType.IsEnum).ToList();
        var variants = Math.Max(
            enums.Count == 0 ? 1 : enums.Max(p => Enum.GetValues(p.ParameterType).Length),
            Math.Max(
                parameters.Any(p => p.ParameterType == typeof(RoundKind)) ? RoundKinds.All.Count : 1,
                parameters.Any(p => p.ParameterType == typeof(FreeText)) ? Fields.Count : 1));
        for (var i = 0; i < variants; i++)
        {
            var text = hostile + " patient Margaret Olsen, MRN 00482913";
            yield return (Problem)factory.Invoke(null, [.. parameters.Select(p => Sample(p.ParameterType, i, p.ParameterType == typeof(string) && parameters.Any(q => q.ParameterType == typeof(IReadOnlyList<PhiFinding>)) ? text : hostile, text))])!;
        }
    }

    private static readonly IReadOnlyList<FreeText> Fields = [.. FeatureWords.All.SelectMany(f => f.FreeTexts)];

    private static object Sample(Type type, int variant, string hostile, string phiText) => type switch
    {
        _ when type == typeof(string) => hostile,
        _ when type == typeof(int) => 12 + variant,
        _ when type == typeof(TimeSpan) => TimeSpan.FromHours(2),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 25, 15, 5, 0, TimeSpan.Zero),
        _ when type == typeof(ProjectCode) => new ProjectCode("EHR"),
        _ when type == typeof(RiskId) => new RiskId(new ProjectCode("EHR"), 7),
        _ when type == typeof(IReadOnlyList<PhiFinding>) => PhiGuard.Scan(phiText),
        { IsEnum: true } => Enum.GetValues(type).GetValue(variant % Enum.GetValues(type).Length)!,
        _ when type == typeof(RoundKind) => RoundKinds.All[variant % RoundKinds.All.Count],
        _ when type == typeof(FreeText) => Fields[variant % Fields.Count],
        _ => throw new InvalidOperationException($"No sample for a {type.Name}: add one."),
    };
}
