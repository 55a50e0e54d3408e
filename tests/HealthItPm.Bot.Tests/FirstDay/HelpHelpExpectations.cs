namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>Help itself, offered to everyone; and the admins' view of the delivery pipeline's health.</summary>
public sealed class HelpHelpExpectations : HelpExpectations
{
    public override IReadOnlyList<string> Admin => ["help", "health"];

    public override IReadOnlyList<string> Pm => ["help"];

    public override IReadOnlyList<string> Leader => ["help"];

    public override IReadOnlyList<string> Nurse => ["help"];

    public override IReadOnlyList<string> Nobody => ["help"];
}
