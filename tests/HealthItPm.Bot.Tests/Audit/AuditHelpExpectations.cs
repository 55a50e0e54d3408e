using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>What help offers each person of the audit log: the admins alone.</summary>
public sealed class AuditHelpExpectations : HelpExpectations
{
    public override IReadOnlyList<string> Admin => ["audit EHR 2026-11-01 2026-11-30"];
}
