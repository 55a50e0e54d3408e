using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>Digests for the card checks: empty, one project, six, and 60 projects at their largest (long names, every section full).</summary>
public static class DigestFixtures
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 13, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly IsoWeek Week = IsoWeek.Of(Today);
    private static readonly PersonId Pm = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static readonly PersonId Cio = new("886313e1-3b8a-4372-9b90-0c9aee199e5d");
    private static readonly PersonId Nurse = new("1b4e28ba-2fa1-41d2-883f-0016d3cca427");

    public static PortfolioDigest Empty() => DigestComposer.Compose([], Week, Now.AddDays(-7), Now);

    public static PortfolioDigest Portfolio(int projects, bool readiness = true) =>
        DigestComposer.Compose([.. Enumerable.Range(0, projects).Select(i => Facts(i, readiness))], Week, Now.AddDays(-7), Now);

    private static DigestProjectFacts Facts(int i, bool readiness)
    {
        var code = new ProjectCode($"P{i:D3}X");
        var project = Project.Create(code, Guarded.From($"Project {i}: *Epic* ambulatory <b>go-live</b> wave {i} with a long name for the card"[..Project.MaxNameLength]), ProjectKind.Ehr,
            new ProjectSchedule(Today.AddDays(-200), Today.AddDays(30 + i), Today.AddDays(200)), "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today.AddDays(-200));
        project.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        project.AddMember(new ProjectMember(Nurse, "Nina Patel (RN)", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        project.SetEscalation([Cio], TimeSpan.FromHours(4), false);
        if (i % 5 != 4)
        {
            project.SetBudget(1_000_000);
            project.AddMilestone(new Milestone(Guarded.From("Design sign-off"), Today.AddDays(-60), 20, Today.AddDays(-58)));
            project.AddMilestone(new Milestone(Guarded.From("Interface build & testing"), Today.AddDays(-(i % 20)), 20));
            project.AddMilestone(new Milestone(Guarded.From("Conversion dress rehearsal"), Today.AddDays(-3), 20, i % 2 == 0 ? Today.AddDays(-1) : null));
            project.AddMilestone(new Milestone(Guarded.From("Super-user training"), Today.AddDays(5), 20));
            project.AddMilestone(new Milestone(Guarded.From("Go-live readiness review"), Today.AddDays(12), 20));
            project.RecordSpend(new SpendEntry(300_000 + (i * 5_000), Today.AddDays(-10), null), Today);
            project.AddKpi(new Kpi(Guarded.From("Medication scanning compliance"), Guarded.From("%"), 80, 98, KpiDirection.HigherIsBetter, [new KpiMeasurement(Today.AddDays(-2), 91)]));
            project.AddKpi(new Kpi(Guarded.From("Clinic no-show rate"), Guarded.From("%"), 18, 12, KpiDirection.LowerIsBetter));
        }

        var risks = new List<Risk>();
        for (var n = 1; n <= i % 4; n++)
        {
            var risk = Risk.Log(new RiskId(code, n), Guarded.From($"Interface engine vendor late on <script> feed {n}"), null, RiskCategory.Vendor, new RiskRating(4, 3 + (n % 3)), n % 2 == 0 ? Nurse : null, null, null, Pm, Now.AddDays(-n));
            if (risk.Rating.Band == RiskBand.Critical)
            {
                risk.Escalate(1, new EscalationReason.CriticalRisk(), Now.AddDays(-n).AddMinutes(1));
            }

            risks.Add(risk);
        }

        var pulse = i % 3 == 0 ? null : new CheckInPulse("r", 200, 120 + i, 0.1m + (i % 4 * 0.05m), 0.15m);
        var wave = readiness && i % 2 == 0 ? new ReadinessInput("Wave 2 (pre go-live)", Now.AddDays(-2), 0.62m, AdkarElement.Knowledge, i % 4 == 0 ? null : new ReadinessInput("Wave 1", Now.AddDays(-40), 0.66m, AdkarElement.Awareness, null)) : null;
        // Every project with a go-live gate from the EHR template: last week every criterion met (so each not met now changed),
        // none kept for every seventh; a decision taken on every other.
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(30 + i), Pm, Today.AddDays(-30));
        var scorecard = Scorecard.Of(gate, new GateFacts(project, Today, [], null, null));
        var kept = scorecard.Criteria.Select(c => new KeptCriterion(c.Criterion.Number, CriterionState.Met)).ToList();
        var decided = i % 2 == 0 ? (VoteChoice?)VoteChoice.GoWithConditions : null;
        return new DigestProjectFacts(
            project, risks, pulse, wave,
            i % 7 == 0 ? null : new ProjectWeekSnapshot(code, Week.Previous, i % 3 == 0 ? Rag.Green : Rag.Amber, kept),
            new GateFactsForDigest(scorecard, decided, decided is null ? null : Now.AddDays(-3)));
    }
}
