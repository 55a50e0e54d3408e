using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.GoLive;

/// <summary>One criterion of a template: its key (the bot words its name), group, must/should, and measure when computed.</summary>
public sealed record TemplateItem(string Key, GateGroup Group, Importance Importance, Measure? Measure = null);

/// <summary>
/// The default criteria of a gate for each kind of project, drawn from the groups of go-live checklists: clinical
/// workflow validation and build sign-off; interfaces; training by role and proficiency of high-risk roles;
/// super-users at the elbow; downtime procedures; the command center; data conversion; the HIPAA security risk
/// analysis and access roles; and what HealthItPm computes from its own data (readiness, risks, check-ins,
/// milestones). The PM edits, adds to and removes from them.
/// </summary>
public static class GateTemplates
{
    private static readonly TemplateItem[] Computed =
    [
        new("MilestonesDone", GateGroup.WorkflowValidation, Importance.Must, Measure.MilestonesDone),
        new("Readiness", GateGroup.Readiness, Importance.Must, Measure.ReadinessWithoutBarrier),
        new("NoCriticalRisk", GateGroup.Risks, Importance.Must, Measure.OpenCriticalRisks),
        new("PatientSafetyHandled", GateGroup.Risks, Importance.Must, Measure.PatientSafetyRisksUnhandled),
        new("FewBlocked", GateGroup.Readiness, Importance.Should, Measure.CheckInBlockedShare),
        new("TrainingRequestsAnswered", GateGroup.Training, Importance.Should, Measure.TrainingRequestsOpen),
    ];

    private static readonly TemplateItem[] Attested =
    [
        new("WorkflowSignOff", GateGroup.WorkflowValidation, Importance.Must),
        new("TrainingByRole", GateGroup.Training, Importance.Must),
        new("Proficiency", GateGroup.Training, Importance.Should),
        new("SuperUsers", GateGroup.SuperUsers, Importance.Should),
        new("DowntimeTested", GateGroup.Downtime, Importance.Must),
        new("CommandCenter", GateGroup.CommandCenter, Importance.Should),
        new("SecurityRiskAnalysis", GateGroup.Security, Importance.Must),
        new("AccessRoles", GateGroup.Security, Importance.Must),
    ];

    private static readonly TemplateItem[] Ehr =
    [
        new("LabRoundTrip", GateGroup.Interfaces, Importance.Must),
        new("ERxControlled", GateGroup.Interfaces, Importance.Must),
        new("Adt", GateGroup.Interfaces, Importance.Must),
        new("Hie", GateGroup.Interfaces, Importance.Should),
        new("ConversionReconciled", GateGroup.DataConversion, Importance.Must),
    ];

    private static readonly TemplateItem[] Telemedicine =
    [
        new("VideoVisitTested", GateGroup.Interfaces, Importance.Must),
        new("SchedulingInterface", GateGroup.Interfaces, Importance.Should),
        new("PatientDevices", GateGroup.Interfaces, Importance.Should),
    ];

    private static readonly TemplateItem[] PacsRis =
    [
        new("OrdersResultsRoundTrip", GateGroup.Interfaces, Importance.Must),
        new("Adt", GateGroup.Interfaces, Importance.Must),
        new("PriorImagesMigrated", GateGroup.DataConversion, Importance.Must),
        new("ModalityWorklist", GateGroup.Interfaces, Importance.Should),
    ];

    private static readonly TemplateItem[] EPrescribing =
    [
        new("ERxRoundTrip", GateGroup.Interfaces, Importance.Must),
        new("ERxControlled", GateGroup.Interfaces, Importance.Must),
        new("MedicationListsConverted", GateGroup.DataConversion, Importance.Should),
    ];

    private static readonly TemplateItem[] PatientPortal =
    [
        new("ResultsRelease", GateGroup.Interfaces, Importance.Must),
        new("IdentityProofing", GateGroup.Security, Importance.Must),
        new("SecureMessaging", GateGroup.Interfaces, Importance.Should),
    ];

    /// <summary>The template of a kind: the kind's own criteria, then those every clinical go-live shares.</summary>
    public static IReadOnlyList<TemplateItem> For(ProjectKind kind)
    {
        TemplateItem[] own = kind switch
        {
            ProjectKind.Ehr => Ehr,
            ProjectKind.Telemedicine => Telemedicine,
            ProjectKind.PacsRis => PacsRis,
            ProjectKind.EPrescribing => EPrescribing,
            ProjectKind.PatientPortal => PatientPortal,
            _ => [],
        };
        return [.. Attested.Take(1), .. own, .. Attested.Skip(1), .. Computed];
    }

    /// <summary>Every key any template uses: the bot words each.</summary>
    public static IReadOnlySet<string> Keys { get; } =
        Enum.GetValues<ProjectKind>().SelectMany(For).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
}
