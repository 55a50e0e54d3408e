using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.Risks;

/// <summary>What help offers each person of the risks and concerns: the leader is in the escalation chain.</summary>
public sealed class RiskHelpExpectations : HelpExpectations
{
    private static readonly string[] OnAProject = ["report concern", "risk <ID>", "risks critical"];

    private static readonly string[] Managing = [.. OnAProject, "escalation", "risk add", "risk update <ID>"];

    public override IReadOnlyList<string> Admin => Managing;

    public override IReadOnlyList<string> Pm => Managing;

    public override IReadOnlyList<string> Leader => [.. OnAProject, "risk update <ID>"];

    public override IReadOnlyList<string> Nurse => OnAProject;
}
