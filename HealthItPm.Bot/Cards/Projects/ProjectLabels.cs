using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Cards.Projects;

/// <summary>How project values read on a card and in a form's choices.</summary>
public static class ProjectLabels
{
    public static string Kind(ProjectKind kind) => kind switch
    {
        ProjectKind.Ehr => "EHR",
        ProjectKind.Telemedicine => "Telemedicine",
        ProjectKind.PacsRis => "PACS/RIS",
        ProjectKind.EPrescribing => "e-Prescribing",
        ProjectKind.PatientPortal => "Patient portal",
        ProjectKind.Scheduling => "Scheduling",
        _ => "Other",
    };

    public static string Phase(ProjectPhase phase) => phase switch
    {
        ProjectPhase.GoLive => "Go-live",
        _ => phase.ToString(),
    };

    public static string Discipline(StakeholderRole role) => role switch
    {
        StakeholderRole.It => "IT",
        _ => role.ToString(),
    };

    public static string Rag(Rag rag) => rag switch
    {
        Domain.Projects.Rag.Red => "Red",
        Domain.Projects.Rag.Amber => "Amber",
        _ => "Green",
    };

    /// <summary>The Adaptive Card colour for a RAG status.</summary>
    public static TextColor RagColor(Rag rag) => rag switch
    {
        Domain.Projects.Rag.Red => TextColor.Attention,
        Domain.Projects.Rag.Amber => TextColor.Warning,
        _ => TextColor.Good,
    };

    public static IReadOnlyList<(string Title, string Value)> Choices<TEnum>(Func<TEnum, string> label)
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => (label(v), v.ToString()))];
}
