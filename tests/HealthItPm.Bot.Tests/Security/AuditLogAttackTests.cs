using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Audit;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The audit log's "Older entries" attacked through the real endpoint on Azurite: an admin editing the card's data, people
/// who are not admins pressing a copied card, and text people typed looked for in the stored rows.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AuditLogAttackTests(BotEnvironment env)
{
    private const string CannotContinue = "I can't continue that page of the audit log.";

    private static string NewCode() => "Z" + UniqueCodes.Letters(6);

    /// <summary>A project with more than a page of entries (milestones added), and the admin's first page's "Older entries" data.</summary>
    private async Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code, JObject Older)> PagedAsync()
    {
        var code = NewCode();
        var (pm, nurse) = await ProjectConversation.WithNurseAsync(env, code, "Bar-code scanning", "Other");
        for (var i = 0; i < 17; i++)
        {
            await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = $"Step {i}", planned = ProjectConversation.Date(10 + i), weight = "1" });
        }

        var first = await new ProjectConversation(env, TestActivities.Cio).SayAsync($"audit {code}");
        return (pm, nurse, code, AuditPages.OlderEntriesData(first));
    }

    public static TheoryData<string, string> ForgedAfters => new()
    {
        { "null", "null" },
        { "a number", "202611" },
        { "an array", "[\"202611\", \"0\"]" },
        { "an object", "{\"month\": \"202611\"}" },
        { "10,000 characters", "\"" + new string('7', 10_000) + "\"" },
        { "an empty text", "\"\"" },
    };

    [Theory]
    [MemberData(nameof(ForgedAfters))]
    public async Task An_admin_s_older_entries_with_an_after_that_is_no_cursor_is_told_the_page_cannot_continue(string what, string after)
    {
        var (_, _, _, older) = await PagedAsync();
        older["after"] = JToken.Parse(after);

        var answer = CardText.Of(await new ProjectConversation(env, TestActivities.Cio).SubmitAsync(CardVerbs.AuditPage, older));

        Assert.True(answer.Contains(CannotContinue, StringComparison.Ordinal), $"{what}: {answer}");
        Assert.DoesNotContain("Step ", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(60)]
    public async Task An_admin_s_truncated_cursor_is_told_the_page_cannot_continue(int length)
    {
        var (_, _, code, older) = await PagedAsync();
        older["after"] = ((string)older["after"]!)[..length];

        var answer = CardText.Of(await new ProjectConversation(env, TestActivities.Cio).SubmitAsync(CardVerbs.AuditPage, older));

        Assert.Contains(CannotContinue, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(code, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cursor_of_one_project_given_for_another_shows_none_of_the_first()
    {
        var (_, _, code, older) = await PagedAsync();
        var (_, _, other, _) = await PagedAsync();
        older["project"] = other;

        var answer = CardText.Of(await new ProjectConversation(env, TestActivities.Cio).SubmitAsync(CardVerbs.AuditPage, older));

        Assert.DoesNotContain(code, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pm_and_a_nurse_pressing_a_copied_older_entries_are_refused()
    {
        var (pm, nurse, code, older) = await PagedAsync();

        foreach (var person in new[] { pm, nurse })
        {
            var answer = CardText.Of(await person.SubmitAsync(CardVerbs.AuditPage, older));

            Assert.Contains("Only HealthItPm admins can see the audit log.", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("Step ", answer, StringComparison.Ordinal);
            Assert.DoesNotContain(code + " ·", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_stored_audit_row_holds_what_people_typed()
    {
        var code = NewCode();
        const string Typed = "Quokka7 ward";
        var (pm, nurse) = await ProjectConversation.WithNurseAsync(env, code, $"{Typed} name", "Other");
        await pm.SubmitAsync(CardVerbs.AddMilestone, new { project = code, name = $"{Typed} milestone", planned = ProjectConversation.Date(10), weight = "1" });
        await pm.SubmitAsync(CardVerbs.AddRisk, new { project = code, title = $"{Typed} risk", category = "Vendor", probability = "2", impact = "2" });
        await nurse.SubmitAsync(CardVerbs.ReportConcern, new { project = code, text = $"{Typed} concern" });
        await pm.SubmitAsync(CardVerbs.DismissConcern, new { project = code, concern = 1, reason = $"{Typed} reason" });
        await env.Host.Services.GetRequiredService<AuditWriter>().FlushAsync(default);

        var tables = env.Host.Services.GetRequiredService<StorageTables>();
        var rows = await tables.QueryAsync(
            AuditTable.Name, TableClient.CreateQueryFilter($"Project eq {code}"), row => string.Join("|", row.Select(p => p.Value)), default);

        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.DoesNotContain("Quokka7", row, StringComparison.Ordinal));
    }
}
