using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>The texts people type are checked in their project's context: its people and the hospital's domains are staff.</summary>
public class StaffContextTests
{
    private static readonly StaffDomains Hospital = new(["hospital.example"]);

    [Fact]
    public void A_project_members_name_is_not_taken_for_a_patient_in_a_check_in()
    {
        const string blockers = "Nina Patel still has not shared the downtime procedure";

        Assert.NotEmpty(CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(2), blockers, false).Phi);
        Assert.NotNull(CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(2), blockers, false, Hospital.With(["Priya Shah", "Nina Patel (RN)"])).Answer);
    }

    [Fact]
    public void The_hospitals_own_addresses_are_not_phi_in_a_concern_but_a_patients_name_still_is()
    {
        var project = new ProjectCode("EHR");
        var by = new PersonId("22222222-2222-2222-2222-222222222222");
        var at = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        var context = Hospital.With(["Nina Patel"]);

        Assert.NotNull(Concern.Raise(project, 1, "Tickets to servicedesk@hospital.example go unanswered", by, "Nina Patel", at, context).Concern);
        Assert.NotEmpty(Concern.Raise(project, 1, "Mail to jane.doe@gmail.com bounced", by, "Nina Patel", at, context).Phi);
        Assert.NotEmpty(Concern.Raise(project, 1, "Patient Teresa Hunt got the wrong diet order", by, "Nina Patel", at, context).Phi);
    }
}
