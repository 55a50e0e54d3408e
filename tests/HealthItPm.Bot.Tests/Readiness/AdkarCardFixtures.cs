using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Readiness;

/// <summary>Every readiness survey card state: the survey as sent, reminded, sent back with problems; answered; results small and at go-live scale; the waves list.</summary>
public sealed class AdkarCardFixtures : FeatureCardFixtures
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Opens.AddDays(7);

    public override IReadOnlyList<RoundKind> Kinds => [AdkarRounds.Kind];

    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("adkar-survey", typeof(AdkarSurveyCard), () => AdkarSurveyCard.Build(new AdkarSurveyModel("EHR", "Epic EHR go-live", "20261201T1600Z", "pre go-live", Closes, Anonymous: true))),
        new("adkar-survey-reminder-attributed", typeof(AdkarSurveyCard), () => AdkarSurveyCard.Build(new AdkarSurveyModel("EHR", "Epic EHR go-live", "20261201T1600Z", "pre go-live", Closes, Anonymous: false, Reminder: true))),
        new("adkar-survey-with-problems-and-phi", typeof(AdkarSurveyCard), () => AdkarSurveyCard.Build(new AdkarSurveyModel(
            "EHR", "Epic EHR go-live", "20261201T1600Z", "pre go-live", Closes, true, Scores: [4, null, 3, 2, null], Comment: "pt. ••• MRN ••• could not be found _again_",
            PhiFound: "Please remove patient information first \u2014 nothing was saved. It looks like your text has a person's name (\u201cpt••••••ez\u201d); a medical record number (\u201cMR••••••13\u201d).", Problems: ["pick a score from 1 to 5 for every statement"]))),
        new("adkar-answered-open-anonymous", typeof(AdkarAnsweredCard), () => AdkarAnsweredCard.Build(new AdkarAnsweredModel("EHR", "20261201T1600Z", "pre go-live", Answer("45323", "Need more *practice* time"), Closes, Open: true, Anonymous: true))),
        new("adkar-answered-closed", typeof(AdkarAnsweredCard), () => AdkarAnsweredCard.Build(new AdkarAnsweredModel("EHR", "20261201T1600Z", "pre go-live", Answer("55555"), Closes, Open: false, Anonymous: false))),
        new("adkar-results-with-change-and-groups", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(60, 4, withPrevious: true), "America/Chicago"))),
        new("adkar-results-open-no-answers", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(12, 2, withPrevious: false, answered: 0), "America/Chicago"))),
        new("adkar-results-some-without-department", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(60, 2, withPrevious: false, noDepartmentEvery: 3), "America/Chicago"))),
        new("adkar-results-small-groups-hidden", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(9, 3, withPrevious: false), "America/Chicago"))),
        new("adkar-results-anonymous-one-answer-closed", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(6, 1, withPrevious: false, answered: 1), "America/Chicago"))),
        new("adkar-results-anonymous-six-answers-open", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(8, 1, withPrevious: false, answered: 6, open: true), "America/Chicago"))),
        new("adkar-results-pm-can-remove", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(60, 4, withPrevious: true), "America/Chicago") { CanRemovePatientDetails = true })),
        new("adkar-results-go-live-scale", typeof(AdkarResultsCard), () => AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", Results(2000, 120, withPrevious: true), "America/Chicago"))),
        new("adkar-waves", typeof(AdkarWavesCard), () => AdkarWavesCard.Build(new AdkarWavesModel("EHR", "Epic EHR go-live", [Results(60, 4, withPrevious: false), Results(40, 4, withPrevious: false, opens: Opens.AddDays(-30), name: "kick-off **now**")], "America/Chicago"))),
        new("adkar-waves-none", typeof(AdkarWavesCard), () => AdkarWavesCard.Build(new AdkarWavesModel("EHR", "Epic EHR go-live", [], "America/Chicago"))),
    ];

    private static AdkarAnswer Answer(string scores, string? comment = null) => AdkarAnswer.Create([.. scores.Select(c => new AdkarScore(c - '0'))], Guarded.From(comment));

    /// <summary>
    /// A wave of <paramref name="people"/> over <paramref name="departments"/> departments, in every discipline, with varied
    /// answers; every <paramref name="noDepartmentEvery"/>-th person has no department (0: everyone has one).
    /// </summary>
    public static AdkarResults Results(
        int people, int departments, bool withPrevious, int? answered = null, DateTimeOffset? opens = null, string name = "go-live + 30 days", int noDepartmentEvery = 0, bool open = false)
    {
        string[] patterns = ["55555", "44344", "42344", "25555", "55335", "44444", "33333", "45453", "54321", "44424"];
        var disciplines = Enum.GetValues<StakeholderRole>().Where(r => r != StakeholderRole.Leader).ToArray();
        var audience = Enumerable.Range(0, people).Select(i => new Respondent(
            new PersonId(new Guid(i, 0x3333, 0x4333, 0x83, 0, 0, 0, 0, 0, 0, 3).ToString()),
            $"Person {i}",
            disciplines[i % disciplines.Length],
            noDepartmentEvery > 0 && i % noDepartmentEvery == 0 ? null : $"Department {i % departments} with a long name")).ToList();
        var at = opens ?? Opens;
        AdkarResults Wave(DateTimeOffset opened, string waveName, int shift, AdkarResults? before, DateTimeOffset now)
        {
            var wave = new Round(new ProjectCode("EHR"), opened, TimeSpan.FromDays(3), TimeSpan.FromDays(7), true, audience,
                AdkarRounds.Kind, waveName, Round.NewAnonymityKey());
            var answers = audience.Take(answered ?? people * 9 / 10).Select((r, i) => wave.Accept(r.Person, Answer(patterns[(i + shift) % patterns.Length]), opened.AddHours(1))).ToList();
            return AdkarResults.From(wave, answers, now, before);
        }

        var previous = withPrevious ? Wave(at.AddDays(-30), "pre go-live", 3, null, at) : null;
        return Wave(at, name, 0, previous, answered == 0 || open ? at.AddHours(2) : at.AddDays(8));
    }
}
