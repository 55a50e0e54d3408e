namespace HealthItPm.Domain.Tests.Architecture;

/// <summary>
/// The cycles of a <see cref="FolderGraph"/>: its strongly connected components of more than one folder
/// (Tarjan's algorithm), each named by its shortest cycle, e.g. "Delivery → Rounds → Delivery".
/// </summary>
internal static class FolderCycles
{
    /// <summary>
    /// Each cycle as the folders along it, the first repeated at the end; none when the graph is acyclic. Folders caught
    /// in one knot are named by its shortest loop (from the first folder in order, of loops as short).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> In(FolderGraph graph) =>
        [
            .. Components(graph)
                .Where(c => c.Count > 1)
                .Select(c => c.Select(start => ShortestCycle(graph, c, start)).MinBy(cycle => cycle.Count)!),
        ];

    /// <summary>The cycle and, for each step of it, the type references that make the step.</summary>
    public static string Describe(FolderGraph graph, IReadOnlyList<string> cycle) =>
        string.Join(" → ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1))
            .SelectMany(step => graph.Evidence(step.First, step.Second).Take(5).Select(why => "    " + why)));

    private static List<List<string>> Components(FolderGraph graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in graph.DependenciesOf(folder))
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], seen);
                }
            }

            if (low[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != folder);
                component.Sort(StringComparer.Ordinal);
                components.Add(component);
            }
        }

        foreach (var folder in graph.Folders.Where(f => !index.ContainsKey(f)))
        {
            Visit(folder);
        }

        return [.. components.OrderBy(c => c[0], StringComparer.Ordinal)];
    }

    // Breadth-first from a folder of the component back to itself, staying inside the component.
    private static List<string> ShortestCycle(FolderGraph graph, List<string> component, string start)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var folder = queue.Dequeue();
            foreach (var next in graph.DependenciesOf(folder).Where(component.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (var at = folder; at != start; at = cameFrom[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(next, folder))
                {
                    queue.Enqueue(next);
                }
            }
        }

        throw new InvalidOperationException($"{start} is in a strongly connected component but on no cycle.");
    }
}
