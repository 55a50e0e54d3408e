using HealthItPm.Domain.CheckIns;
using HealthItPm.Testing;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using static HealthItPm.Domain.Tests.Readiness.AdkarWaves;

namespace HealthItPm.Domain.Tests.Rounds;

/// <summary>
/// Once an anonymous round has closed its stored answers keep only what its results show: no answer stands out by a
/// rare department and discipline or by its time, to be matched with the audience kept beside the round.
/// </summary>
public class AnswerSealTests
{
    private static readonly DateTimeOffset WhileOpen = Opens.AddHours(1);
    private static readonly TenantId Tenant = new("9b0f3c1e-2d4a-4e6b-8c7d-1f2e3a4b5c6d");

    [Fact]
    public void The_only_er_nurse_and_the_only_it_analyst_no_longer_stand_out_and_the_results_stay_the_same()
    {
        Respondent[] people =
        [
            .. Enumerable.Range(1, 6).Select(i => Person(i, "ICU")),
            .. Enumerable.Range(7, 5).Select(i => Person(i, "ED", StakeholderRole.Physician)),
            Person(12, "ER"),
            Person(13, null, StakeholderRole.It),
        ];
        var (wave, answers) = Answered(people, i => i == 11 ? "22222" : i == 12 ? "11111" : "44444");

        var sealedAnswers = AnswerSeal.Of(wave, answers);

        AssertNobodyStandsOut(sealedAnswers);
        Assert.All(sealedAnswers, a => Assert.Equal(wave.ClosesAt, a.At));
        Assert.Equal(["ICU", AnswerGroups.Other], sealedAnswers.Select(a => a.Department).Distinct().Order(StringComparer.Ordinal));
        AssertSameResults(wave, answers, sealedAnswers);
    }

    [Fact]
    public void Any_closed_anonymous_round_keeps_no_answer_that_stands_out_and_shows_the_same_results()
    {
        var random = new Random(1207);
        string[] departments = ["ICU", "ED", "Pharmacy", "Radiology", "Lab"];
        StakeholderRole[] disciplines = [StakeholderRole.Nurse, StakeholderRole.Physician, StakeholderRole.Pharmacist, StakeholderRole.It];
        for (var run = 0; run < 300; run++)
        {
            var size = random.Next(1, 35);
            var spread = random.Next(1, departments.Length + 1);
            Respondent[] people = [.. Enumerable.Range(1, size)
                .Select(i => Person(
                    i,
                    random.Next(6) == 0 ? null : departments[random.Next(spread)],
                    disciplines[random.Next(disciplines.Length)]))];
            var (wave, answers) = Answered(people, _ => string.Concat(Enumerable.Range(0, 5).Select(_ => (char)('1' + random.Next(5)))));

            var sealedAnswers = AnswerSeal.Of(wave, answers);

            AssertNobodyStandsOut(sealedAnswers);
            AssertSameResults(wave, answers, sealedAnswers);
            Assert.Equal(sealedAnswers, AnswerSeal.Of(wave, sealedAnswers));
        }
    }

    [Fact]
    public void A_closed_anonymous_wave_keeps_no_comment()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i, "ICU"))];
        var wave = Wave(people, anonymous: true);
        var answers = people.Select(p => wave.Accept(p.Person, Answer("44444", "night shift on 4 West"), WhileOpen)).ToList();

        var sealedAnswers = AnswerSeal.Of(wave, answers, AdkarAnswer.Sealed);

        Assert.All(sealedAnswers, a => Assert.Null(a.Answer.Comment));
        Assert.All(sealedAnswers, a => Assert.Equal(answers[0].Answer.Scores, a.Answer.Scores));
    }

    [Fact]
    public void A_closed_anonymous_check_in_under_five_answers_keeps_no_words_and_from_five_keeps_what_it_shows()
    {
        Respondent[] people = [.. Enumerable.Range(1, 6).Select(i => Person(i, "ICU"))];
        var round = new Round(
            new ProjectCode("EHR"),
            Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            true,
            people,
            CheckInRounds.Kind,
            anonymityKey: Round.NewAnonymityKey());
        List<GivenAnswer<CheckInAnswer>> Given(int n) => [.. people.Take(n).Select(p => round.Accept(
            p.Person, CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), Guarded.From("my own words"), true), WhileOpen))];

        var four = AnswerSeal.Of(round, Given(4), CheckInAnswer.Sealed);
        Assert.All(
            four,
            a => Assert.Equal(
                (CheckInStatus.Blocked, (string?)null, false),
                (a.Answer.Status, a.Answer.Blockers?.Value, a.Answer.TrainingNeeded)));

        var five = AnswerSeal.Of(round, Given(5), CheckInAnswer.Sealed);
        Assert.All(five, a => Assert.Equal(("my own words", true), (a.Answer.Blockers?.Value, a.Answer.TrainingNeeded)));
    }

    [Fact]
    public void An_attributed_rounds_answers_are_kept_as_they_were()
    {
        Respondent[] people = [Person(1, "ICU"), Person(2, "ER")];
        var wave = Wave(people);
        var answers = people.Select(p => wave.Accept(p.Person, Answer("44444"), WhileOpen)).ToList();

        Assert.Equal(answers, AnswerSeal.Of(wave, answers));
    }

    [Fact]
    public void An_anonymous_round_never_goes_to_the_projects_pms_even_when_they_are_included()
    {
        var project = new Projects.ProjectBuilder().Build();
        var withPms = Audience.Everyone with { ProjectManagers = true };

        Assert.Contains(withPms.Select(project), r => r.Person == Projects.ProjectBuilder.Pm);
        Assert.DoesNotContain(withPms.Select(project, anonymous: true), r => r.Person == Projects.ProjectBuilder.Pm);
    }

    [Fact]
    public async Task After_the_deadline_a_person_no_longer_finds_their_anonymous_answer_even_on_a_host_that_still_holds_the_key()
    {
        var clock = new FakeTimeProvider(WhileOpen);
        var rounds = new InMemoryRounds();
        var projects = new InMemoryProjects();
        var project = new Projects.ProjectBuilder().Build();
        await projects.AddAsync(Tenant, project, default);
        var engine = new RoundEngine(
            rounds,
            projects,
            new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>()),
            new InMemoryAuditLog(),
            clock);
        var nurse = Projects.ProjectBuilder.Nurse;
        var wave = new Round(
            project.Code,
            Opens,
            TimeSpan.FromHours(24),
            TimeSpan.FromHours(48),
            true,
            Audience.Everyone.Select(project, true),
            AdkarRounds.Kind,
            "w",
            Round.NewAnonymityKey());
        await rounds.AddRoundAsync(Tenant, wave, default);
        await rounds.SaveAnswerAsync(Tenant, wave, wave.Accept(nurse, Answer("12345"), WhileOpen), default);

        Assert.NotNull((await engine.AnswerOfAsync(Tenant, nurse, project.Code, AdkarRounds.Kind, wave.Id, default)).Answer);
        clock.SetUtcNow(wave.ClosesAt);
        Assert.Null((await engine.AnswerOfAsync(Tenant, nurse, project.Code, AdkarRounds.Kind, wave.Id, default)).Answer);
    }

    private static (Round Wave, List<GivenAnswer<AdkarAnswer>> Answers) Answered(Respondent[] people, Func<int, string> scores)
    {
        var wave = Wave(people, anonymous: true);
        return (wave, [.. people.Select((p, i) => wave.Accept(p.Person, Answer(scores(i)), WhileOpen.AddMinutes(i)))]);
    }

    // No department and discipline together mark fewer than five answers (or, under five answers, none is marked at all).
    private static void AssertNobodyStandsOut(IReadOnlyList<GivenAnswer<AdkarAnswer>> sealedAnswers)
    {
        if (sealedAnswers.Count < AnswerGroups.MinimumSize)
        {
            Assert.All(sealedAnswers, a => Assert.Equal((AnswerGroups.Other, StakeholderRole.Other), (a.Department, a.Discipline)));
            return;
        }

        Assert.All(
            sealedAnswers.GroupBy(a => (a.Department, a.Discipline)),
            g => Assert.True(g.Count() >= AnswerGroups.MinimumSize, $"{g.Key}: {g.Count()}"));
    }

    private static void AssertSameResults(
        Round wave,
        List<GivenAnswer<AdkarAnswer>> answers,
        IReadOnlyList<GivenAnswer<AdkarAnswer>> sealedAnswers)
    {
        var closed = Opens.AddHours(49);
        var before = AdkarResults.From(wave, answers, closed);
        var after = AdkarResults.From(wave.WithKeyDestroyed(), sealedAnswers, closed);
        Assert.Equal(before.AnsweredCount, after.AnsweredCount);
        Assert.Equal(before.Withheld, after.Withheld);
        Assert.Equal(before.Elements.Select(e => (e.Mean, e.Median)), after.Elements.Select(e => (e.Mean, e.Median)));
        Assert.Equal(
            before.ByDepartment.Shown.Select(g => (g.Group, g.Respondents)),
            after.ByDepartment.Shown.Select(g => (g.Group, g.Respondents)));
        Assert.Equal(before.ByDiscipline.Shown.Select(g => g.Respondents), after.ByDiscipline.Shown.Select(g => g.Respondents));
        Assert.Equal(before.ByDiscipline.Withheld, after.ByDiscipline.Withheld);
    }
}
