using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using static HealthItPm.Domain.Tests.Readiness.AdkarWaves;

namespace HealthItPm.Domain.Tests.Readiness;

/// <summary>A wave's results, each figure computed by hand in the test.</summary>
public class AdkarResultsTests
{
    private static readonly Respondent[] Six = [.. Enumerable.Range(1, 6).Select(i => Person(i))];

    // Five answers and one person who did not answer:
    //              A D K A R   barrier point
    //   person 1   5 5 5 5 5   none
    //   person 2   4 4 3 4 4   Knowledge
    //   person 3   4 2 3 4 4   Desire
    //   person 4   2 5 5 5 5   Awareness
    //   person 5   5 5 3 3 5   Knowledge
    private static AdkarResults FiveOfSix() => Results(Wave(Six), Six, ["55555", "44344", "42344", "25555", "55335", null]);

    [Fact]
    public void Response_rate_counts_answers_over_the_audience()
    {
        var results = FiveOfSix();

        Assert.Equal((6, 5), (results.AudienceCount, results.AnsweredCount));
        Assert.Equal(0.8333m, results.ResponseRate);
    }

    [Fact]
    public void Each_element_has_its_mean_median_and_distribution()
    {
        var e = FiveOfSix().Elements;

        // Awareness 5,4,4,2,5: sum 20 → 4.00; sorted 2,4,4,5,5 → median 4.
        Assert.Equal(new ElementResult(AdkarElement.Awareness, 4.00m, 4m, [0, 1, 0, 2, 2]), e[0], ElementComparer.Instance);
        // Desire 5,4,2,5,5: 21/5 = 4.2; sorted 2,4,5,5,5 → 5.
        Assert.Equal(new ElementResult(AdkarElement.Desire, 4.20m, 5m, [0, 1, 0, 1, 3]), e[1], ElementComparer.Instance);
        // Knowledge 5,3,3,5,3: 19/5 = 3.8; median 3.
        Assert.Equal(new ElementResult(AdkarElement.Knowledge, 3.80m, 3m, [0, 0, 3, 0, 2]), e[2], ElementComparer.Instance);
        // Ability 5,4,4,5,3: 21/5 = 4.2; sorted 3,4,4,5,5 → 4.
        Assert.Equal(new ElementResult(AdkarElement.Ability, 4.20m, 4m, [0, 0, 1, 2, 2]), e[3], ElementComparer.Instance);
        // Reinforcement 5,4,4,5,5: 23/5 = 4.6; median 5.
        Assert.Equal(new ElementResult(AdkarElement.Reinforcement, 4.60m, 5m, [0, 0, 0, 2, 3]), e[4], ElementComparer.Instance);
    }

    [Fact]
    public void Barrier_points_are_counted_and_the_most_frequent_dominates_with_its_interventions()
    {
        var results = FiveOfSix();

        Assert.Equal([1, 1, 2, 0, 0], AdkarAnswer.Elements.Select(e => results.BarrierPoints[e]));
        Assert.Equal(1, results.WithoutBarrier);
        Assert.Equal(0.2m, results.WithoutBarrierShare);
        Assert.Equal(0.4m, results.BarrierShare(AdkarElement.Knowledge));
        Assert.Equal(AdkarElement.Knowledge, results.DominantBarrier);
        Assert.Equal([Intervention.TargetedTraining, Intervention.JobAids], results.Interventions);
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var four = Six[..4];
        var results = Results(Wave(four), four, ["24444", "34444", "44444", "54444"]);

        Assert.Equal(3.5m, results.Elements[0].Median);
        Assert.Equal(3.5m, results.Elements[0].Mean);
        Assert.Equal(4m, results.Elements[1].Median);
    }

    [Fact]
    public void Means_are_rounded_to_two_places()
    {
        var three = Six[..3];
        var results = Results(Wave(three), three, ["44444", "44444", "54444"]);

        // 13/3 = 4.333…
        Assert.Equal(4.33m, results.Elements[0].Mean);
    }

    [Fact]
    public void A_tie_between_barrier_points_goes_to_the_earliest_element()
    {
        // Knowledge twice, Awareness twice, Reinforcement once.
        var results = Results(Wave(Six), Six, ["35555", "45345", "25555", "44244", "44443", "55555"]);

        Assert.Equal([2, 0, 2, 0, 1], AdkarAnswer.Elements.Select(e => results.BarrierPoints[e]));
        Assert.Equal(AdkarElement.Awareness, results.DominantBarrier);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 3, 3, 0 }, AdkarElement.Knowledge)]
    [InlineData(new[] { 0, 1, 1, 1, 1 }, AdkarElement.Desire)]
    [InlineData(new[] { 0, 0, 0, 1, 2 }, AdkarElement.Reinforcement)]
    [InlineData(new[] { 4, 4, 4, 4, 4 }, AdkarElement.Awareness)]
    public void The_dominant_barrier_is_the_most_frequent_earliest_first(int[] counts, AdkarElement dominant) =>
        Assert.Equal(dominant, AdkarResults.Dominant(AdkarAnswer.Elements.ToDictionary(e => e, e => counts[(int)e])));

    [Fact]
    public void All_high_respondents_have_no_barrier_and_no_interventions()
    {
        var results = Results(Wave(Six), Six, ["55555", "44444", "45454", "54545", "44445", "55554"]);

        Assert.All(results.BarrierPoints.Values, count => Assert.Equal(0, count));
        Assert.Equal(6, results.WithoutBarrier);
        Assert.Equal(1m, results.WithoutBarrierShare);
        Assert.Null(results.DominantBarrier);
        Assert.Empty(results.Interventions);
    }

    [Fact]
    public void An_empty_wave_has_no_figures_to_mislead()
    {
        var results = Results(Wave(Six), Six, [null, null, null, null, null, null]);

        Assert.Equal((6, 0, 0m), (results.AudienceCount, results.AnsweredCount, results.ResponseRate));
        Assert.All(results.Elements, e => Assert.Equal([0, 0, 0, 0, 0], e.Distribution));
        Assert.Null(results.DominantBarrier);
        Assert.Empty(results.ByDepartment.Shown);
        Assert.Empty(results.ByDiscipline.Shown);
        Assert.Equal(0m, results.WithoutBarrierShare);
    }

    [Fact]
    public void A_later_answer_replaces_the_earlier_and_outsiders_never_count()
    {
        var wave = Wave(Six[..2]);
        var answers = new[]
        {
            wave.Accept(Six[0].Person, Answer("11111"), Opens.AddMinutes(1)),
            wave.Accept(Six[0].Person, Answer("55555"), Opens.AddMinutes(9)),
            new GivenAnswer<AdkarAnswer>(
                new RespondentKey(Six[5].Person.Value),
                Answer("11111"),
                Opens.AddMinutes(2),
                StakeholderRole.Nurse,
                "ICU"),
        };

        var results = AdkarResults.From(wave, answers, Opens.AddHours(1));

        Assert.Equal(1, results.AnsweredCount);
        Assert.Equal(5m, results.Elements[0].Mean);
        Assert.True(results.Open);
    }

    [Fact]
    public void A_group_of_four_is_not_left_to_be_worked_out_as_the_totals_minus_a_shown_group_of_five()
    {
        Respondent[] people = [
            .. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(6, 4).Select(i => Person(i, "Pharmacy", StakeholderRole.Pharmacist))];
        var results = Results(Wave(people), people, ["55555", "55555", "44444", "44444", "33333", "22222", "22222", "22222", "22222"]);

        // Showing ICU (5) beside the totals (9) would give Pharmacy (4) by subtraction: ICU joins it in "other".
        var other = Assert.Single(results.ByDepartment.Shown);
        Assert.Equal((GroupProfile.Other, 9, 2), (other.Group, other.Respondents, other.MergedGroups));
        Assert.Equal((2, 0), (results.ByDepartment.SmallGroupsMerged, results.ByDepartment.HiddenRespondents));
        Assert.Equal([GroupProfile.Other], results.ByDiscipline.Shown.Select(g => g.Group));
    }

    [Fact]
    public void A_group_of_exactly_five_is_shown_when_the_rest_are_five_or_more()
    {
        Respondent[] people = [
            .. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(6, 5).Select(i => Person(i, "Pharmacy", StakeholderRole.Pharmacist))];
        var results = Results(
            Wave(people),
            people,
            ["55555", "55555", "44444", "44444", "33333", "22222", "22222", "22222", "22222", "22222"]);

        Assert.Equal([("ICU", 5), ("Pharmacy", 5)], results.ByDepartment.Shown.Select(g => (g.Group, g.Respondents)));
        var icu = results.ByDepartment.Shown[0];
        // 5+5+4+4+3 = 21 → 4.2 for every element.
        Assert.Equal([4.2m, 4.2m, 4.2m, 4.2m, 4.2m], icu.Means);
        Assert.Equal(4, icu.WithoutBarrier);
        Assert.Equal(1, icu.BarrierPoints[AdkarElement.Awareness]);
        Assert.Equal((0, 0), (results.ByDepartment.SmallGroupsMerged, results.ByDepartment.HiddenRespondents));
    }

    [Fact]
    public void Small_groups_adding_up_to_five_are_shown_together_as_other()
    {
        Respondent[] people = [
            .. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(6, 4).Select(i => Person(i, "Pharmacy")),
            Person(10, null)];
        var results = Results(
            Wave(people),
            people,
            ["55555", "55555", "55555", "55555", "55555", "22222", "22222", "22222", "22222", "44444"]);

        Assert.Equal(["ICU", GroupProfile.Other], results.ByDepartment.Shown.Select(g => g.Group));
        var other = results.ByDepartment.Shown[1];
        Assert.Equal((5, 2), (other.Respondents, other.MergedGroups));
        // (2·4 + 4) / 5 = 2.4
        Assert.Equal(2.4m, other.Means[0]);
        Assert.Equal(4, other.BarrierPoints[AdkarElement.Awareness]);
        Assert.Equal((2, 0), (results.ByDepartment.SmallGroupsMerged, results.ByDepartment.HiddenRespondents));
    }

    [Fact]
    public void Respondents_with_no_department_are_a_group_without_a_name_for_the_card_to_word()
    {
        Respondent[] people = [
            .. Enumerable.Range(1, 5).Select(i => Person(i, null)),
            .. Enumerable.Range(6, 5).Select(i => Person(i, "ICU"))];
        var results = Results(Wave(people), people, [.. Enumerable.Repeat<string?>("44444", 10)]);

        Assert.Equal([null, "ICU"], results.ByDepartment.Shown.Select(g => g.Group));
        Assert.Equal(5, results.ByDepartment.Shown[0].Respondents);
    }

    [Fact]
    public void Groups_are_shown_largest_first()
    {
        Respondent[] people = [
            .. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(6, 6).Select(i => Person(i, "ED"))];
        var results = Results(Wave(people), people, [.. Enumerable.Repeat<string?>("44444", 11)]);

        Assert.Equal(["ED", "ICU"], results.ByDepartment.Shown.Select(g => g.Group));
        Assert.False(results.ByDepartment.AnythingMerged);
    }

    [Fact]
    public void The_change_from_the_previous_wave_is_current_minus_previous()
    {
        var first = Results(Wave(Six[..5], name: "pre go-live"), Six[..5], ["33333", "33333", "44244", "55555", "55555"]);
        var second = Results(
            Wave(Six[..5], name: "go-live + 30 days", opens: Opens.AddDays(30)),
            Six[..5],
            ["44444", "44444", "44444", "55555", "45555"],
            first);

        // Means before: A (3+3+4+5+5)/5 = 4.0, D 4.0, K (3+3+2+5+5)/5 = 3.6, Ab 4.0, R 4.0.
        // Means after:  A (4+4+4+5+4)/5 = 4.2, D (4+4+4+5+5)/5 = 4.4, K 4.4, Ab 4.4, R 4.4.
        var change = second.Change!;
        Assert.Equal("pre go-live", change.PreviousWave);
        Assert.Equal([0.2m, 0.4m, 0.8m, 0.4m, 0.4m], change.MeanDeltas);
        // Barrier points before: A 2, K 1 of 5 (0.4, 0.2), 2 without (0.4); after none, 5 without (1.0).
        Assert.Equal(-0.4m, change.BarrierShareDeltas[AdkarElement.Awareness]);
        Assert.Equal(-0.2m, change.BarrierShareDeltas[AdkarElement.Knowledge]);
        Assert.Equal(0m, change.BarrierShareDeltas[AdkarElement.Desire]);
        Assert.Equal(0.6m, change.WithoutBarrierShareDelta);
    }

    [Fact]
    public void There_is_no_change_without_a_previous_wave_with_answers()
    {
        var empty = Results(Wave(Six), Six, [null, null, null, null, null, null]);

        Assert.Null(FiveOfSix().Change);
        Assert.Null(Results(Wave(Six), Six, ["55555", null, null, null, null, null], empty).Change);
    }

    private sealed class ElementComparer : IEqualityComparer<ElementResult>
    {
        public static readonly ElementComparer Instance = new();

        public bool Equals(ElementResult? x, ElementResult? y) =>
            x is not null
                && y is not null
                && x.Element == y.Element
                && x.Mean == y.Mean
                && x.Median == y.Median
                && x.Distribution.SequenceEqual(y.Distribution);

        public int GetHashCode(ElementResult obj) => obj.Element.GetHashCode();
    }
}
