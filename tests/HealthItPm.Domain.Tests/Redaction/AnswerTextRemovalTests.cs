using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Tests.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Redaction;

/// <summary>
/// Every kind's answer gives its free text by the fields its kind declares and loses one of them alone, so one mechanism removes
/// patient details from any kind's answers; a concern loses its words or its reason alone.
/// </summary>
public class AnswerTextRemovalTests
{
    public static TheoryData<string> Kinds => [.. RoundKinds.All.Select(k => k.Name)];

    [Fact]
    public void Every_kind_has_an_answer_sample_in_its_test_folder() => Assert.Empty(AnswerSample.Missing(AnswerSample.Found));

    [Fact]
    public void A_kind_without_a_sample_is_named() =>
        Assert.Contains(AnswerSample.Missing([]), m => m.StartsWith($"Round kind '{CheckInRounds.Kind.Name}': no AnswerSample", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_declared_field_of_each_kind_is_read_and_removed_alone(string name)
    {
        var kind = RoundKinds.All.Single(k => k.Name == name);
        var sample = Assert.Single(AnswerSample.Found, s => s.Kind == kind);
        Assert.IsAssignableFrom(kind.AnswerType, sample.Filled());
        foreach (var field in kind.FreeTextFields)
        {
            var answer = sample.Filled();
            Assert.NotNull(Text(answer, field));

            var without = Without(answer, field);

            Assert.True(RemovedText.IsRemoved(Text(without, field)));
            foreach (var other in kind.FreeTextFields.Where(f => f != field))
            {
                Assert.Equal(Text(answer, other)?.Value, Text(without, other)?.Value);
            }
        }
    }

    [Fact]
    public void A_vote_keeps_its_choice_and_a_wave_its_scores()
    {
        var vote = GoLiveVote.Create(VoteChoice.GoWithConditions, Guarded.From("Only after the drill on 4 West"), null);
        var wave = AdkarAnswer.Create([new(1), new(2), new(3), new(4), new(5)], Guarded.From("Badge reader at bed 3"));

        Assert.Equal(VoteChoice.GoWithConditions, vote.WithoutPatientDetails(GoLiveRounds.Conditions).Choice);
        Assert.Equal(wave.Scores, wave.WithoutPatientDetails(AdkarRounds.Comment).Scores);
        Assert.Throws<ArgumentOutOfRangeException>(() => wave.WithoutPatientDetails(CheckInRounds.Blockers));
        Assert.Throws<ArgumentOutOfRangeException>(() => vote.WithoutPatientDetails(AdkarRounds.Comment));
    }

    [Fact]
    public void A_concern_loses_its_words_or_its_reason_alone_and_says_when_nothing_is_left()
    {
        var concern = Concern.Raise(
            new ProjectCode("EHR"), 3, Guarded.From("Scanner fails at bed 3"), new PersonId("00000000-0000-0000-0000-0000000000b1"),
            "Nina Patel", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Null(concern.WithoutPatientDetails(RemovableText.ConcernDismissReason));

        var dismissed = concern.Dismissed(Guarded.From("Covered by EHR-R3"));
        var withoutWords = dismissed.WithoutPatientDetails(RemovableText.Concern)!;
        var withoutReason = dismissed.WithoutPatientDetails(RemovableText.ConcernDismissReason)!;

        Assert.True(RemovedText.IsRemoved(withoutWords.Text));
        Assert.Equal("Covered by EHR-R3", withoutWords.DismissedBecause?.Value);
        Assert.True(RemovedText.IsRemoved(withoutReason.DismissedBecause));
        Assert.Equal("Scanner fails at bed 3", withoutReason.Text.Value);
        Assert.Null(withoutWords.WithoutPatientDetails(RemovableText.Concern));
        Assert.Throws<ArgumentOutOfRangeException>(() => concern.WithoutPatientDetails(RemovableText.RiskTitle));
    }

    private static GuardedText? Text(object answer, FreeText field) => AnswerSample.TextOf(answer, field);

    private static object Without(object answer, FreeText field) => AnswerSample.Without(answer, field);
}
