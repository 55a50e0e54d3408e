using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>The texts people type are checked in their project's context: its people and the hospital's domains are staff.</summary>
public class StaffContextTests
{
    private static readonly StaffDomains Hospital = new(["hospital.example"]);

    [Fact]
    public void A_project_members_name_is_not_taken_for_a_patient_in_a_check_in()
    {
        const string blockers = "Nina Patel still has not shared the downtime procedure";

        Assert.NotEmpty(GuardedText.Check(blockers, PhiContext.None).Phi);
        Assert.NotNull(GuardedText.Check(blockers, Hospital.With(["Priya Shah", "Nina Patel (RN)"])).Text);
    }

    [Fact]
    public void The_hospitals_own_addresses_are_not_phi_in_a_concern_but_a_patients_name_still_is()
    {
        var context = Hospital.With(["Nina Patel"]);

        Assert.NotNull(GuardedText.Check("Tickets to servicedesk@hospital.example go unanswered", context).Text);
        Assert.NotEmpty(GuardedText.Check("Mail to jane.doe@gmail.com bounced", context).Phi);
        Assert.NotEmpty(GuardedText.Check("Patient Teresa Hunt got the wrong diet order", context).Phi);
    }
}
