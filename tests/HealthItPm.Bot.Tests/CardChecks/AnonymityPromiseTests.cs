using HealthItPm.Bot.Cards.Elements;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// Every check-in and survey card tells the person, in words they read on the rendered card, who sees their answer
/// and whether their name is on it; and an anonymous wave's results card shows nothing but the number of answers
/// while it is open or when fewer than five answered.
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class AnonymityPromiseTests(OfficialCardRenderer renderer)
{
    [Theory]
    [InlineData("check-in", "Your project managers see your answer with your name.")]
    [InlineData("check-in-reminder-with-phi-pointed-out", "Anonymous: your name is never kept with your answer. Your project managers see the answers once the check-in closes, and only if at least 5 people answered.")]
    [InlineData("adkar-survey", "Anonymous: nobody sees your answer or your name. While the survey is open only the number of answers is shown; once it closes, only totals over at least 5 people.")]
    [InlineData("adkar-survey-reminder-attributed", "Not anonymous: your answer is kept with your name")]
    [InlineData("check-in-answered-open", "Your project managers see your answer with your name.")]
    [InlineData("check-in-answered-anonymous", "Anonymous: your name is never kept with your answer. Your project managers see the answers once the check-in closes, and only if at least 5 people answered.")]
    public async Task The_card_says_who_sees_the_answer_and_whether_the_name_is_on_it(string fixture, string promise)
    {
        var text = await RenderedAsync(fixture);

        Assert.Contains(promise, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adkar-results-anonymous-one-answer-closed", "1 of 6", "fewer than 5 people answered: no figure is shown")]
    [InlineData("adkar-results-anonymous-six-answers-open", "6 of 8", "while the survey is open only the number of answers is shown")]
    public async Task An_anonymous_waves_results_show_only_the_number_of_answers(string fixture, string responses, string why)
    {
        var text = await RenderedAsync(fixture);

        Assert.Contains(responses, text, StringComparison.Ordinal);
        Assert.Contains(why, text, StringComparison.Ordinal);
        foreach (var figure in new[] { "mean", "median", "1–5", "stop here", "Dominant barrier", "No barrier", "Awareness", "By department" })
        {
            Assert.DoesNotContain(figure, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_closed_waves_means_read_to_two_places()
    {
        var text = await RenderedAsync("adkar-results-small-groups-hidden");

        Assert.Matches(@"mean \d\.\d\d ·", text);
    }

    private async Task<string> RenderedAsync(string fixture)
    {
        var check = await renderer.CheckAsync(CardFixtures.All.Single(f => f.Name == fixture).Build().ToString());
        Assert.True(check.Rendered);
        Assert.DoesNotContain("{{", check.Text, StringComparison.Ordinal);
        return check.Text;
    }
}
