using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>What help offers each person of the check-ins: those who manage the project.</summary>
public sealed class CheckInHelpExpectations : HelpExpectations
{
    private static readonly string[] Managing = ["checkin now", "checkin schedule", "checkin status", "checkin stop"];

    public override IReadOnlyList<string> Admin => Managing;

    public override IReadOnlyList<string> Pm => Managing;
}
