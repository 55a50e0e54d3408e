using System.Reflection;
using System.Reflection.Emit;
using HealthItPm.Bot.Cards;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// The Bot project's folders depend on each other only as its README says: a reader knows from a
/// file's path what it may touch. Checked on the compiled code: signatures, and every member or
/// type the IL refers to.
/// </summary>
public class FolderLayeringTests
{
    private const string Root = "HealthItPm.Bot.";

    // Folder → the folders it must never reach.
    public static TheoryData<string, string[]> Rules => new()
    {
        { "Cards", ["Storage", "Messaging", "Teams", "Scheduling", "Hosting"] },
        { "Storage", ["Cards", "Messaging", "Teams", "Scheduling"] },
        { "Messaging", ["Teams", "Scheduling"] },
        { "Scheduling", ["Teams", "Hosting"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_folder_reaches_only_what_it_may(string folder, string[] forbidden)
    {
        var offences = typeof(AdaptiveCard).Assembly.GetTypes()
            .Where(t => !t.IsNested && Folder(t) == folder)
            .SelectMany(t => ReferencedTypes(t).Where(r => forbidden.Contains(Folder(r))).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offences.Count == 0, $"{folder}/ reaches where it may not:\n" + string.Join("\n", offences));
        Assert.Contains(typeof(AdaptiveCard).Assembly.GetTypes(), t => Folder(t) == folder);
    }

    [Fact]
    public void The_check_sees_a_reference_through_the_il_alone()
    {
        // HelpCommand (Teams) builds a HelpCard (Cards) only inside an async method's body.
        Assert.Contains(typeof(HelpCard), ReferencedTypes(typeof(HealthItPm.Bot.Teams.Commands.HelpCommand)));
    }

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
