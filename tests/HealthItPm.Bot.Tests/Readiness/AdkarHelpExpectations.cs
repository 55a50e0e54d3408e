using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.Readiness;

/// <summary>What help offers each person of the ADKAR waves (the results' example names the wave the help test starts).</summary>
public sealed class AdkarHelpExpectations : HelpExpectations
{
    private static readonly string[] Managing = ["adkar results pre go-live", "adkar start", "adkar waves"];

    public override IReadOnlyList<string> Admin => Managing;

    public override IReadOnlyList<string> Pm => Managing;
}
