using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// The forms a PM sends rounds with read on a phone: whether answers carry names and whether the PMs are included are
/// choices one taps, every word of them shown at 360 px, not drop-downs whose choice is cut or hidden until opened.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
public class RoundFormsOnPhoneTests(BotEnvironment env, OfficialCardRenderer renderer) : IClassFixture<OfficialCardRenderer>
{
    [Theory]
    [InlineData("adkar start", "Anonymous: only totals over 5 or more people")]
    [InlineData("checkin schedule", "Anonymous: answers without names after it closes, from 5 or more people")]
    public async Task Names_and_pms_are_choices_shown_whole_at_phone_width(string command, string anonymous)
    {
        var (pm, _, _) = await NurseProject.CreateAsync(env, "F");

        var form = await pm.SayAsync(command);
        var check = await renderer.CheckAsync(form.ToString(), width: 360);

        Assert.Empty(check.CutTexts);
        Assert.Contains("anonymous", check.TapChoices.Keys);
        Assert.Equal("expanded", (string?)CardText.Input(form, "pms")!["style"]);
        Assert.Contains(anonymous, check.Text, StringComparison.Ordinal);
        Assert.Contains("Send it to the project's PMs too", check.Text, StringComparison.Ordinal);
    }
}
