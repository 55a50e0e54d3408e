using System.Reflection;
using System.Reflection.Emit;
using HealthItPm.Bot.Cards;
using HealthItPm.Testing;
using HealthItPm.Bot.Cards.Elements;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// The Bot project's folders depend on each other only as its README says: a reader knows from a
/// file's path what it may touch. Checked on the compiled code: signatures, and every member or
/// type the IL refers to.
/// </summary>
public class FolderLayeringTests
{
    private const string Root = "HealthItPm.Bot.";

    // Shared folder → the shared folders it must never reach. No shared folder reaches a feature, except Hosting,
    // which composes them.
    public static TheoryData<string, string[]> Rules => new()
    {
        { "Cards", ["Storage", "Messaging", "Delivery", "Teams", "Scheduling", "Hosting", "Rounds"] },
        { "Storage", ["Cards", "Messaging", "Delivery", "Teams", "Scheduling", "Rounds"] },
        { "Messaging", ["Teams", "Scheduling"] },
        { "Delivery", ["Teams", "Scheduling"] },
        { "Scheduling", ["Teams", "Hosting"] },
        { "Teams", ["Scheduling"] },
        { "Rounds", ["Hosting"] },
        { "Texts", ["Cards", "Storage", "Messaging", "Delivery", "Teams", "Scheduling", "Hosting", "Rounds"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_shared_folder_reaches_only_what_it_may(string folder, string[] forbidden)
    {
        var offences = Offences(Bot, folder, r => forbidden.Contains(Folder(r)) || (folder != "Hosting" && Folder(r) == "Features"));

        Assert.True(offences.Count == 0, $"{folder}/ reaches where it may not:\n" + string.Join("\n", offences));
        Assert.Contains(Bot.GetTypes(), t => Folder(t) == folder);
    }

    [Fact]
    public void A_feature_uses_the_shared_parts_and_the_domain_never_another_features_insides()
    {
        var offences = FeatureOffences(Bot);

        Assert.True(Bot.GetTypes().Select(Feature).OfType<string>().Distinct().Count() >= 7);
        Assert.True(offences.Count == 0, "A feature reaches into another:\n" + string.Join("\n", offences));
    }

    [Fact]
    public void The_check_finds_a_feature_that_reaches_into_another()
    {
        var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Violation"), AssemblyBuilderAccess.Run).DefineDynamicModule("Violation");
        var card = module.DefineType(Root + "Features.Risks.RiskCard", TypeAttributes.Public).CreateType();
        var digest = module.DefineType(Root + "Features.Digests.DigestCard", TypeAttributes.Public);
        digest.DefineField("risk", card, FieldAttributes.Private);
        var shared = module.DefineType(Root + "Cards.Badge", TypeAttributes.Public).CreateType();
        var status = module.DefineType(Root + "Features.Projects.StatusCard", TypeAttributes.Public);
        status.DefineField("badge", shared, FieldAttributes.Private);
        digest.CreateType();
        status.CreateType();

        var offences = FeatureOffences(module.Assembly);

        Assert.Equal([$"{Root}Features.Digests.DigestCard → {Root}Features.Risks.RiskCard"], offences);
    }

    [Fact]
    public void The_check_sees_a_reference_through_the_il_alone()
    {
        // HelpCommand builds a HelpCard only inside an async method's body.
        Assert.Contains(typeof(Features.Help.HelpCard), ReferencedTypes(typeof(Features.Help.HelpCommand)));
    }

    private static Assembly Bot => typeof(AdaptiveCard).Assembly;

    private static List<string> FeatureOffences(Assembly assembly) =>
        [.. assembly.GetTypes().Select(Feature).OfType<string>().Distinct()
            .SelectMany(f => Offences(assembly, $"Features.{f}", r => Feature(r) is { } other && other != f))];

    private static List<string> Offences(Assembly assembly, string folder, Func<Type, bool> forbidden) => assembly.GetTypes()
        .Where(t => !t.IsNested && (t.Namespace == Root + folder || t.Namespace?.StartsWith(Root + folder + ".", StringComparison.Ordinal) == true))
        .SelectMany(t => ReferencedTypes(t).Where(forbidden).Select(r => $"{t.FullName} → {r.FullName}"))
        .Distinct()
        .ToList();

    private static string? Feature(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(Root + "Features.", StringComparison.Ordinal) ? ns[(Root.Length + 9)..].Split('.')[0] : null;

    private static string? Folder(Type type) =>
        type.Namespace is { } ns && ns.StartsWith(Root, StringComparison.Ordinal) ? ns[Root.Length..].Split('.')[0] : null;

    private static IEnumerable<Type> ReferencedTypes(Type type) => TypeReferences.Of(type);
}
