namespace HealthItPm.Domain.Security;

/// <summary>
/// Everything a person can ask HealthItPm to do, for the one authorization table
/// (<see cref="AccessRules"/>). A new action is one value here and one row there; the matrix test
/// fails until it has its expected row too.
/// </summary>
public enum ProjectAction
{
    /// <summary>See the status card, milestones, KPIs and stakeholder counts.</summary>
    ViewStatus,

    /// <summary>See money: budget, spend, planned and earned value, CPI and EAC (by default PMs, leaders and admins).</summary>
    ViewBudget,

    ManageStakeholders,
    ManageMilestones,
    ManageBudget,
    ManageKpis,
    ChangePhase,
    ManageCheckIns,

    /// <summary>Launch ADKAR readiness waves and read their results (aggregates only).</summary>
    ManageSurveys,
    LogRisks,
    ManageEscalation,

    /// <summary>See the risk register and one risk's card.</summary>
    ViewRisks,

    /// <summary>Re-rate, plan the mitigation of, close or re-assign a risk.</summary>
    ChangeRisk,

    /// <summary>Acknowledge or accept an escalated risk, or ask its owner for an update.</summary>
    RespondToEscalation,

    /// <summary>Tell the PMs about a worry.</summary>
    ReportConcern,

    /// <summary>Read a concern, log it as a risk or dismiss it.</summary>
    TriageConcern,

    /// <summary>Answer a check-in round (the round itself must also have been sent to the person).</summary>
    AnswerCheckIn,

    /// <summary>Create a project (tenant-wide).</summary>
    CreateProject,

    /// <summary>Allow people to create projects (tenant-wide).</summary>
    AllowProjectManagers,

    /// <summary>Read the audit log (tenant-wide).</summary>
    ViewAudit,

    /// <summary>See the delivery pipeline as it stands: hosts, queues, sends, throttling (tenant-wide, counts only).</summary>
    ViewPipelineHealth,

    /// <summary>Subscribe oneself to a project's weekly leadership digest.</summary>
    ReceiveDigest,

    /// <summary>Subscribe a project's leaders to its weekly digest.</summary>
    SubscribeLeadersToDigest,

    /// <summary>See a project's weekly digest as it stands now (its figures include CPI and SPI), without sending it.</summary>
    PreviewDigest,

    /// <summary>Send a project's weekly digest to its subscribed leaders now.</summary>
    SendDigest,

    /// <summary>Remove patient details that got through the PHI guard from a stored text, everywhere the bot keeps it.</summary>
    RemovePatientDetails,
    /// <summary>See a project's go-live gate: its scorecard, the criteria and their owners, the checkpoints.</summary>
    ViewGoLiveGate,

    /// <summary>Set the go-live gate's date and checkpoints, and add, change or remove its criteria.</summary>
    ManageGoLiveGate,
}
