using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>Go-live scorecards built by the real builder: a fresh EHR gate, and the largest one (60 criteria, longest words).</summary>
internal static class GoLiveFixtures
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("11111111-1111-1111-1111-111111111111");

    /// <summary>The EHR template as set 45 days out, nothing known yet: a PM's view.</summary>
    public static JObject FreshEhr()
    {
        var project = CardFixtures.Project();
        var gate = GoLiveGate.FromTemplate(project, Today.AddDays(45), project.ProjectManagers.First().Person, Today);
        return ScorecardCard.Build(new ScorecardModel(project, Scorecard.Of(gate, new GateFacts(project, Today, [], null, null)), CanManage: true));
    }

    /// <summary>
    /// 60 criteria with names, evidence and subjects at their longest, six departments below the readiness threshold, ten
    /// critical items with the longest titles and four checkpoints kept: the largest scorecard, as a stakeholder sees it.
    /// </summary>
    public static JObject Largest()
    {
        var project = CardFixtures.Project();
        var owner = project.Members.OrderByDescending(m => m.DisplayName.Length).First().Person;
        var criteria = new List<GateCriterion>();
        var measures = Enum.GetValues<Measure>();
        for (var n = 1; n <= GoLiveGate.MaxCriteria; n++)
        {
            var computed = n % 3 == 0;
            var measure = computed ? measures[n / 3 % measures.Length] : (Measure?)null;
            criteria.Add(new GateCriterion(
                n,
                (GateGroup)(n % Enum.GetValues<GateGroup>().Length),
                null,
                Guarded.From(("Criterion " + n + " lab results round-trip verified in every unit ").PadRight(GateCriterion.MaxNameLength, 'x')
                    [..GateCriterion.MaxNameLength]),
                n % 2 == 0 ? Importance.Must : Importance.Should,
                owner,
                measure,
                measure is { } m ? GateCriterion.DefaultThreshold(m) ?? 12 : null,
                measure is Measure.KpiAtOrPast ? Guarded.From("No-show rate") : null,
                14,
                computed ? null : new Attestation(
                    (AttestedState)(n % 3),
                    Guarded.From(new string('e', Attestation.MaxEvidenceLength))!,
                    Today.AddDays(-(n % 20)),
                    owner)));
        }

        var gate = GoLiveGate.Restore(new GateState(
            project.Code, Today.AddDays(45), Today.AddDays(-100), GoLiveGate.DefaultCheckpointDays, criteria, [], criteria.Count));
        var departments = Enumerable.Range(1, 6).Select(i => new DepartmentReadiness(new string('D', 60), 10, 5)).ToList();
        var risks = Enumerable.Range(1, 10).Select(i => Risk.Log(
            new RiskId(project.Code, i),
            Guarded.From(new string('T', Risk.MaxTitleLength))!,
            null,
            RiskCategory.PatientSafety,
            new RiskRating(5, 5),
            owner,
            null,
            null,
            Pm,
            new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero))).ToList();
        var facts = new GateFacts(project, Today, risks, new GateReadiness("Pre go-live", 60, 30, departments), new GateCheckIn("r", 50, 9, 7));
        foreach (var days in new[] { 90, 60, 30, 7 })
        {
            gate.Keep(days, Scorecard.Of(gate, facts), Today);
        }

        return ScorecardCard.Build(new ScorecardModel(project, Scorecard.Of(gate, facts), CanManage: false));
    }

    /// <summary>The status card with the gate's recommendation in its line.</summary>
    public static JObject StatusWithGate() =>
        Features.Projects.StatusCard.Build(Features.Projects.StatusModel.From(CardFixtures.Project(), Today, []) with
        {
            GoLive = Recommendation.GoWithConditions,
            GoLiveDaysToGo = 45,
        });

    /// <summary>The notice a project without a gate answers <c>golive status</c> with.</summary>
    public static JObject NoGate() => GoLiveForm.Scorecard(
        new Outcome<GateView>.NotFound(Problem.NoGateYet(new ProjectCode("EHR"))),
        new Bot.Teams.Caller(new TenantId("7f1c2a3e-0d4b-4c5a-9e8f-1a2b3c4d5e6f"), CardFixtures.Pm, "Priya Shah"),
        new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>()),
        CardFixtures.Project());
}
