using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>
/// A PM sets up an EHR go-live entirely from Teams (the form cards, as submitted), and the status
/// card shows the figures of a hand computation.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class ProjectSetupTests(BotEnvironment env)
{
    private static string NewCode() => "EHR" + UniqueCodes.Letters(4);

    [Fact]
    public async Task An_ehr_go_live_set_up_from_teams_shows_the_hand_computed_figures()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = NewCode();

        var form = await pm.SayAsync("project new");
        Assert.NotNull(CardText.Input(form, "golive"));
        var created = await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = ProjectConversation.Date(-160), golive = ProjectConversation.Date(45), end = ProjectConversation.Date(120), timezone = "UTC",
        });
        Assert.Contains($"Created {code}", CardText.Of(created), StringComparison.Ordinal);

        // Six milestones, weights summing to 100; three done, one 10 days late.
        (string Name, int Planned, int Weight, int? Done)[] plan =
        [
            ("Kickoff", -150, 5, -150), ("Design sign-off", -100, 10, -95), ("Build complete", -40, 25, -30),
            ("Integrated testing", -10, 20, null), ("Training complete", 30, 15, null), ("Go-live", 45, 25, null),
        ];
        foreach (var (name, planned, weight, _) in plan)
        {
            await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name, planned = ProjectConversation.Date(planned), weight = weight.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        foreach (var (name, _, _, done) in plan.Where(p => p.Done is not null))
        {
            await pm.SubmitAsync(CardVerbs.CompleteMilestone, new { project = code, milestone = name, done = ProjectConversation.Date(done!.Value) });
        }

        await pm.SubmitAsync(CardVerbs.SetBudget, new { project = code, bac = "2400000" });
        foreach (var (amount, day) in new[] { ("500000", -120), ("400000", -60), ("300000", -5) })
        {
            await pm.SubmitAsync(CardVerbs.RecordSpend, new { project = code, amount, date = ProjectConversation.Date(day), note = "Vendor milestone invoice" });
        }

        await pm.SubmitAsync(CardVerbs.AddKpi, new { project = code, name = "Clinic no-show rate", unit = "%", baseline = "18", target = "12", direction = "LowerIsBetter" });
        await pm.SubmitAsync(CardVerbs.AddKpi, new { project = code, name = "Radiology report turnaround", unit = "hours", baseline = "24", target = "8", direction = "LowerIsBetter" });
        await pm.SubmitAsync(CardVerbs.RecordKpi, new { project = code, kpi = "Clinic no-show rate", value = "15", date = ProjectConversation.Date(0) });
        await pm.SubmitAsync(CardVerbs.RecordKpi, new { project = code, kpi = "Radiology report turnaround", value = "20", date = ProjectConversation.Date(0) });

        var peopleForm = await pm.SayAsync("stakeholder add");
        Assert.Contains("Nina Patel (RN)", CardText.Of(peopleForm), StringComparison.Ordinal);
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = $"{TestActivities.NurseAadId}", role = "Stakeholder", discipline = "Nurse", department = "ICU" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = $"{TestActivities.PhysicianAadId},{TestActivities.PharmacistAadId}", role = "Stakeholder", discipline = "Physician", department = "Medicine" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.CioAadId, role = "Leader", discipline = "Leader", department = "Executive" });

        var status = CardText.Of(await pm.SayAsync("status"));

        // Hand computation. BAC 2,400,000; weights 5+10+25+20+15+25 = 100.
        // PV: planned by today 5+10+25+20 = 60 -> 1,440,000.  EV: done 5+10+25 = 40 -> 960,000.
        // AC: 500,000 + 400,000 + 300,000 = 1,200,000.
        // SPI = 960,000 / 1,440,000 = 0.67 (red, below 0.80); CPI = 960,000 / 1,200,000 = 0.80 (amber, below 0.90);
        // EAC = 2,400,000 / 0.80 = 3,000,000. "Integrated testing" is 10 days late (amber). Overall: red.
        Assert.Contains("Status: Red", status, StringComparison.Ordinal);
        Assert.Contains("Schedule: SPI 0.67 is below 0.80", status, StringComparison.Ordinal);
        Assert.Contains("Cost: CPI 0.80 is below 0.90", status, StringComparison.Ordinal);
        Assert.Contains("Milestone \u201cIntegrated testing\u201d is 10 days late", status, StringComparison.Ordinal);
        Assert.Contains("\n0.67\n", status, StringComparison.Ordinal);
        Assert.Contains("\n0.80\n", status, StringComparison.Ordinal);
        Assert.Contains("$3,000,000", status, StringComparison.Ordinal);
        Assert.Contains("$1,440,000 / $960,000 / $1,200,000", status, StringComparison.Ordinal);
        Assert.Contains("go-live in 45 days", status, StringComparison.Ordinal);
        Assert.Contains("progress 50%", status, StringComparison.Ordinal);
        Assert.Contains("progress 25%", status, StringComparison.Ordinal);
        Assert.Contains("Nurse\n1\nPhysician\n2\nLeader\n1", status, StringComparison.Ordinal);

        var timeline = CardText.Of(await pm.SayAsync("milestones"));
        Assert.Contains("3 of 6 done", timeline, StringComparison.Ordinal);
        Assert.Contains("**1 late**", timeline, StringComparison.Ordinal);
        Assert.Contains("Today,", timeline, StringComparison.Ordinal);
    }
}
