namespace HealthItPm.Domain.Projects;

/// <summary>Red/amber/green, ordered so that the worst finding wins.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>One reason a project is not green, in words a leader can act on.</summary>
public sealed record RagFinding(Rag Status, string Reason);

/// <summary>A project's RAG status and every reason behind it.</summary>
public sealed record RagStatus(Rag Status, IReadOnlyList<RagFinding> Findings)
{
    public static RagStatus From(IEnumerable<RagFinding> findings)
    {
        var list = findings.Where(f => f.Status != Rag.Green).OrderByDescending(f => f.Status).ToList();
        return new RagStatus(list.Count == 0 ? Rag.Green : list[0].Status, list);
    }
}
