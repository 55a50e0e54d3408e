using HealthItPm.Bot.Tests.FirstDay;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>What help offers each person of the weekly digest: leaders subscribe, PMs send and name the leaders.</summary>
public sealed class DigestHelpExpectations : HelpExpectations
{
    private static readonly string[] Subscribing = ["digest preview", "digest settings", "digest subscribe", "digest unsubscribe"];

    public override IReadOnlyList<string> Admin => [.. Subscribing, "digest leaders", "digest now"];

    public override IReadOnlyList<string> Pm => ["digest leaders", "digest now", "digest preview"];

    public override IReadOnlyList<string> Leader => Subscribing;
}
