using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Redaction;

public class RemovedTextTests
{
    private static readonly PersonId Pm = new("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Risk Logged() => Risk.Log(
        new RiskId(new ProjectCode("EHR"), 1),
        Guarded.From("Barcode scanners fail on ward 4"),
        Guarded.From("Scanners drop the wristband read"),
        RiskCategory.PatientSafety,
        new RiskRating(3, 4),
        Pm,
        null,
        null,
        Pm,
        Now);

    [Fact]
    public void A_risks_mitigation_is_replaced_by_the_marker_in_the_field_and_in_the_history()
    {
        var risk = Logged();
        risk.PlanMitigation(Guarded.From("Call back the pharmacist about the drip"), new DateOnly(2026, 12, 9), Pm, Now);

        Assert.True(risk.RemovePatientDetails(RemovableText.RiskMitigation));

        Assert.True(RemovedText.IsRemoved(risk.Mitigation));
        Assert.DoesNotContain(risk.History, e => e.Note?.Contains("drip", StringComparison.Ordinal) == true);
        Assert.Contains(risk.History, e => RemovedText.IsRemoved(e.Note));
        Assert.Equal("Barcode scanners fail on ward 4", risk.Title.Value);
        Assert.False(risk.RemovePatientDetails(RemovableText.RiskMitigation));
    }

    [Fact]
    public void Each_field_is_removed_alone_and_a_field_without_text_is_left_as_it_is()
    {
        var risk = Logged();

        Assert.True(risk.RemovePatientDetails(RemovableText.RiskDescription));
        Assert.False(risk.RemovePatientDetails(RemovableText.RiskAcceptReason));

        Assert.True(RemovedText.IsRemoved(risk.Description));
        Assert.Null(risk.AcceptedBecause);
        Assert.Equal("Barcode scanners fail on ward 4", risk.Title.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => risk.RemovePatientDetails(RemovableText.RoundAnswer));
    }

    [Fact]
    public void A_blocker_loses_its_words_and_keeps_what_was_chosen()
    {
        var answer = CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), Guarded.From("Scanner fails at bed 3"), true);

        var removed = answer.WithoutPatientDetails(CheckInRounds.Blockers);

        Assert.True(RemovedText.IsRemoved(removed.Blockers));
        Assert.Equal((CheckInStatus.Blocked, 4, true), (removed.Status, removed.Impact!.Value.Value, removed.TrainingNeeded));
    }

    [Fact]
    public void A_fingerprint_names_a_text_without_holding_it()
    {
        var fingerprint = RemovedText.Fingerprint("Scanner fails at bed 3");

        Assert.Equal(16, fingerprint.Length);
        Assert.Equal(fingerprint, RemovedText.Fingerprint("Scanner fails at bed 3"));
        Assert.NotEqual(fingerprint, RemovedText.Fingerprint("Scanner fails at bed 4"));
    }
}
