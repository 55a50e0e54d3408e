using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;
using HealthItPm.Domain.Common;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Architecture;

/// <summary>
/// The domain's folders depend on each other without a cycle, so each capability can be read, changed and
/// tested from its own folder and those below it. Checked on the compiled assembly (<see cref="FolderGraph"/>).
/// </summary>
public class FolderCycleTests
{
    private const string Root = "HealthItPm.Domain.";

    // The domain's folders as they are on disk (each holding code), so a new feature's folder is checked without naming it.
    private static readonly string[] Folders =
    [
        .. Directory.EnumerateDirectories(Path.Combine(RepositoryLayout.Root, "HealthItPm.Domain"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj"))
            .Where(name => Directory.EnumerateFiles(
                Path.Combine(RepositoryLayout.Root, "HealthItPm.Domain", name), "*.cs", SearchOption.AllDirectories).Any())
            .Order(StringComparer.Ordinal),
    ];

    private static FolderGraph Domain => FolderGraph.Of(typeof(DomainException).Assembly, Root);

    [Fact]
    public void The_domain_folders_depend_on_each_other_without_a_cycle()
    {
        var graph = Domain;

        var cycles = FolderCycles.In(graph);

        Assert.True(
            cycles.Count == 0,
            "The domain's folders depend on each other in a cycle:\n"
            + string.Join("\n", cycles.Select(c => FolderCycles.Describe(graph, c)))
            + "\n\nEvery folder's dependencies:\n" + graph);
    }

    [Fact]
    public void The_graph_holds_every_folder_of_the_domain()
    {
        // A folder the graph missed (a renamed root, a namespace off its folder) would be a folder never checked.
        Assert.Contains("Rounds", Folders);
        Assert.Equal(Folders, Domain.Folders);
    }

    [Fact]
    public void Common_holds_mechanism_only_and_depends_on_no_feature()
    {
        // Every folder may use Common; a feature's type in it would tie every folder to that feature.
        var common = Domain.DependenciesOf("Common").ToList();

        Assert.True(common.Count == 0, "Common depends on " + string.Join(", ", common.Select(to =>
            $"{to}:\n    " + string.Join("\n    ", Domain.Evidence("Common", to)))));
    }

    [Fact]
    public void The_finder_names_the_cycle_in_a_graph_that_has_one()
    {
        var graph = FolderGraph.Of(("Alpha", "Beta"), ("Beta", "Gamma"), ("Gamma", "Alpha"), ("Gamma", "Delta"), ("Delta", "Epsilon"));

        var cycle = Assert.Single(FolderCycles.In(graph));

        Assert.Equal(["Alpha", "Beta", "Gamma", "Alpha"], cycle);
        Assert.StartsWith(
            "Alpha → Beta → Gamma → Alpha\n    Alpha → Beta", FolderCycles.Describe(graph, cycle), StringComparison.Ordinal);
    }

    [Fact]
    public void The_finder_names_each_separate_cycle_by_its_shortest_loop()
    {
        var graph = FolderGraph.Of(
            ("Alpha", "Beta"), ("Beta", "Alpha"), ("Beta", "Gamma"), ("Gamma", "Alpha"), ("Delta", "Epsilon"), ("Epsilon", "Delta"));

        Assert.Equal<IEnumerable<IReadOnlyList<string>>>(
            [["Alpha", "Beta", "Alpha"], ["Delta", "Epsilon", "Delta"]],
            FolderCycles.In(graph));
    }

    [Fact]
    public void The_finder_finds_no_cycle_where_dependencies_only_go_down()
    {
        var graph = FolderGraph.Of(("Alpha", "Beta"), ("Alpha", "Gamma"), ("Beta", "Gamma"), ("Gamma", "Delta"));

        Assert.Empty(FolderCycles.In(graph));
    }

    [Fact]
    public void A_cycle_closed_only_inside_a_method_body_is_found_in_a_compiled_assembly()
    {
        var context = new AssemblyLoadContext(nameof(A_cycle_closed_only_inside_a_method_body_is_found_in_a_compiled_assembly), true);
        try
        {
            var graph = FolderGraph.Of(CyclicAssembly(context), "Cyclic.");

            var cycle = Assert.Single(FolderCycles.In(graph));

            Assert.Equal(["Alpha", "Beta", "Alpha"], cycle);
            Assert.Equal(["Cyclic.Alpha.Caller → Cyclic.Beta.Callee"], graph.Evidence("Alpha", "Beta"));
        }
        finally
        {
            context.Unload();
        }
    }

    // Beta's Callee names Alpha's Caller in a field; Alpha's Caller names Callee only in the IL of a method that creates one.
    private static Assembly CyclicAssembly(AssemblyLoadContext context)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Cyclic"), typeof(object).Assembly);
        var module = builder.DefineDynamicModule("Cyclic");
        var caller = module.DefineType("Cyclic.Alpha.Caller", TypeAttributes.Public | TypeAttributes.Class);
        var callee = module.DefineType("Cyclic.Beta.Callee", TypeAttributes.Public | TypeAttributes.Class);
        callee.DefineField("Caller", caller, FieldAttributes.Public);
        var create = callee.DefineDefaultConstructor(MethodAttributes.Public);
        var call = caller.DefineMethod("Call", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes)
            .GetILGenerator();
        call.Emit(OpCodes.Newobj, create);
        call.Emit(OpCodes.Pop);
        call.Emit(OpCodes.Ret);
        caller.CreateType();
        callee.CreateType();

        using var image = new MemoryStream();
        builder.Save(image);
        image.Position = 0;
        return context.LoadFromStream(image);
    }
}
