using System.Reflection;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Architecture;

/// <summary>
/// Which folder of an assembly depends on which, read from the compiled code: a folder is the first namespace
/// segment under <c>root</c>, and it depends on another when one of its types refers to one of the other's
/// (<see cref="TypeReferences"/>). Each edge keeps the type references that make it, to name them when it is wrong.
/// </summary>
internal sealed class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    private FolderGraph()
    {
    }

    public IEnumerable<string> Folders => _edges.Keys;

    public static FolderGraph Of(Assembly assembly, string root)
    {
        var graph = new FolderGraph();
        foreach (var type in assembly.GetTypes().Where(t => !t.IsNested))
        {
            if (Folder(type, root) is not { } from)
            {
                continue;
            }

            graph.Add(from);
            // A by-ref, array or pointer type names its element type, which is in the references too.
            foreach (var reference in TypeReferences.Of(type).Where(r => !r.HasElementType))
            {
                if (Folder(reference, root) is { } to && to != from)
                {
                    graph.Add(to);
                    graph.Add(from, to, $"{type.FullName} → {reference.FullName ?? reference.Name}");
                }
            }
        }

        return graph;
    }

    /// <summary>A graph written out, as the cycle finder's own tests need: ("A", "B") means A depends on B.</summary>
    public static FolderGraph Of(params (string From, string To)[] edges)
    {
        var graph = new FolderGraph();
        foreach (var (from, to) in edges)
        {
            graph.Add(from);
            graph.Add(to);
            graph.Add(from, to, $"{from} → {to}");
        }

        return graph;
    }

    public IEnumerable<string> DependenciesOf(string folder) => _edges.TryGetValue(folder, out var to) ? to.Keys : [];

    /// <summary>The type references that make <paramref name="from"/> depend on <paramref name="to"/>.</summary>
    public IEnumerable<string> Evidence(string from, string to) =>
        _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var why) ? why : [];

    /// <summary>One line per folder: "Folder → Other, Other".</summary>
    public override string ToString() =>
        string.Join("\n", _edges.Select(e => $"{e.Key} → {(e.Value.Count == 0 ? "(nothing)" : string.Join(", ", e.Value.Keys))}"));

    private static string? Folder(Type type, string root) =>
        type.Namespace is { } ns && ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Split('.')[0] : null;

    private void Add(string folder)
    {
        if (!_edges.ContainsKey(folder))
        {
            _edges[folder] = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }
    }

    private void Add(string from, string to, string why)
    {
        if (!_edges[from].TryGetValue(to, out var evidence))
        {
            _edges[from][to] = evidence = new SortedSet<string>(StringComparer.Ordinal);
        }

        evidence.Add(why);
    }
}
