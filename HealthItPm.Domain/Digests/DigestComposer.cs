using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Digests;

/// <summary>
/// Composes a leader's weekly digest from stored facts only, the same way for the same facts and the
/// same moment. Rules:
/// <list type="bullet">
/// <item>Each project's status is its RAG as the status card computes it (risks included), as of the
/// project's own date; a project with not enough data is <see cref="DigestRag.Unknown"/>, never green.</item>
/// <item>Most urgent first: red, amber, unknown, green; then more critical risks, then the longest
/// overdue milestone, then the project code.</item>
/// <item>Milestones due soon: open, planned from today to 14 days ahead; missed: open, planned before today.</item>
/// <item>Check-in trend: the share answering "blocked" in the latest round against the round before,
/// moving by more than <see cref="TrendThreshold"/> (5 points) improving or worsening, else steady.</item>
/// <item>Risks shown: open, high or critical, highest score first. An escalated risk not yet
/// acknowledged waits on the leader at its level of the chain; any other waits on its owner.</item>
/// <item>What changed: since the previous digest (<c>since</c>, the leader's previous local day and hour, so a
/// daylight-saving week is 7 days ± 1 hour long and nothing falls between two digests). Risks logged, escalated, acknowledged,
/// accepted or closed (from the risks' typed history); milestones done in the week, and milestones
/// whose planned date passed in the week while open (slipped); a readiness wave that closed in the week,
/// against the wave before it (share without a barrier, dominant barrier); RAG against the snapshot stored
/// with last week's digest — when there is none, the digest says so rather than guess.</item>
/// <item>A project with a go-live gate: the gate's recommendation and days to go, the criteria whose state differs from
/// the states kept with last week's digest, and the panel's last decision (its date and result).</item>
/// </list>
/// </summary>
public static class DigestComposer
{
    public const int DueSoonDays = 14;

    public const decimal TrendThreshold = 0.05m;

    public static PortfolioDigest Compose(IReadOnlyList<DigestProjectFacts> facts, IsoWeek week, DateTimeOffset since, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sections = facts.Select(f => (Facts: f, Section: Section(f, now))).ToList();
        var ordered = sections
            .OrderBy(s => s.Section.Rag)
            .ThenByDescending(s => s.Section.Risks.Count(r => r.Rating.Band == RiskBand.Critical))
            .ThenByDescending(s => s.Section.Missed.Select(m => m.DaysLate).DefaultIfEmpty(0).Max())
            .ThenBy(s => s.Section.Code.Value, StringComparer.Ordinal)
            .ToList();

        var changes = new List<DigestChange>();
        var unknown = new List<ProjectCode>();
        foreach (var (f, section) in ordered)
        {
            if (f.LastWeek is { } last)
            {
                var before = last.Rag is { } r ? Of(r) : DigestRag.Unknown;
                if (before != section.Rag)
                {
                    changes.Add(new DigestChange.RagChanged(section.Code, before, section.Rag));
                }
            }
            else
            {
                unknown.Add(section.Code);
            }

            if (ReadinessMove(section.Code, f.Readiness, since, now) is { } move)
            {
                changes.Add(move);
            }

            changes.AddRange(RiskChanges(f, since, now));
            changes.AddRange(MilestoneChanges(f.Project, since, now));
        }

        var byRag = Enum.GetValues<DigestRag>().ToDictionary(r => r, r => ordered.Count(s => s.Section.Rag == r));
        return new PortfolioDigest(
            week,
            now,
            byRag,
            [.. ordered.Select(s => s.Section)],
            [.. changes.OrderBy(c => c.At.HasValue)
                .ThenBy(c => c.At)
                .ThenBy(c => c.Project.Value, StringComparer.Ordinal)
                .ThenBy(c => c.Kind)],
            unknown,
            [.. ordered.Select(s => new ProjectWeekSnapshot(
                s.Section.Code,
                week,
                s.Section.Rag == DigestRag.Unknown ? null : To(s.Section.Rag),
                s.Facts.Gate?.Scorecard.Criteria.Select(c => new KeptCriterion(c.Criterion.Number, c.State)).ToList()))]);
    }

    private static ProjectDigest Section(DigestProjectFacts facts, DateTimeOffset now)
    {
        var project = facts.Project;
        var today = ProjectCalendar.DateOf(now, project.TimeZone);
        var open = facts.Risks.Where(r => r.IsOpen).ToList();
        var health = project.Health(today, [.. open.Select(r => r.AsOpenRisk())]);
        var ev = project.EarnedValue(today);
        var openMilestones = project.Milestones.Where(m => !m.IsDone)
            .OrderBy(m => m.PlannedDate)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        return new ProjectDigest(
            project.Code,
            project.Name,
            project.Phase,
            health.EnoughData ? Of(health.Status) : DigestRag.Unknown,
            [.. health.Findings.Select(f => f.Reason)],
            project.Schedule.GoLive,
            project.Schedule.DaysToGoLive(today),
            ev.Spi,
            ev.Cpi,
            [.. openMilestones.Where(m => m.PlannedDate >= today && m.PlannedDate <= today.AddDays(DueSoonDays))
                .Select(m => new DueMilestone(m.Name, m.PlannedDate, 0))],
            [.. openMilestones.Where(m => m.PlannedDate < today).Select(m => new DueMilestone(m.Name, m.PlannedDate, m.DaysLate(today)))],
            facts.CheckIns is { } pulse ? CheckIns(pulse) : null,
            facts.Readiness,
            [.. open.Where(r => r.Rating.Band is RiskBand.High or RiskBand.Critical)
                .OrderByDescending(r => r.Rating.Score)
                .ThenBy(r => r.Id.Number)
                .Select(r => Risk(project, r))],
            [.. project.Kpis.Select(k => new DigestKpi(k.Name, k.Unit, k.Latest?.Value, k.Target, k.Progress))],
            facts.Gate is { } gate ? Gate(gate, facts.LastWeek) : null);
    }

    /// <summary>
    /// The gate's line: the recommendation now, the criteria whose state differs from last week's snapshot (in number order;
    /// none known when last week's snapshot kept no gate), and the last decision.
    /// </summary>
    private static GateLine Gate(GateFactsForDigest gate, ProjectWeekSnapshot? lastWeek)
    {
        var scorecard = gate.Scorecard;
        var before = lastWeek?.Gate?.ToDictionary(k => k.Number, k => k.State);
        var changed = before is null ? null : scorecard.Criteria
            .Where(c => !before.TryGetValue(c.Criterion.Number, out var was) || was != c.State)
            .Select(c => new GateMove(c.Criterion, before.TryGetValue(c.Criterion.Number, out var was) ? was : null, c.State))
            .ToList();
        return new GateLine(scorecard.Recommendation, scorecard.DaysToGo, changed, gate.LastDecision, gate.DecidedAt);
    }

    private static CheckInLine CheckIns(CheckInPulse pulse)
    {
        var trend = pulse.Answered == 0 ? CheckInTrend.NoAnswers
            : pulse.BlockedShare is not { } share ? CheckInTrend.NotShown
            : pulse.PreviousBlockedShare is not { } previous ? CheckInTrend.FirstRound
            : share - previous > TrendThreshold ? CheckInTrend.Worsening
            : previous - share > TrendThreshold ? CheckInTrend.Improving
            : CheckInTrend.Steady;
        return new CheckInLine(
            pulse.Audience,
            pulse.Answered,
            pulse.Audience == 0 ? null : (decimal)pulse.Answered / pulse.Audience,
            trend);
    }

    private static DigestRisk Risk(Project project, Risk risk)
    {
        var chain = project.EscalationChain;
        var (waitingOn, waitingFor) = risk is { Status: RiskStatus.Escalated, Acknowledged: null } && risk.EscalationLevel <= chain.Count
            ? (Person(project, chain[risk.EscalationLevel - 1]), DigestWait.Acknowledgement)
            : risk.Owner is { } owner ? (Person(project, owner), DigestWait.Mitigation)
            : ((DigestPerson?)null, DigestWait.Owner);
        return new DigestRisk(
            risk.Id,
            risk.Title,
            risk.Rating,
            risk.Status,
            risk.Acknowledged is not null,
            risk.EscalationLevel,
            waitingOn,
            waitingFor);
    }

    private static DigestPerson? LeaderAt(Project project, int? level) =>
        level is { } l && l >= 1 && l <= project.EscalationChain.Count ? Person(project, project.EscalationChain[l - 1]) : null;

    private static DigestChange.ReadinessMoved? ReadinessMove(
        ProjectCode code,
        ReadinessInput? wave,
        DateTimeOffset since,
        DateTimeOffset now)
    {
        if (wave is null || wave.ClosedAt <= since || wave.ClosedAt > now)
        {
            return null;
        }

        // A first wave is news; a later one only when its share or its dominant barrier moved.
        return wave.Previous is { } before
            && before.ShareWithoutBarrier == wave.ShareWithoutBarrier
            && before.DominantBarrier == wave.DominantBarrier
            ? null
            : new DigestChange.ReadinessMoved(code, wave);
    }

    private static IEnumerable<DigestChange> RiskChanges(DigestProjectFacts facts, DateTimeOffset from, DateTimeOffset now)
    {
        foreach (var risk in facts.Risks)
        {
            foreach (var e in risk.History.Where(e => e.At > from && e.At <= now))
            {
                var who = e.By is { } by ? Person(facts.Project, by) : null;
                DigestChange? change = e.Kind switch
                {
                    RiskEventKind.Logged => new DigestChange.RiskLogged(risk.Id, risk.Title, e.At, e.RatingAfter),
                    RiskEventKind.Escalated => new DigestChange.RiskEscalated(
                        risk.Id,
                        risk.Title,
                        e.At,
                        e.LevelAfter,
                        LeaderAt(facts.Project, e.LevelAfter)),
                    RiskEventKind.Acknowledged => new DigestChange.RiskAcknowledged(risk.Id, risk.Title, e.At, who),
                    RiskEventKind.StatusChanged when e.StatusAfter == RiskStatus.Accepted => new DigestChange.RiskAccepted(
                        risk.Id,
                        risk.Title,
                        e.At,
                        who),
                    RiskEventKind.StatusChanged when e.StatusAfter == RiskStatus.Closed => new DigestChange.RiskClosed(
                        risk.Id,
                        risk.Title,
                        e.At,
                        who),
                    _ => null,
                };
                if (change is not null)
                {
                    yield return change;
                }
            }
        }
    }

    private static IEnumerable<DigestChange> MilestoneChanges(Project project, DateTimeOffset since, DateTimeOffset now)
    {
        var today = ProjectCalendar.DateOf(now, project.TimeZone);
        var start = ProjectCalendar.DateOf(since, project.TimeZone);
        foreach (var m in project.Milestones.OrderBy(m => m.PlannedDate).ThenBy(m => m.Name, StringComparer.Ordinal))
        {
            if (m.DoneDate is { } done && done > start && done <= today)
            {
                yield return new DigestChange.MilestoneCompleted(project.Code, m.Name, m.PlannedDate, done);
            }
            else if (!m.IsDone && m.PlannedDate >= start && m.PlannedDate < today)
            {
                yield return new DigestChange.MilestoneSlipped(project.Code, m.Name, m.PlannedDate);
            }
        }
    }

    private static DigestPerson Person(Project project, PersonId person) =>
        new(person, project.Members.FirstOrDefault(m => m.Person == person)?.DisplayName);

    private static DigestRag Of(Rag rag) => rag switch
    {
        Rag.Red => DigestRag.Red,
        Rag.Amber => DigestRag.Amber,
        _ => DigestRag.Green,
    };

    private static Rag To(DigestRag rag) => rag switch
    {
        DigestRag.Red => Rag.Red,
        DigestRag.Amber => Rag.Amber,
        _ => Rag.Green,
    };
}
