namespace HealthItPm.Domain.Projects;

public enum ProjectKind
{
    Ehr,
    Telemedicine,
    PacsRis,
    EPrescribing,
    PatientPortal,
    Scheduling,
    Other,
}

public enum ProjectPhase
{
    Planning,
    Build,
    Testing,
    Training,
    GoLive,
    Stabilization,
    Closed,
}

/// <summary>A stakeholder's discipline, used to aim check-ins and surveys and to break results down.</summary>
public enum StakeholderRole
{
    Clinician,
    Nurse,
    Physician,
    Pharmacist,
    It,
    Vendor,
    Leader,
    Other,
}
