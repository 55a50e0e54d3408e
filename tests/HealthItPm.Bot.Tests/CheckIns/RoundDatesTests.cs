using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// The dates a PM reads when starting and scheduling rounds, on a Chicago project at 21:00 on Wednesday 25 November
/// there (03:00 UTC on Thursday): when a round closes is a date each reader's Teams shows, and the day a round
/// opened is the project's day.
/// </summary>
[Collection(SharedClockedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
[Trait("Needs", "Chromium")]
public class RoundDatesTests(ClockedBotEnvironment env, OfficialCardRenderer renderer) : IClassFixture<OfficialCardRenderer>
{
    private ProjectConversation As(Microsoft.Bot.Schema.ChannelAccount person) => new(env.Host, env.Connector, person);

    private static string Date(int daysFromToday) => ClockedBotEnvironment.ChicagoToday.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(ProjectConversation Pm, string Code)> ChicagoProjectAsync()
    {
        var pm = As(TestActivities.Pm);
        var code = "RD" + UniqueCodes.Letters(5);
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Epic EHR go-live", kind = "Ehr", start = Date(0), golive = Date(92), end = Date(152), timezone = "America/Chicago" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "ICU" });
        return (pm, code);
    }

    // A date and time as the renderer words them in the browser's zone and locale, e.g. "Sat, Nov 28, 2026 3:00 AM".
    private const string Shown = @"\w{3}, \w{3} \d{1,2}, 2026 \d{1,2}:\d{2}\s?[AP]M";

    // What the reader sees: the official renderer evaluates the functions as Teams does; none is left raw.
    private async Task<string> RenderedAsync(JObject card)
    {
        var text = (await renderer.CheckAsync(card.ToString())).Text;
        Assert.DoesNotContain("DATE(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("TIME(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public async Task Checkin_now_and_the_still_open_prompt_show_when_the_round_closes_as_a_date()
    {
        var (pm, code) = await ChicagoProjectAsync();
        var closes = env.Clock.GetUtcNow().AddHours(48);

        var sending = await pm.SayAsync("checkin now " + code);
        var stillOpen = await pm.SayAsync("checkin now " + code);

        Assert.Equal([closes], CardDates.ShownAsDates(sending).Distinct());
        Assert.Matches($"It closes {Shown}", await RenderedAsync(sending));
        Assert.Equal([closes], CardDates.ShownAsDates(stillOpen).Distinct());
        Assert.Matches($"is open until {Shown}", await RenderedAsync(stillOpen));
        Assert.Contains("Send another check-in", CardText.Of(stillOpen), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_opened_on_a_chicago_evening_is_named_by_the_chicago_day()
    {
        var (pm, code) = await ChicagoProjectAsync();

        await pm.SayAsync("checkin now " + code);
        var stillOpen = CardText.Of(await pm.SayAsync("checkin now " + code));
        var status = CardText.Of(await pm.SayAsync("checkin status " + code));

        Assert.Contains($"The check-in of {code} opened Wed 25 Nov is open until", stillOpen, StringComparison.Ordinal);
        Assert.Contains("Epic EHR go-live · opened Wed 25 Nov · still open", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Thu 26 Nov", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adkar_start_and_its_still_open_prompt_show_the_reminder_and_the_close_as_dates()
    {
        var (pm, code) = await ChicagoProjectAsync();
        var now = env.Clock.GetUtcNow();

        var started = await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "pre go-live", days = "7", anonymous = "true" });
        var again = await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "second", days = "7", anonymous = "true" });

        var moments = CardDates.ShownAsDates(started).Distinct().ToList();
        Assert.Equal(2, moments.Count);
        Assert.All(moments, m => Assert.InRange(m, now.AddHours(1), now.AddDays(7)));
        Assert.Contains(now.AddDays(7), moments);
        Assert.Matches($"goes out {Shown}; it closes {Shown}", await RenderedAsync(started));
        Assert.Equal([now.AddDays(7)], CardDates.ShownAsDates(again).Distinct());
        Assert.Matches($"The wave \u201cpre go-live\u201d is still open until {Shown}", await RenderedAsync(again));
    }

    [Fact]
    public async Task Checkin_schedule_shows_the_next_round_as_a_date()
    {
        var (pm, code) = await ChicagoProjectAsync();

        var set = await pm.SubmitAsync(CardVerbs.ScheduleCheckIn, new { project = code, day = "Tuesday", at = "10:00", remind = "24", close = "48", anonymous = "false" });

        // Tuesday 1 December, 10:00 in Chicago.
        Assert.Equal([new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero)], CardDates.ShownAsDates(set).Distinct());
        Assert.Matches($"next on {Shown}\\.", await RenderedAsync(set));
    }

    [Fact]
    public async Task A_wave_name_typed_as_a_date_function_stays_literal_beside_the_bots_own_dates()
    {
        var (pm, code) = await ChicagoProjectAsync();
        const string name = "**b** {{DATE(2017-02-14T06:08:39Z, LONG)}}";

        await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name, days = "7", anonymous = "true" });
        var again = await pm.SubmitAsync(CardVerbs.StartSurvey, new { project = code, name = "second", days = "7", anonymous = "true" });

        Assert.DoesNotContain(new DateTimeOffset(2017, 2, 14, 6, 8, 39, TimeSpan.Zero), CardDates.ShownAsDates(again));
        Assert.Contains("\\*\\*b\\*\\* {\u2060{DATE(2017-02-14T06:08:39Z, LONG)}}", CardText.Of(again), StringComparison.Ordinal);
    }
}
