using System.Reflection;
using System.Reflection.Emit;

namespace HealthItPm.Testing;

/// <summary>
/// The types of its own assembly a type refers to: in its signatures (base type, interfaces, fields, parameters,
/// return types, generic arguments) and in every member or type its IL names, lambdas and async state machines
/// included. What a test of the architecture reads instead of the source, so no reference can hide in a body.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    // Every opcode by its value, so the IL is decoded instruction by instruction: a byte inside an
    // operand is never mistaken for an opcode.
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    public static IReadOnlySet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        Collect(type, found);
        found.RemoveWhere(t => t.Assembly != type.Assembly);
        return found;
    }

    private static void Collect(Type type, HashSet<Type> found)
    {
        Add(type.BaseType, found);
        foreach (var i in type.GetInterfaces())
        {
            Add(i, found);
        }

        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, found);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            Add((method as MethodInfo)?.ReturnType, found);
            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, found);
            }

            foreach (var target in IlTargets(method))
            {
                Add(target, found);
            }
        }

        // Lambdas and async methods compile into nested types: what they reach, the type reaches.
        foreach (var nested in type.GetNestedTypes(Declared))
        {
            Collect(nested, found);
        }
    }

    private static void Add(Type? type, HashSet<Type> found)
    {
        if (type is null || !found.Add(type))
        {
            return;
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Add(argument, found);
        }

        Add(type.HasElementType ? type.GetElementType() : null, found);
    }

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

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static Type? Resolve(MethodBase method, int token)
    {
        var member = method.Module.ResolveMember(
            token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
        return member as Type ?? member?.DeclaringType;
    }
}
