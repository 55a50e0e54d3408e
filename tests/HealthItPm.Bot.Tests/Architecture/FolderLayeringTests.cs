using System.Reflection;
using System.Reflection.Emit;
using HealthItPm.Bot.Cards;
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

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            foreach (var argument in t.IsGenericType ? t.GetGenericArguments() : [])
            {
                Add(argument);
            }

            Add(t.HasElementType ? t.GetElementType() : null);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(all))
        {
            Add(field.FieldType);
        }

        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            Add((method as MethodInfo)?.ReturnType);
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var target in IlTargets(method))
            {
                Add(target);
            }
        }

        // Lambdas and async methods compile into nested types: what they reach, the type reaches.
        foreach (var nested in type.GetNestedTypes(all))
        {
            foreach (var t in ReferencedTypes(nested))
            {
                found.Add(t);
            }
        }

        return found.Where(t => t.Assembly == type.Assembly);
    }

    // Every opcode by its value, so the IL is decoded instruction by instruction: a byte inside an
    // operand is never mistaken for an opcode.
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static IEnumerable<Type> IlTargets(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        var i = 0;
        while (i < il.Length)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var size = OperandSize(code, il, i);
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok
                && Resolve(method, BitConverter.ToInt32(il, i)) is { } target)
            {
                yield return target;
            }

            i += size;
        }
    }

    private static Type? Resolve(MethodBase method, int token)
    {
        var member = method.Module.ResolveMember(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        return member as Type ?? member?.DeclaringType;
    }
}
