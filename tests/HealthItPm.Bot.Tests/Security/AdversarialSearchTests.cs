using System.Numerics;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.People;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The people search and the audit log's paging, through the real endpoint on Azurite, driven as an
/// adversarial review did (issue 25): empty and deep searches that would list the whole directory,
/// paging numbers beyond an int, and audit cursors and dates that would scan or fail the turn.
/// </summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class AdversarialSearchTests(BotEnvironment env)
{
    private const string Zeros = "0000000000000000000|00000000000000000000000000000000";

    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private static string Unique() => "Q" + UniqueCodes.Letters(7).ToLowerInvariant();

    /// <summary>Sixty colleagues the bot met in a ward's team, all called "Vera {surname} NN"; returns them in order.</summary>
    private async Task<List<PersonId>> WardAsync(string surname)
    {
        var references = env.Host.Services.GetRequiredService<ConversationReferenceTable>();
        var ward = Enumerable.Range(0, 60).Select(_ => new PersonId(Guid.NewGuid().ToString())).ToList();
        foreach (var (person, i) in ward.Select((p, i) => (p, i)))
        {
            await references.SaveRouteAsync(Tenant, person, "19:ward-" + surname + "@thread.v2", "29:" + surname + i, $"Vera {surname} {i:00}", default);
        }

        return ward;
    }

    private async Task<string> PmWithProjectAsync()
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var code = "V" + UniqueCodes.Letters(6);
        await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Ward tablets", kind = "Other", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC",
        });
        return code;
    }

    private async Task<(int Status, JArray? Results)> SearchAsync(string typed, JToken skip, JToken top, ChannelAccount? from = null, string? conversation = null, string conversationType = "personal")
    {
        var search = TestActivities.Base(ActivityTypes.Invoke, env.Connector.ServiceUrl, conversation ?? "a:" + Guid.NewGuid().ToString("N"), TestActivities.Tenant, conversationType, from: from ?? TestActivities.Pm);
        search.Name = PeopleSearch.InvokeName;
        search.Value = new JObject { ["queryText"] = typed, ["queryOptions"] = new JObject { ["skip"] = skip, ["top"] = top }, ["dataset"] = PeopleSearch.Dataset };
        var response = await env.Host.PostAsync(search);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? null : JObject.Parse(text);
        return ((int)response.StatusCode, (string?)body?["type"] == "application/vnd.microsoft.search.searchResponse" ? body!["value"]?["results"] as JArray : null);
    }

    private async Task<JArray> ResultsAsync(string typed, int skip, ChannelAccount? from = null, string? conversation = null, string conversationType = "personal")
    {
        var (status, results) = await SearchAsync(typed, skip, 15, from, conversation, conversationType);
        Assert.Equal(200, status);
        return Assert.IsType<JArray>(results);
    }

    // Item 1: an empty query, paged 0, 15, 30 …, listed everyone the bot knows; so did one letter written twice.
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("v")]
    [InlineData("*")]
    [InlineData("v v")]
    [InlineData("v-v")]
    [InlineData("\u00e1 v")]
    public async Task A_search_of_fewer_than_two_letters_lists_nobody_on_any_page(string typed)
    {
        await WardAsync(Unique());
        await PmWithProjectAsync();

        foreach (var skip in new[] { 0, 15, 30, 45, 60 })
        {
            Assert.Empty(await ResultsAsync(typed, skip));
        }
    }

    [Fact]
    public async Task A_search_pages_three_pages_deep_and_no_further()
    {
        var surname = Unique();
        var ward = await WardAsync(surname);
        await PmWithProjectAsync();

        var pages = new List<JArray>();
        foreach (var skip in new[] { 0, 15, 30, 45, 60 })
        {
            pages.Add(await ResultsAsync($"vera {surname}", skip));
        }

        Assert.Equal([15, 15, 15, 0, 0], pages.Select(p => p.Count));
        Assert.Equal(ward.Take(45).Select(PersonChoice.Value), pages.SelectMany(p => p).Select(r => (string?)r["value"]));
        Assert.Single(await ResultsAsync($"vera {surname} 59", 0));
        Assert.Equal(15, (await ResultsAsync($"vera {surname}", 30, TestActivities.Cio)).Count);
    }

    [Fact]
    public async Task Someone_who_adds_no_stakeholders_finds_only_the_people_of_the_conversation_they_are_in()
    {
        var surname = Unique();
        var ward = await WardAsync(surname);
        var outsider = new ChannelAccount("29:" + surname, $"Olive {surname}", aadObjectId: Guid.NewGuid().ToString());
        var chat = new ProjectConversation(env, outsider);
        var personal = chat.ConversationId;
        var group = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";
        env.Connector.ServeRoster(personal, [outsider]);
        await chat.SayAsync("help");
        env.Connector.ServeRoster(group, [outsider, new ChannelAccount("29:" + surname + "7", $"Vera {surname} 07", aadObjectId: ward[7].Value)]);

        var alone = await ResultsAsync($"vera {surname}", 0, outsider, personal);
        var self = await ResultsAsync($"olive {surname}", 0, outsider, personal);
        var inGroup = await ResultsAsync($"vera {surname}", 0, outsider, group, "groupChat");
        var empty = await ResultsAsync(string.Empty, 0, outsider, group, "groupChat");

        Assert.Empty(alone);
        Assert.Equal(PersonChoice.Value(new PersonId(outsider.AadObjectId)), (string?)Assert.Single(self)["value"]);
        Assert.Equal(PersonChoice.Value(ward[7]), (string?)Assert.Single(inGroup)["value"]);
        Assert.Empty(empty);

        // A stakeholder on a project adds nobody either.
        var code = await PmWithProjectAsync();
        var added = CardText.Of(await new ProjectConversation(env, TestActivities.Pm)
            .SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = outsider.AadObjectId, role = "Stakeholder", discipline = "Nurse" }));
        Assert.Contains($"Olive {surname}", added, StringComparison.Ordinal);
        Assert.Empty(await ResultsAsync($"vera {surname}", 0, outsider, personal));
    }

    // Item 2: skip 2^31 or top 2^63 failed the turn.
    public static TheoryData<string, string, int> HugePaging => new()
    {
        { "2147483648", "15", 0 },
        { "0", "9223372036854775808", 15 },
        { "9223372036854775808", "9223372036854775808", 0 },
        { "-9223372036854775809", "-1", 1 },
        { "-1", "0", 1 },
    };

    [Theory]
    [MemberData(nameof(HugePaging))]
    public async Task Paging_numbers_beyond_an_int_are_clamped_and_answered(string skip, string top, int expected)
    {
        var surname = Unique();
        await WardAsync(surname);
        await PmWithProjectAsync();

        static JValue Number(string text) => new(BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

        var (status, results) = await SearchAsync($"vera {surname}", Number(skip), Number(top));

        Assert.Equal(200, status);
        Assert.Equal(expected, Assert.IsType<JArray>(results).Count);
    }

    // Item 3: a cursor 100 years ahead walked one month at a time back to the span; month 13 failed the turn.
    public static TheoryData<string> ForgedCursors => new()
    {
        $"{ProjectConversation.Today.Year + 100}{ProjectConversation.Today.Month:00}|{Zeros}",
        $"{ProjectConversation.Today.Year}13|{Zeros}",
        $"{ProjectConversation.Today.Year - 5}{ProjectConversation.Today.Month:00}|{Zeros}",
        "not a cursor",
    };

    [Theory]
    [MemberData(nameof(ForgedCursors))]
    public async Task Older_entries_with_a_cursor_the_bot_did_not_give_for_the_span_says_how_to_read_the_log(string after)
    {
        var admin = new ProjectConversation(env, TestActivities.Cio);

        var data = new { project = "", from = ProjectConversation.Date(-1), to = ProjectConversation.Date(0), after };

        var answer = CardText.Of(await admin.SubmitAsync(CardVerbs.AuditPage, data));

        Assert.Contains("I can't continue that page of the audit log.", answer, StringComparison.Ordinal);
        Assert.Contains("audit EHR 2026-11-01 2026-11-30", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit log", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit 9999-12-31 9999-12-31")]
    [InlineData("audit 0001-01-01 0001-01-02")]
    [InlineData("audit 0001-01-01")]
    [InlineData("audit EHR 1900-01-01 1900-12-31")]
    public async Task Dates_outside_the_log_s_span_are_explained_with_the_format(string command)
    {
        var admin = new ProjectConversation(env, TestActivities.Cio);

        var answer = CardText.Of(await admin.SayAsync(command));

        Assert.Contains("The audit log goes back 10 years and up to today (UTC).", answer, StringComparison.Ordinal);
        Assert.Contains("as year-month-day, for example **audit 2026-11-01 2026-11-30**", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Older_entries_from_a_card_with_dates_beyond_today_are_explained_too()
    {
        var admin = new ProjectConversation(env, TestActivities.Cio);

        var answer = CardText.Of(await admin.SubmitAsync(CardVerbs.AuditPage, new { project = "", from = "9999-12-01", to = "9999-12-31", after = $"999912|{Zeros}" }));

        Assert.Contains("The audit log goes back 10 years and up to today (UTC).", answer, StringComparison.Ordinal);
    }
}
