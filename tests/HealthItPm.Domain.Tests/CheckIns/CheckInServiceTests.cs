using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Tests.Fakes;
using HealthItPm.Testing;
using Microsoft.Extensions.Time.Testing;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.CheckIns;

/// <summary>
/// The check-in use cases' rules on in-memory stores, in milliseconds: who may send, schedule and stop
/// a check-in and see its summary, who may answer and when, what the audit log records. The stores'
/// own behaviour is proven against Azurite (RoundTableTests, CheckInFlowTests).
/// </summary>
public class CheckInServiceTests
{
    private static readonly TenantId Tenant = new("9b0f3c1e-2d4a-4e6b-8c7d-1f2e3a4b5c6d");
    private static readonly ProjectCode Ehr = new("EHR");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 15, 30, 20, TimeSpan.Zero));
    private readonly InMemoryProjects _projects = new();
    private readonly InMemoryRounds _rounds = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly CheckInService _service;

    public CheckInServiceTests()
    {
        _projects.With(Tenant, new Projects.ProjectBuilder().Build());
        var access = new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId> { Pm });
        _service = new CheckInService(
            _rounds,
            _rounds,
            new RoundEngine(_rounds, _projects, access, _audit, _clock),
            _rounds,
            _projects,
            access,
            _audit,
            _clock);
    }

    private static RoundSettings Settings(bool anonymous = false, Audience? audience = null) =>
        new(TimeSpan.FromHours(24), TimeSpan.FromHours(48), anonymous, audience ?? Audience.Everyone);

    private static CheckInAnswer Blocked(string blockers) =>
        CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), Guarded.From(blockers), trainingNeeded: true);

    private async Task<Round> StartAsync(bool anonymous = false) =>
        Assert.IsType<Outcome<Round>.Done>(await _service.StartNowAsync(Tenant, Pm, Ehr, Settings(anonymous), default)).Value;

    [Fact]
    public async Task A_pm_sends_a_check_in_to_the_project_but_its_leaders_this_minute_once_however_often_asked()
    {
        var first = await StartAsync();
        var again = await StartAsync();

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero), first.OpensAt);
        Assert.Equal([Nurse], first.Audience.Select(r => r.Person));
        Assert.Single(await _rounds.LatestRoundsAsync(Tenant, Ehr, CheckInRounds.Kind, 5, default));
    }

    [Theory]
    [InlineData("22222222-2222-2222-2222-222222222222")]
    [InlineData("33333333-3333-3333-3333-333333333333")]
    public async Task Only_the_pms_send_schedule_stop_and_summarise(string person)
    {
        var someone = new PersonId(person);
        var schedule = new CheckInSchedule(
            DayOfWeek.Tuesday, new TimeOnly(10, 0), "America/Chicago", TimeSpan.FromHours(24), TimeSpan.FromHours(48), false,
            Audience.Everyone);

        Assert.Equal(
            RefusalCode.OnlyFor,
            Assert.IsType<Outcome<Round>.Refused>(await _service.StartNowAsync(Tenant, someone, Ehr, Settings(), default)).Reason.Code);
        Assert.IsType<Outcome<CheckInSchedule>.Refused>(await _service.ScheduleAsync(Tenant, someone, Ehr, schedule, default));
        Assert.IsType<Outcome<bool>.Refused>(await _service.StopAsync(Tenant, someone, Ehr, default));
        Assert.IsType<Outcome<RoundSummary>.Refused>(await _service.SummaryAsync(Tenant, someone, Ehr, default));
        Assert.Empty(await _rounds.ListSchedulesAsync(default));
        Assert.Empty(_audit.Entries);
    }

    [Fact]
    public async Task Someone_not_on_the_project_gets_the_same_answer_as_for_a_project_that_does_not_exist()
    {
        var onMissing = await _service.StartNowAsync(Tenant, Outsider, new ProjectCode("NOPE"), Settings(), default);
        var onReal = await _service.StartNowAsync(Tenant, Outsider, Ehr, Settings(), default);

        Assert.Equal(RefusalCode.NotOnProject, Assert.IsType<Outcome<Round>.Refused>(onReal).Reason.Code);
        Assert.Equal(
            Assert.IsType<Outcome<Round>.Refused>(onMissing).Reason.Code,
            Assert.IsType<Outcome<Round>.Refused>(onReal).Reason.Code);
    }

    [Fact]
    public async Task An_audience_nobody_matches_opens_no_round()
    {
        var audience = new Audience(
            new HashSet<StakeholderRole> { StakeholderRole.Pharmacist },
            new HashSet<string>(StringComparer.OrdinalIgnoreCase));

        Assert.IsType<Outcome<Round>.Invalid>(await _service.StartNowAsync(Tenant, Pm, Ehr, Settings(audience: audience), default));
        Assert.Empty(await _rounds.LatestRoundsAsync(Tenant, Ehr, CheckInRounds.Kind, 5, default));
    }

    [Fact]
    public async Task An_answer_replaces_the_persons_earlier_one_and_is_summarised_for_the_pm()
    {
        var round = await StartAsync();

        Assert.IsType<Outcome<(
            Round,
            GivenAnswer<CheckInAnswer>)>.Done>(await _service.SubmitAsync(
                Tenant,
                Nurse,
                Ehr,
                round.Id,
                CheckInAnswer.Create(CheckInStatus.OnTrack, null, null, false),
                default));
        Assert.IsType<Outcome<(
            Round,
            GivenAnswer<CheckInAnswer>)>.Done>(await _service.SubmitAsync(
                Tenant,
                Nurse,
                Ehr,
                round.Id,
                Blocked("Scanners drop the Wi-Fi on 4 West"),
                default));
        var summary = Assert.IsType<Outcome<RoundSummary>.Done>(await _service.SummaryAsync(Tenant, Pm, Ehr, default)).Value;

        Assert.Equal((1, 1), (summary.AudienceCount, summary.AnsweredCount));
        Assert.Equal(1, summary.Distribution[CheckInStatus.Blocked]);
        Assert.Equal(4m, summary.AverageImpact);
        Assert.Equal(CheckInStatus.Blocked, (await _service.AnswerOfAsync(Tenant, Nurse, Ehr, round.Id, default)).Answer!.Answer.Status);
    }

    [Fact]
    public async Task A_round_takes_answers_only_from_those_it_was_sent_to_and_only_while_open()
    {
        var round = await StartAsync();
        _projects.With(Tenant, WithLateJoiner());

        var late = await _service.SubmitAsync(Tenant, Outsider, Ehr, round.Id, Blocked("Not sent to me"), default);
        _clock.Advance(TimeSpan.FromHours(49));
        var closed = await _service.SubmitAsync(Tenant, Nurse, Ehr, round.Id, Blocked("Too late"), default);

        Assert.Equal(RefusalCode.NotSentToYou, Assert.IsType<Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Refused>(late).Reason.Code);
        Assert.IsType<Outcome<(Round, GivenAnswer<CheckInAnswer>)>.Invalid>(closed);
        Assert.Empty(await _rounds.AnswersAsync<CheckInAnswer>(Tenant, round, default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_audit_log_records_who_sent_and_who_answered_but_never_who_answered_anonymously(bool anonymous)
    {
        var round = await StartAsync(anonymous);
        await _service.SubmitAsync(Tenant, Nurse, Ehr, round.Id, Blocked("Scanners drop the Wi-Fi on 4 West"), default);
        await _service.StopAsync(Tenant, Pm, Ehr, default);

        (PersonId, AuditKind, string?)[] expected = anonymous
            ? [(Pm, CheckInRounds.Started, round.Id), (Pm, CheckInRounds.Stopped, null)]
            : [
                (Pm, CheckInRounds.Started, round.Id),
                (Nurse, CheckInRounds.Answered, round.Id),
                (Pm, CheckInRounds.Stopped, null)];
        Assert.Equal(expected, _audit.Logged);
    }

    [Fact]
    public async Task A_schedule_fires_once_per_occurrence_even_when_two_hosts_see_it_due()
    {
        var schedule = new CheckInSchedule(
            DayOfWeek.Wednesday, new TimeOnly(9, 0), "America/Chicago", TimeSpan.FromHours(24), TimeSpan.FromHours(48), false,
            Audience.Everyone);
        Assert.IsType<Outcome<CheckInSchedule>.Done>(await _service.ScheduleAsync(Tenant, Pm, Ehr, schedule, default));
        _clock.Advance(TimeSpan.FromDays(7));
        var stored = (await _service.SchedulesAsync(default)).Single();

        var fired = await Task.WhenAll(_service.FireIfDueAsync(stored, default), _service.FireIfDueAsync(stored, default));

        Assert.Single(fired, r => r is not null);
        Assert.Null(await _service.FireIfDueAsync((await _service.SchedulesAsync(default)).Single(), default));
        Assert.Single(await _rounds.LatestRoundsAsync(Tenant, Ehr, CheckInRounds.Kind, 5, default));
    }

    private static Project WithLateJoiner()
    {
        var project = new Projects.ProjectBuilder().Build();
        project.AddMember(new ProjectMember(
            Outsider, "Omar Haddad", ProjectRole.Stakeholder, StakeholderRole.Pharmacist, Guarded.From("Pharmacy")));
        return project;
    }
}
