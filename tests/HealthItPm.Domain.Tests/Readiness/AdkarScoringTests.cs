using HealthItPm.Domain.Common;
using HealthItPm.Domain.Readiness;
using static HealthItPm.Domain.Tests.Readiness.AdkarWaves;

namespace HealthItPm.Domain.Tests.Readiness;

/// <summary>Prosci scoring: an element at 3 or lower is a barrier; the barrier point is the first one in A-D-K-A-R order.</summary>
public class AdkarScoringTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_score_is_one_to_five(int value) => Assert.Throws<DomainException>(() => new AdkarScore(value));

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    public void Three_or_lower_is_a_barrier(int value, bool barrier) => Assert.Equal(barrier, new AdkarScore(value).IsBarrier);

    [Theory]
    [InlineData("55555", null)]
    [InlineData("44444", null)]
    [InlineData("35555", AdkarElement.Awareness)]
    [InlineData("51111", AdkarElement.Desire)]
    [InlineData("55215", AdkarElement.Knowledge)]
    [InlineData("44434", AdkarElement.Ability)]
    [InlineData("44443", AdkarElement.Reinforcement)]
    [InlineData("11111", AdkarElement.Awareness)]
    [InlineData("45345", AdkarElement.Knowledge)]
    public void The_barrier_point_is_the_first_element_at_three_or_lower(string scores, AdkarElement? barrierPoint) =>
        Assert.Equal(barrierPoint, Answer(scores).BarrierPoint);

    [Fact]
    public void Scores_are_kept_by_element()
    {
        var answer = Answer("12345");

        Assert.Equal([1, 2, 3, 4, 5], AdkarAnswer.Elements.Select(e => answer[e].Value));
        Assert.Equal(3, answer[AdkarElement.Knowledge].Value);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void An_answer_scores_all_five_elements(int count) =>
        Assert.Throws<DomainException>(() => AdkarAnswer.Create([.. Enumerable.Repeat(new AdkarScore(4), count)], comment: null));

    [Fact]
    public void A_comment_longer_than_the_limit_is_refused() =>
        Assert.Throws<DomainException>(() => Answer("44444", new string('x', AdkarAnswer.MaxCommentLength + 1)));

    [Fact]
    public void Each_barrier_has_its_interventions()
    {
        Assert.Equal([Intervention.SponsorExplainsWhy, Intervention.LeadersRepeatTheCase], AdkarInterventions.For(AdkarElement.Awareness));
        Assert.Equal([Intervention.ShowWhatIsInItForThem, Intervention.AddressResistance], AdkarInterventions.For(AdkarElement.Desire));
        Assert.Equal([Intervention.TargetedTraining, Intervention.JobAids], AdkarInterventions.For(AdkarElement.Knowledge));
        Assert.Equal(
            [Intervention.Coaching, Intervention.PracticeTime, Intervention.SuperUsersAtTheElbow],
            AdkarInterventions.For(AdkarElement.Ability));
        Assert.Equal(
            [Intervention.Recognition, Intervention.MeasureAdoption, Intervention.RemoveWorkarounds],
            AdkarInterventions.For(AdkarElement.Reinforcement));
    }
}
