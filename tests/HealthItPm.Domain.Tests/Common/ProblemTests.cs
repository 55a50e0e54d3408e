using System.Reflection;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Tests.Common;

/// <summary>Each folder declares the codes of its own problems with a factory per code beside them; Common keeps the mechanism.</summary>
public class ProblemTests
{
    private static readonly Assembly Domain = typeof(Problem).Assembly;

    private static IReadOnlyList<Type> CodeEnums() =>
        [.. Domain.GetTypes().Where(t => t.IsEnum && t.IsDefined(typeof(ProblemCodesAttribute)))];

    // Problem's own factories and each folder's static extensions of it, compiled as static methods of their class.
    private static IReadOnlyList<MethodInfo> Factories() =>
    [
        .. Domain.GetTypes()
            .Where(t => t == typeof(Problem) || t is { IsAbstract: true, IsSealed: true, IsNested: false })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Problem)),
    ];

    [Fact]
    public void Every_code_has_its_factory_in_the_folder_that_declares_it_and_every_factory_a_code_there()
    {
        var enums = CodeEnums();
        var factories = Factories();

        var orphans = enums.SelectMany(e => Enum.GetNames(e)
            .Where(code => !factories.Any(f => f.Name == code && f.DeclaringType!.Namespace == e.Namespace))
            .Select(code => $"{e.FullName}.{code}"));
        var strays = factories
            .Where(f => !enums.Any(e => e.Namespace == f.DeclaringType!.Namespace && Enum.GetNames(e).Contains(f.Name)))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}");

        Assert.Empty(orphans);
        Assert.Empty(strays);
        Assert.Contains(typeof(RiskProblem), enums);
        Assert.Contains(factories, f => f.DeclaringType == typeof(RiskProblems) && f.Name == nameof(RiskProblem.NoSuchRisk));
    }

    [Fact]
    public void Each_folder_has_at_most_one_enum_of_problem_codes() =>
        Assert.Empty(CodeEnums().GroupBy(e => e.Namespace).Where(g => g.Count() > 1).Select(g => g.Key));

    [Fact]
    public void Codes_of_two_folders_are_never_the_same_problem()
    {
        // Both are the first value of their enum, and carry no values.
        Assert.Equal(0, (int)SecurityProblem.NoAllowedTenants);
        Assert.Equal(0, (int)AuditProblem.AuditDatesReversed);

        Assert.NotEqual(Problem.NoAllowedTenants(), Problem.AuditDatesReversed());
        Assert.Equal(Problem.NoAllowedTenants(), Problem.NoAllowedTenants());
    }

    [Fact]
    public void Suspected_phi_is_the_same_problem_when_its_findings_are()
    {
        const string text = "MRN 00482913";

        Assert.Equal(Problem.PhiFound(text, PhiGuard.Scan(text)), Problem.PhiFound(text, PhiGuard.Scan(text)));
        Assert.NotEqual(Problem.PhiFound(text, PhiGuard.Scan(text)), Problem.PhiFound("MRN 00482914", PhiGuard.Scan("MRN 00482914")));
    }

    [Fact]
    public void A_code_of_an_enum_not_marked_as_problem_codes_is_refused()
    {
        var of = typeof(Problem).GetMethod("Of", BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeof(DayOfWeek));

        var refused = Assert.Throws<TargetInvocationException>(() => of.Invoke(null, [DayOfWeek.Monday, Array.Empty<object>()]));

        Assert.IsType<ArgumentException>(refused.InnerException);
        Assert.Equal(ProjectProblem.NoSuchKpi, Problem.NoSuchKpi("Scan rate").Code);
    }
}
