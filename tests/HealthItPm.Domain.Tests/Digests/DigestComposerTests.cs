using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Digests;

/// <summary>The digest's sections, computed from stored facts only, the same for the same clock.</summary>
public class DigestComposerTests
{
    // Monday 30 November 2026, 07:00 in Chicago (13:00 UTC); the previous digest went a week earlier.
    internal static readonly DateTimeOffset Now = new(2026, 11, 30, 13, 0, 0, TimeSpan.Zero);
    internal static readonly DateTimeOffset Since = Now.AddDays(-7);
    internal static readonly DateOnly Today = new(2026, 11, 30);
    internal static readonly IsoWeek Week = IsoWeek.Of(Today);
    internal static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");
    internal static readonly PersonId Nurse = new("22222222-2222-2222-2222-222222222222");
    internal static readonly PersonId Cio = new("33333333-3333-3333-3333-333333333333");

    internal static Project NewProject(string code, int goLiveInDays = 60)
    {
        var project = Project.Create(
            new ProjectCode(code),
            Guarded.From($"{code} go-live"),
            ProjectKind.Ehr,
            new ProjectSchedule(Today.AddDays(-120), Today.AddDays(goLiveInDays), Today.AddDays(goLiveInDays + 90)),
            "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")),
            Today.AddDays(-120));
        project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        project.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        return project;
    }

    /// <summary>A project on plan: a milestone done on time, spend as planned, so SPI = CPI = 1.</summary>
    internal static Project OnPlan(string code)
    {
        var project = NewProject(code);
        project.AddMilestone(new Milestone(Guarded.From("Design"), Today.AddDays(-30), 50, Today.AddDays(-30)));
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(60), 50));
        project.SetBudget(100_000);
        project.RecordSpend(new SpendEntry(50_000, Today.AddDays(-30), null), Today);
        return project;
    }

    internal static Risk LoggedRisk(ProjectCode project, int number, int p, int i, DateTimeOffset at, PersonId? owner = null) =>
        Risk.Log(
            new RiskId(project, number),
            Guarded.From($"Risk {number}"),
            null,
            RiskCategory.Vendor,
            new RiskRating(p, i),
            owner,
            null,
            null,
            Pm,
            at);

    private static DigestProjectFacts Facts(
        Project project,
        IReadOnlyList<Risk>? risks = null,
        CheckInPulse? checkIns = null,
        ReadinessInput? readiness = null,
        ProjectWeekSnapshot? lastWeek = null) =>
        new(project, risks ?? [], checkIns, readiness, lastWeek ?? new ProjectWeekSnapshot(project.Code, Week.Previous, Rag.Green));

    [Fact]
    public void An_empty_portfolio_has_no_projects_no_changes_and_zero_of_each_status()
    {
        var digest = DigestComposer.Compose([], Week, Since, Now);

        Assert.Empty(digest.Projects);
        Assert.Empty(digest.Changes);
        Assert.All(digest.ByRag.Values, count => Assert.Equal(0, count));
        Assert.True(digest.RagChangesKnown);
        Assert.Equal("2026-W49", digest.Week.ToString());
    }

    [Fact]
    public void One_project_shows_every_section_as_computed_by_hand()
    {
        var project = NewProject("EHR", goLiveInDays: 45);
        project.AddMilestone(new Milestone(Guarded.From("Build"), Today.AddDays(-20), 40));              // missed by 20 days: red
        project.AddMilestone(new Milestone(Guarded.From("Testing"), Today.AddDays(10), 30));             // due in 10 days
        project.AddMilestone(new Milestone(Guarded.From("Training"), Today.AddDays(15), 30));            // 15 days: not "due soon"
        project.SetBudget(200_000);
        project.RecordSpend(new SpendEntry(50_000, Today.AddDays(-40), null), Today);
        project.AddKpi(new Kpi(
            Guarded.From("No-show rate"),
            Guarded.From("%"),
            18,
            12,
            KpiDirection.LowerIsBetter,
            [new KpiMeasurement(Today.AddDays(-3), 16.5m)]));
        project.SetEscalation([Cio], TimeSpan.FromHours(4), false);
        var critical = LoggedRisk(project.Code, 1, 4, 5, Now.AddDays(-20));
        critical.Escalate(1, new EscalationReason.CriticalRisk(), Now.AddDays(-20));
        var high = LoggedRisk(project.Code, 2, 3, 4, Now.AddDays(-20), owner: Nurse);
        var medium = LoggedRisk(project.Code, 3, 2, 3, Now.AddDays(-20));
        var pulse = new CheckInPulse("r1", 40, 30, 0.2m, 0.1m);

        var digest = DigestComposer.Compose([Facts(project, [high, medium, critical], pulse)], Week, Since, Now);

        var section = Assert.Single(digest.Projects);
        Assert.Equal((DigestRag.Red, ProjectPhase.Planning, 45), (section.Rag, section.Phase, section.DaysToGoLive));
        Assert.Contains(section.Reasons, r => r is RagReason.MilestoneLate { Milestone.Value: "Build" });
        Assert.Contains(section.Reasons, r => r is RagReason.RiskOpen { Risk: "EHR-R1" });

        // PV = 200k × 40/100 = 80k (Build planned by today); EV = 0 (nothing done); AC = 50k: SPI 0, CPI 0.
        Assert.Equal(0m, section.Spi.Value);
        Assert.Equal(0m, section.Cpi.Value);
        Assert.Equal([new DueMilestone("Testing", Today.AddDays(10), 0)], section.DueSoon);
        Assert.Equal([new DueMilestone("Build", Today.AddDays(-20), 20)], section.Missed);

        // 30 of 40 answered; blocked share 10 % → 20 %: worse by more than 5 points.
        Assert.Equal(new CheckInLine(40, 30, 0.75m, CheckInTrend.Worsening), section.CheckIns);
        Assert.Null(section.Readiness);

        // High and critical only, highest first; the escalated one waits on the sponsor (level 1), the other on its owner.
        Assert.Equal(
            [
                ("EHR-R1", new DigestPerson(Cio, "Dr. Marcus Lee"), DigestWait.Acknowledgement, 1),
                ("EHR-R2", new DigestPerson(Nurse, "Nina Patel"), DigestWait.Mitigation, 0)],
            section.Risks.Select(r => (r.Id.ToString(), r.WaitingOn, r.WaitingFor, r.EscalationLevel)));

        // (16.5 − 18) ÷ (12 − 18) = 0.25
        var kpi = Assert.Single(section.Kpis);
        Assert.Equal((16.5m, 12m, 0.25m), (kpi.Latest, kpi.Target, kpi.Progress.Value));
        Assert.Equal(1, digest.ByRag[DigestRag.Red]);
        Assert.Equal([new ProjectWeekSnapshot(project.Code, Week, Rag.Red)], digest.Snapshots);
    }

    [Fact]
    public void Missing_data_is_said_to_be_missing_never_zero()
    {
        var project = NewProject("PACS");
        project.AddKpi(new Kpi(Guarded.From("Turnaround"), Guarded.From("h"), 24, 12, KpiDirection.LowerIsBetter));

        var digest = DigestComposer.Compose([new DigestProjectFacts(project, [], null, null, null)], Week, Since, Now);

        var section = Assert.Single(digest.Projects);
        Assert.Equal(DigestRag.Unknown, section.Rag);
        Assert.False(section.Spi.IsDefined);
        Assert.NotNull(section.Spi.UndefinedBecause);
        Assert.False(section.Cpi.IsDefined);
        Assert.Null(section.CheckIns);
        Assert.Null(section.Readiness);
        var kpi = Assert.Single(section.Kpis);
        Assert.Null(kpi.Latest);
        Assert.Equal(RatioUndefined.NoMeasurement, kpi.Progress.UndefinedBecause);
        Assert.Equal([project.Code], digest.NoRecordOfLastWeek);
        Assert.False(digest.RagChangesKnown);
        Assert.Equal(1, digest.ByRag[DigestRag.Unknown]);
        Assert.Null(Assert.Single(digest.Snapshots).Rag);
    }

    [Theory]
    [InlineData(0, 0, null, CheckInTrend.NoAnswers, null)]
    [InlineData(10, 0, null, CheckInTrend.NoAnswers, "0")]
    [InlineData(10, 5, null, CheckInTrend.FirstRound, "0.5")]
    [InlineData(10, 5, 0.30, CheckInTrend.Improving, "0.5")]
    [InlineData(10, 5, 0.22, CheckInTrend.Steady, "0.5")]
    [InlineData(10, 5, 0.10, CheckInTrend.Worsening, "0.5")]
    public void The_check_in_line_reads_rate_and_trend(int audience, int answered, double? previous, CheckInTrend trend, string? rate)
    {
        var pulse = new CheckInPulse("r", audience, answered, answered == 0 ? null : 0.2m, previous is { } p ? (decimal)p : null);

        var line = DigestComposer.Compose([Facts(OnPlan("EHR"), checkIns: pulse)], Week, Since, Now).Projects[0].CheckIns!;

        Assert.Equal(trend, line.Trend);
        Assert.Equal(rate is null ? null : decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), line.ResponseRate);
    }

    [Fact]
    public void An_anonymous_round_whose_share_is_withheld_reads_as_not_shown_not_as_nobody_answering()
    {
        var pulse = new CheckInPulse("r", 8, 3, null, 0.2m);

        var line = DigestComposer.Compose([Facts(OnPlan("EHR"), checkIns: pulse)], Week, Since, Now).Projects[0].CheckIns!;

        Assert.Equal((CheckInTrend.NotShown, 3), (line.Trend, line.Answered));
    }

    [Fact]
    public void Sixty_projects_come_most_urgent_first_and_add_up()
    {
        var facts = new List<DigestProjectFacts>();
        for (var i = 0; i < 60; i++)
        {
            var project = i % 4 == 3 ? NewProject($"P{i:D2}") : OnPlan($"P{i:D2}");
            if (i % 4 == 0)
            {
                project.AddMilestone(new Milestone(Guarded.From("Late"), Today.AddDays(-(i + 1)), 1)); // 1–13 days amber, 14+ red
            }

            facts.Add(Facts(project));
        }

        var digest = DigestComposer.Compose(facts, Week, Since, Now);

        Assert.Equal(60, digest.Projects.Count);
        Assert.Equal(60, digest.ByRag.Values.Sum());
        Assert.Equal(digest.Projects.Select(p => p.Rag).Order(), digest.Projects.Select(p => p.Rag));
        var red = digest.Projects.TakeWhile(p => p.Rag == DigestRag.Red).ToList();
        Assert.Equal(red.OrderByDescending(p => p.Missed.Max(m => m.DaysLate)).Select(p => p.Code), red.Select(p => p.Code));
        Assert.Equal(15, digest.ByRag[DigestRag.Unknown]);
        Assert.Equal(30, digest.ByRag[DigestRag.Green]);
        Assert.Equal(15, digest.ByRag[DigestRag.Red] + digest.ByRag[DigestRag.Amber]);
    }

    [Fact]
    public void What_changed_is_read_from_the_weeks_typed_history()
    {
        var project = OnPlan("EHR");
        project.AddMilestone(new Milestone(
            Guarded.From("Interfaces"),
            Today.AddDays(-3),
            10));                          // slipped this week
        project.AddMilestone(new Milestone(
            Guarded.From("Old slip"),
            Today.AddDays(-20),
            1));                           // slipped weeks ago: not news
        project.AddMilestone(new Milestone(
            Guarded.From("Conversion"),
            Today.AddDays(-4),
            10,
            Today.AddDays(-2)));      // done this week, 2 days late
        project.AddMilestone(new Milestone(
            Guarded.From("Long done"),
            Today.AddDays(-30),
            1,
            Today.AddDays(-9)));       // done last week: not news
        project.SetEscalation([Cio], TimeSpan.FromHours(4), false);
        var old = LoggedRisk(project.Code, 1, 4, 5, Since.AddHours(-1));                                   // logged before the week
        old.Escalate(1, new EscalationReason.CriticalRisk(), Since.AddHours(2));
        old.Acknowledge(Cio, Since.AddHours(3));
        var fresh = LoggedRisk(project.Code, 2, 3, 4, Now.AddDays(-1));
        var closed = LoggedRisk(project.Code, 3, 2, 2, Since.AddDays(-10));
        closed.Close(Pm, Now.AddDays(-2));

        var readiness = new ReadinessInput(
            "Wave 2",
            Now.AddDays(-3),
            0.62m,
            AdkarElement.Knowledge,
            new ReadinessInput("Wave 1", Since.AddDays(-30), 0.55m, AdkarElement.Awareness, null));

        var digest = DigestComposer.Compose(
            [Facts(
                project,
                [old, fresh, closed],
                readiness: readiness,
                lastWeek: new ProjectWeekSnapshot(project.Code, Week.Previous, Rag.Green))],
            Week,
            Since,
            Now);

        DigestChange[] expected =
        [
            new DigestChange.RagChanged(project.Code, DigestRag.Green, DigestRag.Red),
            new DigestChange.MilestoneCompleted(project.Code, Guarded.From("Conversion"), Today.AddDays(-4), Today.AddDays(-2)),
            new DigestChange.MilestoneSlipped(project.Code, Guarded.From("Interfaces"), Today.AddDays(-3)),
            new DigestChange.RiskEscalated(old.Id, Guarded.From("Risk 1"), Since.AddHours(2), 1, new DigestPerson(Cio, "Dr. Marcus Lee")),
            new DigestChange.RiskAcknowledged(old.Id, Guarded.From("Risk 1"), Since.AddHours(3), new DigestPerson(Cio, "Dr. Marcus Lee")),
            new DigestChange.ReadinessMoved(project.Code, readiness),
            new DigestChange.RiskClosed(closed.Id, Guarded.From("Risk 3"), Now.AddDays(-2), new DigestPerson(Pm, "Priya Shah")),
            new DigestChange.RiskLogged(fresh.Id, Guarded.From("Risk 2"), Now.AddDays(-1), new RiskRating(3, 4)),
        ];
        Assert.Equal(expected, digest.Changes);
        Assert.Equal(
            [
                DigestChangeKind.RagChanged,
                DigestChangeKind.MilestoneCompleted,
                DigestChangeKind.MilestoneSlipped,
                DigestChangeKind.RiskEscalated,
                DigestChangeKind.RiskAcknowledged,
                DigestChangeKind.ReadinessMoved,
                DigestChangeKind.RiskClosed,
                DigestChangeKind.RiskLogged],
            digest.Changes.Select(c => c.Kind));
        Assert.Equal(2, Assert.IsType<DigestChange.MilestoneCompleted>(digest.Changes[1]).DaysLate);
        Assert.True(digest.RagChangesKnown);
    }

    [Fact]
    public void A_readiness_wave_is_news_the_week_it_closes_and_only_when_it_moved()
    {
        var wave1 = new ReadinessInput("Wave 1", Since.AddDays(-20), 0.40m, AdkarElement.Knowledge, null);
        bool IsNews(ReadinessInput readiness) =>
            DigestComposer.Compose(
                [Facts(OnPlan("EHR"), readiness: readiness)],
                Week,
                Since,
                Now).Changes.Where(c => c.Kind == DigestChangeKind.ReadinessMoved)
                .SequenceEqual([new DigestChange.ReadinessMoved(new ProjectCode("EHR"), readiness)]);

        Assert.True(IsNews(new ReadinessInput("Pilot", Now.AddHours(-1), null, null, null)));
        Assert.True(IsNews(wave1 with { ClosedAt = Since.AddMinutes(1) }));
        Assert.False(IsNews(wave1));
        Assert.False(IsNews(new ReadinessInput("Wave 2", Now.AddDays(-1), 0.40m, AdkarElement.Knowledge, wave1)));
        Assert.True(IsNews(new ReadinessInput("Wave 2", Now.AddDays(-1), 0.40m, AdkarElement.Ability, wave1)));
        Assert.True(IsNews(new ReadinessInput("Wave 2", Now, 0.55m, AdkarElement.Knowledge, wave1)));
        Assert.False(IsNews(new ReadinessInput("Wave 2", Since, 0.55m, AdkarElement.Knowledge, wave1)));
    }

    [Fact]
    public void The_same_facts_and_clock_give_the_same_digest()
    {
        var facts = new[] { Facts(OnPlan("BB")), Facts(NewProject("AA")), Facts(
            OnPlan("CC"),
            [LoggedRisk(new ProjectCode("CC"), 1, 5, 5, Now.AddHours(-1))]) };

        var first = DigestComposer.Compose(facts, Week, Since, Now);
        var second = DigestComposer.Compose([.. facts.Reverse()], Week, Since, Now);

        Assert.Equal(first.Projects.Select(p => p.Code), second.Projects.Select(p => p.Code));
        Assert.Equal(first.Changes, second.Changes);
        Assert.Equal(first.Snapshots, second.Snapshots);
        Assert.Equal(["CC", "AA", "BB"], first.Projects.Select(p => p.Code.Value));
    }

    [Fact]
    public void Across_the_autumn_change_the_week_runs_from_the_previous_monday_seven_oclock_local()
    {
        // Chicago: Monday 26 October 07:00 CDT = 12:00 UTC; Monday 2 November 07:00 CST = 13:00 UTC (7 days and 1 hour).
        var subscription = DigestSubscription.New(new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"), Cio, "America/Chicago").With(null);
        var now = new DateTimeOffset(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
        var since = subscription.OccurrenceIn(subscription.WeekOf(now).Previous);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 12, 0, 0, TimeSpan.Zero), since);

        var project = OnPlan("EHR");
        var inTheExtraHour = LoggedRisk(project.Code, 1, 4, 4, since.AddMinutes(30));
        var beforeLastDigest = LoggedRisk(project.Code, 2, 4, 4, since.AddMinutes(-1));

        var digest = DigestComposer.Compose(
            [Facts(project, [inTheExtraHour, beforeLastDigest])],
            IsoWeek.Of(new DateOnly(2026, 11, 2)),
            since,
            now);

        Assert.Equal(
            [new DigestChange.RiskLogged(inTheExtraHour.Id, Guarded.From("Risk 1"), since.AddMinutes(30), new RiskRating(4, 4))],
            digest.Changes.Where(c => c.Kind == DigestChangeKind.RiskLogged));
    }

    [Fact]
    public void The_digest_holds_values_and_no_words_of_its_own()
    {
        // Every kind of change, and risks waiting for an owner, a mitigation and an acknowledgement; someone
        // who left the project is named by nobody's words, only by the absence of a name.
        var gone = new PersonId("44444444-4444-4444-4444-444444444444");
        var project = OnPlan("EHR");
        project.AddMilestone(new Milestone(Guarded.From("Interfaces"), Today.AddDays(-3), 10));
        project.AddMilestone(new Milestone(Guarded.From("Conversion"), Today.AddDays(-4), 10, Today.AddDays(-2)));
        project.SetEscalation([Cio], TimeSpan.FromHours(4), false);
        var escalated = LoggedRisk(project.Code, 1, 5, 5, Now.AddDays(-2));
        escalated.Escalate(1, new EscalationReason.CriticalRisk(), Now.AddDays(-2));
        var owned = LoggedRisk(project.Code, 2, 3, 4, Now.AddDays(-2), owner: gone);
        var unowned = LoggedRisk(project.Code, 3, 4, 4, Now.AddDays(-2));
        var acknowledged = LoggedRisk(project.Code, 4, 2, 2, Since.AddDays(-10));
        acknowledged.Escalate(1, new EscalationReason.CriticalRisk(), Since.AddDays(-10));
        acknowledged.Acknowledge(Cio, Now.AddDays(-1));
        var accepted = LoggedRisk(project.Code, 5, 2, 2, Since.AddDays(-10));
        accepted.Accept(Guarded.From("Vendor patch due in January"), gone, Now.AddDays(-1));
        var closed = LoggedRisk(project.Code, 6, 2, 2, Since.AddDays(-10));
        closed.Close(Pm, Now.AddDays(-1));
        var readiness = new ReadinessInput(
            "Wave 2",
            Now.AddDays(-1),
            0.5m,
            AdkarElement.Ability,
            new ReadinessInput("Wave 1", Since.AddDays(-30), 0.4m, null, null));

        var digest = DigestComposer.Compose(
            [Facts(project, [escalated, owned, unowned, acknowledged, accepted, closed], readiness: readiness)],
            Week,
            Since,
            Now);

        Assert.Equal(Enum.GetValues<DigestChangeKind>(), digest.Changes.Select(c => c.Kind).Distinct().Order());
        var risks = digest.Projects.Single().Risks;
        Assert.Equal([DigestWait.Acknowledgement, DigestWait.Owner, DigestWait.Mitigation], risks.Select(r => r.WaitingFor));
        Assert.Equal(new DigestPerson(gone, null), risks.Single(r => r.WaitingFor == DigestWait.Mitigation).WaitingOn);
        Assert.Equal(new DigestPerson(gone, null), digest.Changes.OfType<DigestChange.RiskAccepted>().Single().By);

        // Every string it holds is a code, an id or a name the facts gave it.
        string[] given =
        [
            "EHR", Pm.Value, Cio.Value, gone.Value, "Priya Shah", "Dr. Marcus Lee", "Interfaces", "Conversion", "Wave 1", "Wave 2",
            .. Enumerable.Range(1, 6).Select(n => $"Risk {n}"),
        ];
        var held = Strings(digest.Changes).Concat(Strings(risks)).Distinct().ToList();
        Assert.Contains("Risk 5", held);
        Assert.All(held, s => Assert.Contains(s, given));
    }

    // The strings reachable from a value through the domain's public properties.
    private static IEnumerable<string> Strings(object? value) => value switch
    {
        null => [],
        string text => [text],
        System.Collections.IEnumerable items => items.Cast<object?>().SelectMany(Strings),
        _ when value.GetType() is { IsEnum: false, Namespace: { } space } type
            && space.StartsWith("HealthItPm.Domain", StringComparison.Ordinal) =>
            type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .SelectMany(p => Strings(p.GetValue(value))),
        _ => [],
    };

    [Fact]
    public void A_gate_shows_its_recommendation_the_criteria_changed_since_last_week_and_the_last_decision()
    {
        var project = OnPlan("EHR");
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), Pm, Today.AddDays(-10));
        var first = gate.Criteria.First(c => !c.IsComputed).Number;
        gate.Attest(first, Pm, AttestedState.Met, Guarded.From("Drill passed"), Today.AddDays(-1));
        var scorecard = Scorecard.Of(gate, new GateFacts(project, Today, [], null, null));
        // Last week every criterion stood as now but the attested one, not known then; the last was not on the gate.
        var newcomer = scorecard.Criteria[^1];
        var kept = scorecard.Criteria.SkipLast(1)
            .Select(c => new KeptCriterion(c.Criterion.Number, c.Criterion.Number == first ? CriterionState.Unknown : c.State))
            .ToList();
        var lastWeek = new ProjectWeekSnapshot(project.Code, Week.Previous, Rag.Green, kept);
        var facts = new DigestProjectFacts(
            project, [], null, null, lastWeek, new GateFactsForDigest(scorecard, VoteChoice.NoGo, Now.AddDays(-2)));

        var digest = DigestComposer.Compose([facts], Week, Since, Now);

        var line = Assert.Single(digest.Projects).Gate!;
        Assert.Equal((Recommendation.NoGo, 45), (line.Recommendation, line.DaysToGo));
        var expected = new (int, CriterionState?, CriterionState)[]
        {
            (first, CriterionState.Unknown, CriterionState.Met),
            (newcomer.Criterion.Number, null, newcomer.State),
        };
        Assert.Equal(expected, line.Changed!.Select(m => (m.Criterion.Number, m.Before, m.After)));
        Assert.Equal((VoteChoice.NoGo, Now.AddDays(-2)), (line.LastDecision, line.DecidedAt));
        Assert.Equal(scorecard.Criteria.Count, Assert.Single(digest.Snapshots).Gate!.Count);

        var unknown = DigestComposer.Compose(
            [facts with { LastWeek = lastWeek with { Gate = null } }, new DigestProjectFacts(NewProject("PACS"), [], null, null, null)],
            Week, Since, Now);
        Assert.Null(unknown.Projects.Single(p => p.Code.Value == "EHR").Gate!.Changed);
        Assert.Null(unknown.Projects.Single(p => p.Code.Value == "PACS").Gate);
    }
}
