using System.Reflection;
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

    // Every 4-byte token after an opcode that takes a member or type (call, callvirt, newobj, ldfld,
    // ldsfld, stfld, stsfld, ldflda, ldsflda, ldftn, ldtoken, castclass, isinst, box, newarr, initobj),
    // resolved to the type it names or declares.
    private static readonly HashSet<byte> TokenOpcodes = [0x28, 0x6F, 0x73, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0xD0, 0x74, 0x75, 0x8C, 0x8D];

    private static IEnumerable<Type> IlTargets(MethodBase method)
    {
        if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
        {
            yield break;
        }

        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (!TokenOpcodes.Contains(il[i]))
            {
                continue;
            }

            Type? target = null;
            try
            {
                var token = BitConverter.ToInt32(il, i + 1);
                target = (token >> 24) switch
                {
                    0x01 or 0x02 or 0x1B => method.Module.ResolveType(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null),
                    0x04 => method.Module.ResolveField(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null)?.DeclaringType,
                    0x06 or 0x0A or 0x2B => method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null)?.DeclaringType,
                    _ => null,
                };
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException)
            {
                // Not a token: the byte was part of another instruction's operand.
            }

            if (target is not null)
            {
                yield return target;
            }
        }
    }
}
