using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using static HealthItPm.Domain.Tests.Readiness.AdkarWaves;

namespace HealthItPm.Domain.Tests.Readiness;

/// <summary>
/// The anonymity rule, tried as an insider would try to break it: of an anonymous wave nothing but the number of
/// answers while it is open; once closed, figures only over at least five answers; no group that subtracting
/// shown figures (the totals, another group, another grouping) could give.
/// </summary>
public class AnonymousWaveDisclosureTests
{
    private static readonly DateTimeOffset WhileOpen = Opens.AddHours(1);
    private static readonly DateTimeOffset Closed = Opens.AddHours(49);

    [Fact]
    public void One_answer_to_a_closed_anonymous_wave_shows_only_that_one_person_answered()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i))];
        var results = Answered(people, ["11121"], Closed);

        Assert.Equal((ResultsWithheld.TooFewAnswers, 1), (results.Withheld, results.AnsweredCount));
        AssertNoFigure(results);
    }

    [Fact]
    public void Four_answers_show_no_figure_and_five_do()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i))];

        AssertNoFigure(Answered(people, ["11121", "55555", "44444", "33333"], Closed));
        var five = Answered(people, ["11121", "55555", "44444", "33333", "22222"], Closed);
        Assert.Null(five.Withheld);
        Assert.Equal(5, five.Elements.Count);
    }

    [Fact]
    public void While_the_wave_is_open_only_the_number_of_answers_is_shown_however_many_answered()
    {
        Respondent[] people = [.. Enumerable.Range(1, 20).Select(i => Person(i))];
        var results = Answered(people, [.. Enumerable.Repeat("45344", 20)], WhileOpen);

        Assert.Equal((ResultsWithheld.UntilClosed, 20, 20), (results.Withheld, results.AnsweredCount, results.AudienceCount));
        AssertNoFigure(results);
    }

    [Fact]
    public void Reading_the_results_before_and_after_a_known_person_changes_their_answer_shows_no_difference()
    {
        Respondent[] people = [.. Enumerable.Range(1, 8).Select(i => Person(i))];
        var wave = Wave(people, anonymous: true);
        var answers = people.Select(p => wave.Accept(p.Person, Answer("44444"), WhileOpen)).ToList();
        var before = AdkarResults.From(wave, answers, WhileOpen);
        answers.Add(wave.Accept(people[0].Person, Answer("11111"), WhileOpen.AddMinutes(1)));
        var after = AdkarResults.From(wave, answers, WhileOpen.AddMinutes(1));

        // Eight answers before and after, and no figure that could move by one person's change.
        Assert.Equal((8, 8), (before.AnsweredCount, after.AnsweredCount));
        AssertNoFigure(before);
        AssertNoFigure(after);
    }

    [Fact]
    public void The_hidden_pair_of_a_wave_of_fourteen_cannot_be_had_by_subtracting_the_shown_departments_from_the_totals()
    {
        // The case found: departments of 6 and 5 shown, 2 hidden; totals minus the two gave the pair's scores.
        Respondent[] people =
        [
            .. Enumerable.Range(1, 6).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(7, 5).Select(i => Person(i, "ED", StakeholderRole.Physician)),
            Person(12, "Pharmacy", StakeholderRole.Pharmacist), Person(13, "Pharmacy", StakeholderRole.Pharmacist),
            Person(14, "ICU", StakeholderRole.Physician),
        ];
        var results = Answered(people, [.. Enumerable.Repeat("44444", 11), "11115", "11115", "55555"], Closed);

        AssertSafe(results);
        Assert.DoesNotContain(results.ByDepartment.Shown, g => g.Group == "ED");
    }

    [Fact]
    public void Five_icu_nurses_and_one_er_nurse_do_not_give_the_er_nurse_as_the_totals_minus_five_times_the_icu_means()
    {
        Respondent[] people = [.. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")), Person(6, "ER")];
        var results = Answered(people, ["44444", "44444", "44444", "44444", "44444", "12345"], Closed);

        AssertSafe(results);
        Assert.DoesNotContain(results.ByDepartment.Shown, g => g.Group == "ICU");
    }

    [Fact]
    public void A_department_and_a_discipline_that_is_all_of_it_but_one_person_are_never_both_shown()
    {
        // ICU: five nurses and one physician; ED: five physicians. ICU minus "nurses" would be the ICU physician.
        Respondent[] people =
        [
            .. Enumerable.Range(1, 5).Select(i => Person(i, "ICU")),
            Person(6, "ICU", StakeholderRole.Physician),
            .. Enumerable.Range(7, 5).Select(i => Person(i, "ED", StakeholderRole.Physician)),
        ];
        var results = Answered(people, [.. Enumerable.Repeat("44444", 5), "11111", .. Enumerable.Repeat("55555", 5)], Closed);

        Assert.Equal(["ICU", "ED"], results.ByDepartment.Shown.Select(g => g.Group));
        Assert.True(results.ByDiscipline.Withheld);
        Assert.Empty(results.ByDiscipline.Shown);
        AssertSafe(results);
    }

    [Fact]
    public void Without_departments_to_tell_apart_an_anonymous_wave_is_shown_by_discipline()
    {
        Respondent[] people =
        [
            .. Enumerable.Range(1, 6).Select(i => Person(i, null)),
            .. Enumerable.Range(7, 5).Select(i => Person(i, null, StakeholderRole.Physician)),
        ];
        var results = Answered(people, [.. Enumerable.Repeat("44444", 11)], Closed);

        Assert.Equal(["Nurse", "Physician"], results.ByDiscipline.Shown.Select(g => g.Group));
        AssertSafe(results);
    }

    [Fact]
    public void Any_closed_anonymous_wave_leaves_nobody_to_be_worked_out_from_what_is_shown()
    {
        var random = new Random(20261207);
        string[] departments = ["ICU", "ED", "Pharmacy", "Radiology", "Oncology", "Lab"];
        StakeholderRole[] disciplines = [
            StakeholderRole.Nurse,
            StakeholderRole.Physician,
            StakeholderRole.Pharmacist,
            StakeholderRole.Other];
        for (var run = 0; run < 400; run++)
        {
            var size = random.Next(1, 40);
            var spread = random.Next(1, departments.Length + 1);
            Respondent[] people = [.. Enumerable.Range(1, size)
                .Select(i => Person(
                    i,
                    random.Next(8) == 0 ? null : departments[random.Next(spread)],
                    disciplines[random.Next(disciplines.Length)]))];
            var scores = people.Select(_ => string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('1' + random.Next(5))))).ToList();

            AssertSafe(Answered(people, scores, Closed));
        }
    }

    [Fact]
    public void A_closed_anonymous_wave_with_too_few_answers_gives_the_status_card_and_the_digest_no_readiness()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i))];
        var wave = Wave(people, anonymous: true);
        var answers = people.Take(4).Select(p => wave.Accept(p.Person, Answer("11111"), WhileOpen)).ToList();

        Assert.Null(WaveTally.Of(wave, answers).Readiness);
        answers.Add(wave.Accept(people[4].Person, Answer("11111"), WhileOpen));
        Assert.Equal(5, WaveTally.Of(wave, answers).Readiness!.Respondents);
    }

    [Fact]
    public void No_change_is_shown_against_a_previous_wave_whose_figures_were_withheld()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i))];
        var previous = Answered(people, ["11111", "11111"], Closed);
        var current = Results(Wave(people, anonymous: true, opens: Opens.AddDays(7)), people, [.. Enumerable.Repeat("44444", 6)], previous);

        Assert.Null(current.Change);
    }

    [Fact]
    public void Once_its_key_is_destroyed_a_round_counts_every_stored_answer_and_links_none_to_anyone()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i))];
        var wave = Wave(people, anonymous: true);
        var answers = people.Select(p => wave.Accept(p.Person, Answer("44444"), WhileOpen)).ToList();
        var sealedWave = wave.WithKeyDestroyed();

        Assert.True(sealedWave.KeyDestroyed);
        Assert.Null(sealedWave.AnonymityKey);
        Assert.Equal(6, sealedWave.Counted(answers).Count);
        Assert.All(answers, a => Assert.Null(sealedWave.RespondentOf(a.Respondent)));
        Assert.Equal(
            Problem.RoundClosed(AdkarRounds.Kind, wave.ClosesAt).Code,
            Assert.Throws<DomainException>(() => sealedWave.KeyOf(people[0].Person)).Problem.Code);
        Assert.Throws<DomainException>(() => sealedWave.Accept(people[0].Person, Answer("55555"), WhileOpen));
        Assert.Equal(6, AdkarResults.From(sealedWave, answers, Closed).AnsweredCount);
    }

    private static AdkarResults Answered(Respondent[] people, IReadOnlyList<string> scores, DateTimeOffset now)
    {
        var wave = Wave(people, anonymous: true);
        var answers = people.Zip(scores).Select(x => wave.Accept(x.First.Person, Answer(x.Second), WhileOpen)).ToList();
        return AdkarResults.From(wave, answers, now);
    }

    private static void AssertNoFigure(AdkarResults results)
    {
        Assert.NotNull(results.Withheld);
        Assert.Empty(results.Elements);
        Assert.Empty(results.BarrierPoints);
        Assert.Equal(0, results.WithoutBarrier);
        Assert.Null(results.DominantBarrier);
        Assert.Empty(results.Interventions);
        Assert.Empty(results.ByDepartment.Shown);
        Assert.Empty(results.ByDiscipline.Shown);
        Assert.Null(results.Change);
        Assert.Null(ReadinessOf(results));
    }

    private static ReadinessSnapshot? ReadinessOf(AdkarResults results) => results.Withheld is null ? ReadinessSnapshot.Of(results) : null;

    // What is shown is safe from subtraction when it is the totals and one grouping whose shown groups each hold at
    // least five answers and together hold every answer: any sum or difference of shown figures is then a sum of
    // whole groups of five or more.
    private static void AssertSafe(AdkarResults results)
    {
        if (results.Withheld is not null)
        {
            AssertNoFigure(results);
            Assert.True(results.AnsweredCount < AdkarResults.MinimumGroupSize);
            return;
        }

        Assert.True(results.AnsweredCount >= AdkarResults.MinimumGroupSize);
        // A grouping of one group is everyone: it adds nothing to the totals.
        var groupings = new[] { results.ByDepartment, results.ByDiscipline }.Where(g => g.Shown.Count > 0).ToList();
        Assert.True(groupings.Count(g => g.Shown.Count > 1) <= 1, "an anonymous wave splits its people one way at most");
        foreach (var grouping in groupings)
        {
            Assert.All(grouping.Shown, g => Assert.True(g.Respondents >= AdkarResults.MinimumGroupSize));
            Assert.Equal(results.AnsweredCount, grouping.Shown.Sum(g => g.Respondents));
            Assert.Equal(0, grouping.HiddenRespondents);
        }
    }
}
