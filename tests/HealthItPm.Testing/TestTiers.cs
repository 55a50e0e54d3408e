using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Xunit;

namespace HealthItPm.Testing;

/// <summary>
/// The two tiers of tests. A test class that starts Azurite, another process or Chromium says so on the
/// class — <c>[Trait("Needs", "Azurite")]</c>, <c>"Processes"</c>, <c>"Chromium"</c> — and runs only in the
/// full run (<c>tools/test</c>); every other class also runs in <c>tools/test --fast</c>. What a class
/// declares is checked against what its code reaches: its own methods, the fixtures xunit builds for it,
/// and every method of the test projects those call, read from the IL. A class that starts Azurite
/// without saying so, or says so without starting it, fails the check in both tiers, so the fast tier
/// cannot quietly grow slow or lose tests.
/// </summary>
public static class TestTiers
{
    public const string Trait = "Needs";
    public const string Azurite = "Azurite";
    public const string Processes = "Processes";
    public const string Chromium = "Chromium";

    private const BindingFlags Declared =
        BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Every test class of <paramref name="tests"/> whose declared needs differ from what it reaches.</summary>
    public static IReadOnlyList<string> Offences(Assembly tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var offences = new List<string>();
        foreach (var type in tests.GetTypes().Where(IsTestClass).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var declared = DeclaredNeeds(type);
            var reached = Needs(type);
            foreach (var (need, chain) in reached.Where(r => !declared.Contains(r.Key)))
            {
                offences.Add($"{type.FullName} needs {need} ({chain}) but does not say so: add [Trait(\"{Trait}\", \"{need}\")] "
                    + "to the class, or it runs in tools/test --fast.");
            }

            foreach (var need in declared.Where(d => !reached.ContainsKey(d)))
            {
                offences.Add($"{type.FullName} says [Trait(\"{Trait}\", \"{need}\")] but starts no {need}: "
                    + "remove the trait so that tools/test --fast runs it.");
            }

            foreach (var method in type.GetMethods().Where(m => Traits(m).Any(t => t.Name == Trait)))
            {
                offences.Add($"{type.FullName}.{method.Name} says what it needs on the method: say it on the class.");
            }
        }

        return offences;
    }

    /// <summary>
    /// What <paramref name="type"/>'s code starts outside the test process, each need with the first chain
    /// of calls found to it: its methods, the fixtures xunit builds for it, and what those call in the test
    /// projects (this one and HealthItPm.Testing).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Needs(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new Reach(type.Assembly).From(type);
    }

    private static bool IsTestClass(Type type) =>
        type is { IsClass: true, IsAbstract: false }
        && type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public)
            .Any(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    private static HashSet<string> DeclaredNeeds(Type type)
    {
        var needs = new HashSet<string>(StringComparer.Ordinal);
        for (var t = type; t is not null; t = t.BaseType)
        {
            needs.UnionWith(Traits(t).Where(x => x.Name == Trait).Select(x => x.Value));
        }

        return needs;
    }

    private static IEnumerable<(string Name, string Value)> Traits(MemberInfo member) =>
        member.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute))
            .Select(a => ((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!));

    /// <summary>A walk over the methods of the test projects, from a test class to what it starts.</summary>
    private sealed class Reach(Assembly tests)
    {
        private readonly Assembly[] _scope = [tests, typeof(TestTiers).Assembly];
        private readonly Dictionary<MethodBase, MethodBase?> _cameFrom = [];
        private readonly Queue<MethodBase> _next = new();
        private readonly Dictionary<string, string> _needs = new(StringComparer.Ordinal);
        private Type[]? _types;

        private Type[] Types => _types ??= _scope.SelectMany(a => a.GetTypes()).ToArray();

        public Dictionary<string, string> From(Type testClass)
        {
            for (var t = testClass; t is not null && InScope(t); t = t.BaseType)
            {
                foreach (var member in t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
                {
                    Visit(member, from: null);
                }
            }

            foreach (var fixture in Fixtures(testClass))
            {
                Built(fixture, from: null);
            }

            while (_next.TryDequeue(out var method))
            {
                Walk(method);
            }

            return _needs;
        }

        // The types xunit builds and hands to the class: class fixtures, its collection's fixtures, and
        // whatever else its constructor takes from the test projects.
        private IEnumerable<Type> Fixtures(Type testClass)
        {
            var collection = testClass.GetCustomAttributesData()
                .Where(a => a.AttributeType == typeof(CollectionAttribute))
                .Select(a => a.ConstructorArguments[0].Value as string)
                .FirstOrDefault();
            var definitions = collection is null
                ? []
                : testClass.Assembly.GetTypes().Where(t => t.GetCustomAttributesData()
                    .Any(a => a.AttributeType == typeof(CollectionDefinitionAttribute)
                        && a.ConstructorArguments.Count > 0
                        && a.ConstructorArguments[0].Value as string == collection));
            return testClass.GetInterfaces().Concat(definitions.SelectMany(d => d.GetInterfaces()))
                .Where(i => i.IsGenericType
                    && i.GetGenericTypeDefinition() is var open
                    && (open == typeof(IClassFixture<>) || open == typeof(ICollectionFixture<>)))
                .Select(i => i.GetGenericArguments()[0])
                .Concat(testClass.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Where(InScope);
        }

        private bool InScope(Type type) => _scope.Contains(type.Assembly);

        // What the walk does not look inside: the starters themselves, and this check (it names them).
        private static bool Opaque(Type type) =>
            type == typeof(AzuriteFixture) || type == typeof(ChildProcess) || type == typeof(TestTiers)
            || (type.DeclaringType is { } outer && Opaque(outer));

        private void Visit(MethodBase method, MethodBase? from)
        {
            if (Started(method) is { } need)
            {
                _needs.TryAdd(need, Chain(from, method));
                return;
            }

            if (method.DeclaringType is not { } type || !InScope(type) || Opaque(type))
            {
                return;
            }

            var definition = method.Module.ResolveMethod(method.MetadataToken)!;
            if (_cameFrom.TryAdd(definition, from))
            {
                _next.Enqueue(definition);
            }
        }

        private static string? Started(MethodBase method) => method.DeclaringType switch
        {
            { } t when t == typeof(AzuriteFixture)
                && (method is ConstructorInfo || method.Name == nameof(AzuriteFixture.InMemory)) => Azurite,
            { } t when (t == typeof(ChildProcess) || t == typeof(Process)) && method.Name == nameof(Process.Start) => Processes,
            { FullName: "Microsoft.Playwright.Playwright" } when method.Name == "CreateAsync" => Chromium,
            _ => null,
        };

        // A type something builds — by `new`, or by naming it to a container or to xunit — runs its
        // constructors, and whatever it overrides or implements may be called back by the framework.
        private void Built(Type type, MethodBase? from)
        {
            if (!InScope(type) || type.IsGenericParameter)
            {
                return;
            }

            for (var t = type; t is not null && InScope(t); t = t.BaseType)
            {
                var definition = t.IsGenericType ? t.GetGenericTypeDefinition() : t;
                foreach (var member in definition.GetConstructors(Declared).Cast<MethodBase>()
                    .Concat(definition.GetMethods(Declared).Where(m => m.IsVirtual)))
                {
                    Visit(member, from);
                }
            }
        }

        private void Walk(MethodBase method)
        {
            if (method.DeclaringType?.TypeInitializer is { } initializer)
            {
                Visit(initializer, method);
            }

            // An async method or iterator keeps its body in a generated type's MoveNext.
            if (method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType is { } machine)
            {
                Built(machine, method);
            }

            foreach (var (code, member) in IlMembers(method))
            {
                switch (member)
                {
                    case MethodBase target:
                        Visit(target, method);
                        if (target is ConstructorInfo && target.DeclaringType is { } built)
                        {
                            Built(built, method);
                        }

                        if ((target.IsAbstract || target.IsVirtual) && target.DeclaringType is { } declaring && InScope(declaring))
                        {
                            foreach (var implementation in Implementations(target))
                            {
                                Visit(implementation, method);
                            }
                        }

                        foreach (var argument in target.IsGenericMethod ? target.GetGenericArguments() : [])
                        {
                            Built(argument, method);
                        }

                        break;
                    // typeof(T): a type handed to a container or a factory to build.
                    case Type named when code == OpCodes.Ldtoken:
                        Built(named, method);
                        break;
                }
            }
        }

        // Where a call to an abstract, virtual or interface method may land in the test projects: every
        // method of the same name and arity on a type that derives from or implements its declaring type.
        private IEnumerable<MethodBase> Implementations(MethodBase target)
        {
            if (target.DeclaringType is not { } declaring)
            {
                return [];
            }

            var open = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
            var arity = target.GetParameters().Length;
            return Types
                .Where(t => t != open && Derives(t, open))
                .SelectMany(t => t.GetMethods(Declared))
                .Where(m => m.Name == target.Name || m.Name.EndsWith("." + target.Name, StringComparison.Ordinal))
                .Where(m => m.GetParameters().Length == arity);
        }

        private static bool Derives(Type type, Type open)
        {
            bool Same(Type t) => (t.IsGenericType ? t.GetGenericTypeDefinition() : t) == open;
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (Same(t))
                {
                    return true;
                }
            }

            return type.GetInterfaces().Any(Same);
        }

        private string Chain(MethodBase? from, MethodBase reached)
        {
            var steps = new List<string> { Name(reached) };
            for (var at = from; at is not null; at = _cameFrom[at])
            {
                var name = Name(at);
                if (steps[0] != name)
                {
                    steps.Insert(0, name);
                }
            }

            return string.Join(" → ", steps);
        }

        // Generated types (async bodies, lambdas) are named after the method they came from.
        private static string Name(MethodBase method)
        {
            var type = method.DeclaringType!;
            var name = method is ConstructorInfo ? "new" : method.Name;
            while (type.Name.StartsWith('<') && type.DeclaringType is { } outer)
            {
                name = type.Name.Length > 1 && type.Name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end
                    ? type.Name[1..end]
                    : name;
                type = outer;
            }

            if (name.StartsWith('<') && name.IndexOf('>', StringComparison.Ordinal) is > 1 and var close)
            {
                name = name[1..close];
            }

            return $"{type.Name}.{name}";
        }

        // Every opcode by its value, so the IL is read instruction by instruction: a byte inside an
        // operand is never mistaken for an opcode.
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        private static IEnumerable<(OpCode Code, MemberInfo Member)> IlMembers(MethodBase method)
        {
            if (method.GetMethodBody()?.GetILAsByteArray() is not { } il)
            {
                yield break;
            }

            var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var i = 0;
            while (i < il.Length)
            {
                var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
                i += il[i] == 0xFE ? 2 : 1;
                var code = OpCodesByValue[value];
                if (code.OperandType is OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok
                    && method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments) is { } member)
                {
                    yield return (code, member);
                }

                i += code.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                    _ => 4,
                };
            }
        }
    }
}
