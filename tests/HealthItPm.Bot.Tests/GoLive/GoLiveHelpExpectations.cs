using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>What help offers each person of the go-live gate, its vote and its attestations: everyone on the project sees the status.</summary>
public sealed class GoLiveHelpExpectations : HelpExpectations
{
    private static readonly string[] Managing = ["golive status", "golive", "golive add", "golive ask", "golive edit", "golive vote"];

    public override IReadOnlyList<string> Admin => Managing;

    public override IReadOnlyList<string> Pm => Managing;

    public override IReadOnlyList<string> Leader => ["golive status"];

    public override IReadOnlyList<string> Nurse => ["golive status"];
}
