using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Cards;

/// <summary>How project values read on a card and in a form's choices.</summary>
public static class ProjectLabels
{
    private static TextResource Texts => CardTexts.Labels;

    public static string Kind(ProjectKind kind) => Texts[$"Kind_{(Enum.IsDefined(kind) ? kind : ProjectKind.Other)}"];

    public static string Phase(ProjectPhase phase) => Texts[$"Phase_{phase}"];

    public static string Discipline(StakeholderRole role) => Texts[$"Discipline_{role}"];

    public static string Rag(Rag rag) =>
        Texts[$"Rag_{(rag is Domain.Projects.Rag.Red or Domain.Projects.Rag.Amber ? rag : Domain.Projects.Rag.Green)}"];

    /// <summary>How much a RAG status calls for attention, for its badge.</summary>
    public static Severity SeverityOf(Rag rag) => rag switch
    {
        Domain.Projects.Rag.Red => Severity.High,
        Domain.Projects.Rag.Amber => Severity.Medium,
        _ => Severity.Low,
    };

    public static IReadOnlyList<(string Title, string Value)> Choices<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => (label(v), v.ToString()))];
}
