namespace HealthItPm.Domain.Projects;

/// <summary>Red/amber/green, ordered so that the worst finding wins.</summary>
public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// One reason a project is not green, as data the bot words for the reader. <paramref name="Financial"/>
/// findings quote budget figures, which only the people allowed to see the budget read.
/// </summary>
public sealed record RagFinding(Rag Status, RagReason Reason, bool Financial = false);

/// <summary>
/// A project's RAG status and every reason behind it. <paramref name="EnoughData"/> is false while
/// nothing could be measured (no SPI, no CPI, no finding): such a project is not green, it is unknown.
/// </summary>
public sealed record RagStatus(Rag Status, IReadOnlyList<RagFinding> Findings, bool EnoughData = true)
{
    /// <param name="findings">What the rules found.</param>
    /// <param name="measured">Whether there was any schedule or cost signal to judge by.</param>
    public static RagStatus From(IEnumerable<RagFinding> findings, bool measured = true)
    {
        var list = findings.Where(f => f.Status != Rag.Green).OrderByDescending(f => f.Status).ToList();
        return new RagStatus(list.Count == 0 ? Rag.Green : list[0].Status, list, measured || list.Count > 0);
    }
}
