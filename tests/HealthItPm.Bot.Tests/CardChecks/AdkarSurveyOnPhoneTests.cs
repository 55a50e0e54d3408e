using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Domain.Readiness;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>
/// The readiness survey as the official renderer draws it on a phone (360 px): each statement is answered
/// with one tap on its score, every statement and score is whole on the screen, and what the taps submit is
/// what the bot reads.
/// </summary>
[Collection(SharedCardRenderer.Name)]
[Trait("Needs", "Chromium")]
public class AdkarSurveyOnPhoneTests(OfficialCardRenderer renderer)
{
    private const int Phone = 360;
    private static readonly DateTimeOffset Closes = new(2026, 12, 8, 16, 0, 0, TimeSpan.Zero);
    private static readonly string[] Picked = ["4", "5", "3", "2", "3"];

    private static string Survey(IReadOnlyList<int?>? scores = null) =>
        AdkarSurveyCard.Build(new AdkarSurveyModel("EHR", "Epic EHR go-live", "20261201T1600Z", "pre go-live", Closes, Anonymous: true, Scores: scores)).ToString();

    [Fact]
    public async Task Each_statement_is_one_tap_on_its_score_and_nothing_is_cut_on_a_phone()
    {
        var check = await renderer.CheckAsync(Survey(), Path.Combine(RepositoryLayout.TestOutput("cards"), "adkar-survey-phone.png"), width: Phone);

        Assert.Equal(0, check.DropDowns);
        Assert.Equal(AdkarAnswer.Elements.Select(AdkarSurveyInputs.Score).Order(), check.TapChoices.Keys.Order());
        Assert.All(check.TapChoices.Values, choice => Assert.Equal(new TapChoice(5, null), choice));
        Assert.True(check.CutTexts.Count == 0, "Cut at 360 px: " + string.Join(" | ", check.CutTexts));
        Assert.False(check.WiderThanCard);
        Assert.All(AdkarAnswer.Elements, e => Assert.Contains(AdkarFormat.Statement(e, "Epic EHR go-live"), check.Text, StringComparison.Ordinal));
        Assert.Contains("1 · Strongly disagree", check.Text, StringComparison.Ordinal);
        Assert.Contains("5 · Strongly agree", check.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_taps_and_Submit_send_the_scores_the_bot_reads()
    {
        var taps = AdkarAnswer.Elements.Zip(Picked, (e, v) => (AdkarSurveyInputs.Score(e), v)).ToList();

        var data = await renderer.TapAndSubmitAsync(Survey(), taps, CardTexts.Common["Submit"], Phone);

        Assert.NotNull(data);
        var submitted = Newtonsoft.Json.Linq.JObject.Parse(data);
        var (entry, problems) = new AdkarRoundKind().Read(submitted);
        Assert.Empty(problems);
        var named = ((string?)submitted[AdkarSurveyInputs.Project], (string?)submitted[AdkarSurveyInputs.Wave]);
        Assert.Equal(("EHR", "20261201T1600Z"), named);
        Assert.Equal([4, 5, 3, 2, 3], entry.Choices.Scores);
    }

    [Fact]
    public async Task A_statement_left_unanswered_submits_nothing()
    {
        var taps = AdkarAnswer.Elements.Skip(1).Select(e => (AdkarSurveyInputs.Score(e), "4"));

        Assert.Null(await renderer.TapAndSubmitAsync(Survey(), taps, CardTexts.Common["Submit"], Phone));
    }

    [Fact]
    public async Task Change_answer_shows_the_persons_previous_scores_picked()
    {
        var check = await renderer.CheckAsync(Survey([4, 5, 3, 2, 1]), width: Phone);

        Assert.Equal(["4", "5", "3", "2", "1"], AdkarAnswer.Elements.Select(e => check.TapChoices[AdkarSurveyInputs.Score(e)].Picked));
    }
}
