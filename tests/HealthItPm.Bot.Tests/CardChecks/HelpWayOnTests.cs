using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// Help and refusals as the official renderer shows them: help offers a risk command by its form (no made-up id to
/// type), labels admins' commands for admins, and every refusal ends with where to see what one can do.
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class HelpWayOnTests(OfficialCardRenderer renderer)
{
    private static readonly ProjectCode Ehr = new("EHR");

    [Fact]
    public async Task Help_shows_the_form_of_a_risk_id_and_puts_admin_commands_under_admins()
    {
        using var _ = new InCulture("en-US");
        var card = HelpCard.Build(new HelpCardModel(
        [
            new HelpEntry("risk", "One risk with its history.", "risk <ID>", false, "risks"),
            new HelpEntry("risk add", "Log a risk.", "risk add", true, "risks"),
            new HelpEntry("audit", "Who did what, when.", "audit EHR 2026-11-01 2026-11-30", false, "more") { ForAdmins = true },
            new HelpEntry("pm allow", "Let someone create projects.", "pm allow", false, "more") { ForAdmins = true },
        ]));

        var check = await renderer.CheckAsync(card.ToString(), width: 360);

        Assert.Empty(check.Problems);
        // The renderer here shows markdown as written; Teams shows "risk <ID>" in bold.
        Assert.Contains(@"**risk \<ID\>**", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("EHR-R", check.Text, StringComparison.Ordinal);
        Assert.Contains("For project managers: **risk add**", check.Text, StringComparison.Ordinal);
        Assert.Contains("For admins: **audit EHR 2026-11-01 2026-11-30** · **pm allow**", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("For project managers: **audit", check.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RefusalCode.NotOnProject)]
    [InlineData(RefusalCode.OnNoProject)]
    [InlineData(RefusalCode.OnlyFor)]
    public async Task Every_refusal_ends_with_a_pointer_to_help(RefusalCode code)
    {
        using var _ = new InCulture("en-US");
        var refusal = code switch
        {
            RefusalCode.NotOnProject => Refusal.NotOnProject(ProjectAction.PreviewDigest, Ehr),
            RefusalCode.OnNoProject => Refusal.OnNoProject(ProjectAction.PreviewDigest, Who.ProjectManagers | Who.Leaders),
            _ => new Refusal(code, ProjectAction.PreviewDigest, Ehr, "Epic EHR go-live", ["Priya Shah"], Who.ProjectManagers | Who.Leaders),
        };

        var check = await renderer.CheckAsync(NoticeCard.Build(RefusalNotice.Of(refusal)).ToString());

        Assert.Empty(check.Problems);
        Assert.EndsWith("Type **help** to see what you can do.", check.Text.Trim(), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(check.Text, @"Type \*\*help"));
    }
}
