using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.CheckIns;

public class CheckInRoundTests
{
    private static readonly DateTimeOffset Opens = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private static readonly Respondent Nurse = new(
        new PersonId("22222222-2222-2222-2222-222222222222"),
        "Nina Patel",
        StakeholderRole.Nurse,
        "ICU");
    private static readonly Respondent Physician = new(
        new PersonId("66666666-6666-6666-6666-666666666666"),
        "Dr. Omar Haddad",
        StakeholderRole.Physician,
        "Medicine");
    private static readonly Respondent Pharmacist = new(
        new PersonId("44444444-4444-4444-4444-444444444444"),
        "Grace Kim",
        StakeholderRole.Pharmacist,
        "Pharmacy");
    private static readonly PersonId Outsider = new("55555555-5555-5555-5555-555555555555");

    private static Round Round(bool anonymous = false) => new(
        new ProjectCode("EHR"),
        Opens,
        TimeSpan.FromHours(24),
        TimeSpan.FromHours(48),
        anonymous,
        [Nurse, Physician, Pharmacist],
        CheckInRounds.Kind,
        anonymityKey: anonymous ? Domain.Rounds.Round.NewAnonymityKey() : null);

    private static CheckInAnswer Answer(CheckInStatus status, int impact, string? blockers = null, bool training = false) =>
        CheckInAnswer.Create(status, new WorkflowImpact(impact), Guarded.From(blockers), training);

    [Fact]
    public void The_round_id_is_its_opening_time_so_every_host_computes_the_same()
    {
        Assert.Equal("20261201T1600Z", Round().Id);
        Assert.Equal(
            Round().Id,
            new Round(
                new ProjectCode("EHR"),
                Opens.ToOffset(TimeSpan.FromHours(-6)),
                TimeSpan.FromHours(1),
                TimeSpan.FromHours(2),
                false,
                [],
                CheckInRounds.Kind).Id);
    }

    [Fact]
    public void Someone_outside_the_audience_cannot_answer()
    {
        var error = Assert.Throws<DomainException>(() => Round().Accept(Outsider, Answer(CheckInStatus.OnTrack, 1), Opens.AddMinutes(5)));

        Assert.Equal(Problem.RoundNotSentToYou(CheckInRounds.Kind), error.Problem);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(48 * 60)]
    [InlineData(72 * 60)]
    public void Answers_outside_the_open_window_are_refused(int minutesAfterOpening) =>
        Assert.Throws<DomainException>(() => Round()
            .Accept(Nurse.Person, Answer(CheckInStatus.OnTrack, 1), Opens.AddMinutes(minutesAfterOpening)));

    [Fact]
    public void Blockers_with_suspected_phi_cannot_become_the_guarded_text_an_answer_needs()
    {
        var (text, phi) = GuardedText.Check("pt. Alvarez MRN 00482913 missed meds", PhiContext.None);

        Assert.Null(text);
        Assert.Equal([PhiKind.PatientName, PhiKind.MedicalRecordNumber], phi.Select(f => f.Kind));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Impact_is_one_to_five(int value) => Assert.Throws<DomainException>(() => new WorkflowImpact(value));

    [Theory]
    [InlineData(23, false, DeliveryState.Sent, ReminderDecision.NotNeeded)]
    [InlineData(24, false, DeliveryState.Sent, ReminderDecision.Send)]
    [InlineData(24, true, DeliveryState.Sent, ReminderDecision.NotNeeded)]
    [InlineData(24, false, DeliveryState.Unreachable, ReminderDecision.NotNeeded)]
    [InlineData(24, false, DeliveryState.NotDelivered, ReminderDecision.NotNeeded)]
    [InlineData(24, false, DeliveryState.Pending, ReminderDecision.WaitForCard)]
    [InlineData(24, false, null, ReminderDecision.WaitForCard)]
    [InlineData(48, false, DeliveryState.Sent, ReminderDecision.NotNeeded)]
    [InlineData(48, false, null, ReminderDecision.NotNeeded)]
    public void The_reminder_goes_to_those_whose_card_arrived_and_who_have_not_answered_while_it_is_due(
        int hours,
        bool answered,
        DeliveryState? card,
        ReminderDecision expected)
    {
        var round = Round();

        Assert.Equal(hours is >= 24 and < 48, round.RemindersDue(Opens.AddHours(hours)));
        Assert.Equal(expected, round.Reminder(Physician.Person, Opens.AddHours(hours), answered, card));
    }

    [Fact]
    public void Someone_the_round_was_not_sent_to_is_never_reminded() =>
        Assert.Equal(
            ReminderDecision.NotNeeded,
            Round().Reminder(new PersonId("99999999-9999-9999-9999-999999999999"), Opens.AddHours(24), false, DeliveryState.Sent));

    [Fact]
    public void The_summary_counts_each_person_once_with_their_latest_answer()
    {
        var round = Round();
        GivenAnswer<CheckInAnswer>[] answers =
        [
            round.Accept(Nurse.Person, Answer(CheckInStatus.Blocked, 5, "Scanners drop Wi-Fi on 4 West"), Opens.AddMinutes(5)),
            round.Accept(
                Nurse.Person,
                Answer(CheckInStatus.SomeConcerns, 3, "Scanners drop Wi-Fi on 4 West", training: true),
                Opens.AddMinutes(30)),
            round.Accept(Physician.Person, Answer(CheckInStatus.OnTrack, 2), Opens.AddMinutes(40)),
        ];

        DeliveryRecord[] cards =
        [
            Card(Nurse.Person, DeliveryState.Sent),
            Card(Physician.Person, DeliveryState.Pending),
            Card(Pharmacist.Person, DeliveryState.Unreachable),
        ];
        var summary = RoundSummary.From(
            round,
            answers,
            cards,
            [new RoundTrendPoint(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), 0.5m, 0.5m, 4m)],
            Opens.AddHours(1));

        Assert.Equal((3, 2), (summary.AudienceCount, summary.AnsweredCount));
        Assert.Equal(2m / 3m, summary.ResponseRate);
        Assert.Equal(0, summary.Distribution[CheckInStatus.Blocked]);
        Assert.Equal(1, summary.Distribution[CheckInStatus.SomeConcerns]);
        Assert.Equal(1, summary.Distribution[CheckInStatus.OnTrack]);
        Assert.Equal(2.5m, summary.AverageImpact);
        Assert.Equal([new ReportedBlocker("Nina Patel", Guarded.From("Scanners drop Wi-Fi on 4 West"))], summary.Blockers);
        Assert.Equal(["Nina Patel"], summary.TrainingRequests);
        Assert.Equal((1, 1), (summary.Delivery.Sent, summary.Delivery.Pending));
        Assert.Equal(["Grace Kim"], summary.Delivery.Unreachable);
        Assert.Empty(summary.Delivery.NotDelivered);
        Assert.True(summary.Open);
        Assert.Equal([new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), Opens], summary.Trend.Select(t => t.OpenedAt));
        Assert.Equal(0m, summary.Trend[^1].BlockedShare);
    }

    [Fact]
    public void An_anonymous_round_attributes_nothing()
    {
        var round = Round(anonymous: true);
        var answers = new[] { round.Accept(
            Nurse.Person,
            Answer(CheckInStatus.Blocked, 4, "Order sets incomplete", training: true),
            Opens.AddMinutes(1)) };

        var summary = RoundSummary.From(round, answers, [], [], Opens.AddHours(49));

        // One answer of three: nothing but the count (AnonymousCheckInTests shows five answers without names).
        Assert.Equal((ResultsWithheld.TooFewAnswers, 1), (summary.Withheld, summary.AnsweredCount));
        Assert.Empty(summary.Blockers);
        Assert.Empty(summary.TrainingRequests);
        Assert.False(summary.Open);
        Assert.Null(summary.Trend.Single().BlockedShare);
    }

    [Fact]
    public void A_round_nobody_answered_has_no_average()
    {
        var summary = RoundSummary.From(Round(), [], [], [], Opens.AddHours(1));

        Assert.Null(summary.AverageImpact);
        Assert.Equal(0m, summary.ResponseRate);
    }

    [Fact]
    public void Audience_selection_takes_stakeholders_not_leaders_and_pms_only_when_included_by_discipline_and_department()
    {
        var project = new HealthItPm.Domain.Tests.Projects.ProjectBuilder().Build();
        project.AddMember(new ProjectMember(
            Physician.Person, Physician.Name, ProjectRole.Stakeholder, StakeholderRole.Physician, Guarded.From("Medicine")));

        var everyone = Audience.Everyone.Select(project);
        var nurses = new Audience(new HashSet<StakeholderRole> { StakeholderRole.Nurse }, new HashSet<string>()).Select(project);
        var icu = new Audience(new HashSet<StakeholderRole>(), new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "icu" })
            .Select(project);

        Assert.Equal(["Dr. Omar Haddad", "Nina Patel"], everyone.Select(r => r.Name).Order());
        Assert.Equal(
            ["Dr. Omar Haddad", "Nina Patel", "Priya Shah"],
            (Audience.Everyone with { ProjectManagers = true }).Select(project).Select(r => r.Name).Order());
        Assert.Equal("Nina Patel", Assert.Single(nurses).Name);
        Assert.Equal("Nina Patel", Assert.Single(icu).Name);
    }

    [Fact]
    public void Delivery_counts_people_not_yet_tried_as_pending_and_names_those_not_delivered()
    {
        var round = Round();
        var summary = RoundSummary.From(round, [], [Card(Nurse.Person, DeliveryState.NotDelivered)], [], Opens.AddHours(1));

        Assert.Equal((0, 2), (summary.Delivery.Sent, summary.Delivery.Pending));
        Assert.Equal(["Nina Patel"], summary.Delivery.NotDelivered);
        Assert.Empty(summary.Delivery.Unreachable);
    }

    private static DeliveryRecord Card(PersonId person, DeliveryState state) =>
        new(new DeliveryTopic(DeliveryTopics.CheckInCard, "EHR|20261201T1600Z"), person, state, 1, null, null, null, null, Opens);
}
