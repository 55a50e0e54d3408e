using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>What a PM, a nurse and a CIO meet on a project's first day, on a clock where UTC is a day ahead of Chicago.</summary>
[Collection(SharedClockedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class FirstDayProjectTests(ClockedBotEnvironment env)
{
    private static string NewCode() => "FD" + UniqueCodes.Letters(5);

    private static string Date(int daysFromToday) => ClockedBotEnvironment.ChicagoToday.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private ProjectConversation As(Microsoft.Bot.Schema.ChannelAccount person) => new(env.Host, env.Connector, person);

    private static async Task<string> NewProjectAsync(ProjectConversation pm, int goLiveInDays = 92)
    {
        var code = NewCode();
        var created = await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(0), golive = Date(goLiveInDays), end = Date(goLiveInDays + 60), timezone = "America/Chicago",
        });
        Assert.Contains($"Created {code}", CardText.Of(created), StringComparison.Ordinal);
        return code;
    }

    [Fact]
    public async Task Status_and_project_list_count_the_days_to_go_live_from_the_same_today()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm, goLiveInDays: 77);

        var status = CardText.Of(await pm.SayAsync("status " + code));
        var list = CardText.Of(await pm.SayAsync("project list"));

        Assert.Contains("go-live in 77 days", status, StringComparison.Ordinal);
        Assert.Contains("go-live in 77 days", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pm_moves_the_project_through_its_phases_and_the_status_card_shows_where_it_is()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm);

        var form = await pm.SayAsync("phase");
        Assert.Equal("Build", (string?)CardText.Input(form, "phase")!["value"]);
        Assert.Contains("No phase moves yet", CardText.Of(form), StringComparison.Ordinal);
        var moved = CardText.Of(await pm.SubmitAsync(CardVerbs.ChangePhase, new { project = code, phase = "Build" }));
        await pm.SubmitAsync(CardVerbs.ChangePhase, new { project = code, phase = "Testing" });

        Assert.Contains($"{code} is now in Build", moved, StringComparison.Ordinal);
        Assert.Contains("Planning → Build on Wed 25 Nov 2026 by Priya Shah", moved, StringComparison.Ordinal);
        var status = CardText.Of(await pm.SayAsync("status " + code));
        Assert.Contains("EHR · Testing since Wed 25 Nov 2026 · go-live in 92 days", status, StringComparison.Ordinal);
        var back = CardText.Of(await pm.SubmitAsync(CardVerbs.ChangePhase, new { project = code, phase = "Planning" }));
        Assert.Contains("Pick next phase from the list", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_figures_are_for_the_pm_not_for_a_staff_nurse()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm);
        await pm.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "2400000" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "ICU" });
        var nurse = As(TestActivities.Nurse);

        var pmStatus = CardText.Of(await pm.SayAsync("status " + code));
        var nurseStatus = CardText.Of(await nurse.SayAsync("status " + code));
        var nurseBudget = CardText.Of(await nurse.SayAsync("budget " + code));

        Assert.Contains("2,400,000", pmStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("SPI", nurseStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("CPI", nurseStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("EV method", nurseStatus, StringComparison.Ordinal);
        Assert.Contains("SPI", pmStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("2,400,000", nurseStatus, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget (BAC)", nurseStatus, StringComparison.Ordinal);
        Assert.Contains("Budget figures of Epic EHR go-live are shown to its project managers and its leaders only.", nurseBudget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pm_records_percent_complete_and_the_status_card_says_which_method_earned_value_follows()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm);
        await pm.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "1000000" });
        await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Build", planned = Date(0), weight = "25" });
        await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = "Go-live", planned = Date(92), weight = "75" });

        var before = CardText.Of(await pm.SayAsync("status " + code));
        var saved = CardText.Of(await pm.SubmitAsync(CardVerbs.RecordMilestoneProgress, new { project = code, milestone = "Build", percent = "80" }));
        var after = CardText.Of(await pm.SayAsync("status " + code));

        Assert.Contains("EV method\n0/100", before, StringComparison.Ordinal);
        Assert.Contains("\u201cBuild\u201d is 80% complete.", saved, StringComparison.Ordinal);
        Assert.Contains("EV method\npercent complete", after, StringComparison.Ordinal);
        Assert.Contains("\n0.80\n", after, StringComparison.Ordinal);
        Assert.Contains("80% complete", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Money_is_read_as_typed_and_shown_in_the_hospitals_currency_in_the_readers_locale()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm);

        var budget = CardText.Of(await pm.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "$2,400,000" }));
        var spend = CardText.Of(await pm.SubmitAsync(CardVerbs.RecordSpend, new { project = code, amount = "2.4k", date = Date(0), note = "Vendor invoice" }));
        var german = CardText.Of(await pm.SayAsync("budget " + code, a => a.Locale = "de-DE"));

        Assert.Contains("Budget saved.", budget, StringComparison.Ordinal);
        Assert.Contains("Budget at completion\n$2,400,000\n", budget, StringComparison.Ordinal);
        Assert.Contains("Actual cost (AC)\n$2,400\n", spend, StringComparison.Ordinal);
        Assert.Contains("Budget at completion\nUSD\u00a02.400.000\n", german, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_amount_gets_a_clear_message_beside_the_field_and_the_entry_is_kept()
    {
        var pm = As(TestActivities.Pm);
        var code = await NewProjectAsync(pm);

        var form = await pm.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "about two million" });

        Assert.Equal("Input.Text", (string?)CardText.Input(form, "bac")!["type"]);
        Assert.Equal("about two million", (string?)CardText.Input(form, "bac")!["value"]);
        Assert.Contains("Budget at completion: \u201cabout two million\u201d is not an amount in USD; write it like 2,400,000, $2.4M or 2400000.50.", CardText.Of(form), StringComparison.Ordinal);
        Assert.DoesNotContain("is required", CardText.Of(form), StringComparison.Ordinal);
    }
}
