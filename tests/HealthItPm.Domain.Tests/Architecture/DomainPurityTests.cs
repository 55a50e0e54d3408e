using System.Reflection;
using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Architecture;

/// <summary>The domain stays pure: only the base class library, so it can outlive any SDK.</summary>
public class DomainPurityTests
{
    [Fact]
    public void Domain_references_only_the_base_class_library_and_pure_libraries()
    {
        var references = typeof(DomainException).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var foreign = references.Where(name => !IsAllowed(name)).ToList();

        Assert.True(foreign.Count == 0, "The domain references " + string.Join(", ", foreign));
        Assert.Contains(references, IsAllowed);
    }

    [Theory]
    [InlineData("Microsoft.Bot.Builder", false)]
    [InlineData("Azure.Data.Tables", false)]
    [InlineData("Newtonsoft.Json", false)]
    [InlineData("Microsoft.AspNetCore.Http", false)]
    [InlineData("System.Runtime", true)]
    [InlineData("System.Linq", true)]
    [InlineData("Cronos", true)]
    public void The_purity_rule_tells_allowed_references_from_everything_else(string assembly, bool allowed) =>
        Assert.Equal(allowed, IsAllowed(assembly));

    [Fact]
    public void Domain_types_do_not_read_the_system_clock()
    {
        // Time comes through TimeProvider; DateTime.Now in the domain would make rules untestable.
        var domain = typeof(DomainException).Assembly;
        var offenders = domain.GetTypes()
            .SelectMany(t => t.GetMethods(
                BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetMethodBody() is { } body && ReadsSystemClock(m.Module, body.GetILAsByteArray()))
            .Select(m => $"{m.DeclaringType?.Name}.{m.Name}")
            .ToList();

        Assert.True(offenders.Count == 0, "Reads the system clock: " + string.Join(", ", offenders));
    }

    // Cronos computes cron occurrences in time zones: pure arithmetic, no I/O, no SDK.
    private static readonly string[] PureLibraries = ["Cronos"];

    private static bool IsAllowed(string name) =>
        name is "netstandard" or "mscorlib"
            || name == "System"
            || name.StartsWith("System.", StringComparison.Ordinal)
            || PureLibraries.Contains(name);

    private static readonly HashSet<MethodBase> ClockGetters =
    [
        typeof(DateTime).GetProperty(nameof(DateTime.Now))!.GetMethod!,
        typeof(DateTime).GetProperty(nameof(DateTime.UtcNow))!.GetMethod!,
        typeof(DateTime).GetProperty(nameof(DateTime.Today))!.GetMethod!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.Now))!.GetMethod!,
        typeof(DateTimeOffset).GetProperty(nameof(DateTimeOffset.UtcNow))!.GetMethod!,
    ];

    // Scans IL for call instructions (0x28 call, 0x6F callvirt) whose target is a clock getter.
    private static bool ReadsSystemClock(Module module, byte[]? il)
    {
        if (il is null)
        {
            return false;
        }

        for (var i = 0; i + 4 < il.Length; i++)
        {
            if (il[i] is not (0x28 or 0x6F))
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, i + 1);
            try
            {
                if (module.ResolveMethod(token) is { } method && ClockGetters.Contains(method))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                // Not a method token: the byte was an operand, not an opcode.
            }
        }

        return false;
    }
}
