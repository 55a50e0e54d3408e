using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Risks;

/// <summary>The risk and concern cards: the register, a risk as each reader sees it, escalation, removal, concerns reported and triaged, and reasons refused or holding PHI.</summary>
public sealed class RiskCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("risk-removal-confirm", typeof(RiskCard), () => RiskCard.ConfirmRemoval(CardFixtures.AcceptedRisk())),
        new("risk-register", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now), RiskViews.Of(CardFixtures.Project(), CardFixtures.LowRisk(), CardFixtures.Now)], canLogRisk: true)),
        new("risk-register-empty", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [], canLogRisk: true)),
        new("risk-escalated-leader-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"]))),
        new("risk-escalated-stakeholder-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, RiskPermissions.None, ["29:cio", "29:pm"]))),
        new("risk-acknowledged-pm-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: true), CardFixtures.Now, new RiskPermissions(false, false, true, false), ["29:cio", "29:pm"]))),
        new("risk-accepted", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.AcceptedRisk(), CardFixtures.Now))),
        new("risk-long-history", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.OftenRatedRisk(), CardFixtures.Now))),
        new("escalation-business-hours", typeof(EscalationCard), () => EscalationCard.Build(EscalationSet())),
        new("escalation-no-leaders", typeof(EscalationCard), () => EscalationCard.Build(CardFixtures.NewProject())),
        new("risk-go-live-scale-owner-list", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.LargeProject(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, new RiskPermissions(true, true, true, true), ["29:cio"]))),
        new("risk-owner-searched-at-500-people", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.LargeProject(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, new RiskPermissions(true, true, true, true), ["29:cio"], ownerSearch: true))),
        new("escalation-leaders-searched-at-500-people", typeof(FormCard), () => FormCard.Build(EscalationLevels(CardFixtures.LargeProject()))),
        new("concern-reported", typeof(ConcernCard), () => ConcernCard.Build(Concern())),
        new("concern-logged", typeof(ConcernCard), () => ConcernCard.Build(Concern().LoggedAs(new RiskId(new ProjectCode("EHR"), 9)))),
        new("concern-dismissed", typeof(ConcernCard), () => ConcernCard.Build(Concern().Dismissed(Guarded.From("Covered by EHR-R3 (night-shift training)")))),
        new("concern-dismissed-reader-may-not-remove", typeof(ConcernCard), () => ConcernCard.Build(Concern().Dismissed(Guarded.From("Covered by EHR-R3")), canRemove: false)),
        new("concern-removal-confirm-both", typeof(ConcernCard), () => ConcernCard.ConfirmRemoval(Concern().Dismissed(Guarded.From("Covered by EHR-R3 (night-shift training)")))),
        new("concern-removal-confirm-reason-left", typeof(ConcernCard), () => ConcernCard.ConfirmRemoval(Concern().Dismissed(Guarded.From("Covered by EHR-R3")).WithoutPatientDetails(RemovableText.Concern)!)),
        new("concern-after-removal", typeof(ConcernCard), () => ConcernCard.Build(Concern().WithoutPatientDetails(RemovableText.Concern)!)),
        new("concern-outcome-after-removal-to-reporter", typeof(ConcernCard), () => ConcernCard.ForReporter(Concern().Dismissed(Guarded.From("Covered by EHR-R3")).WithoutPatientDetails(RemovableText.ConcernDismissReason)!)),
        new("concern-dismiss-without-reason", typeof(FormCard), () => FormCard.Beside(ConcernCard.Build(Concern()), "reason", "A reason for dismissing the concern is required.", "")),
        new("concern-outcome-logged-to-reporter", typeof(ConcernCard), () => ConcernCard.ForReporter(Concern().LoggedAs(new RiskId(new ProjectCode("EHR"), 9)))),
        new("concern-outcome-dismissed-to-reporter", typeof(ConcernCard), () => ConcernCard.ForReporter(Concern().Dismissed(Guarded.From("Covered by **EHR-R3** (night-shift training)")))),
        new("risk-accept-without-reason-leader-view", typeof(FormCard), () => FormCard.Beside(RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"])), "reason", "A reason for accepting the risk is required.", " ")),
        new("risk-accept-reason-with-phi-masked-leader-view", typeof(FormCard), () => FormCard.Beside(RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"])), "reason", ProblemText.Of(Problem.PhiFound(CardFixtures.PhiText, PhiGuard.Scan(CardFixtures.PhiText))), PhiGuard.Mask(CardFixtures.PhiText))),
        new("concern-dismiss-reason-with-phi-masked", typeof(FormCard), () => FormCard.Beside(ConcernCard.Build(Concern()), "reason", ProblemText.Of(Problem.PhiFound(CardFixtures.PhiText, PhiGuard.Scan(CardFixtures.PhiText))), PhiGuard.Mask(CardFixtures.PhiText))),
        new("risk-acknowledged-told-to-pm", typeof(ProjectElements), () => CardBanner.Saved(RiskCard.Build(RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: true), CardFixtures.Now, new RiskPermissions(false, false, true, false), ["29:cio", "29:pm"])), "Dr. Marcus Lee acknowledged EHR-R7.")),
        new("risk-register-acknowledged", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [RiskViews.Of(CardFixtures.Project(), CardFixtures.EscalatedRisk(acknowledged: true), CardFixtures.Now), RiskViews.Of(CardFixtures.Project(), CardFixtures.LowRisk(), CardFixtures.Now)], canLogRisk: true)),
        new("risk-from-concern-with-description", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(CardFixtures.Project(), Risk.Log(new RiskId(new ProjectCode("EHR"), 9), Guarded.From("Night shift has not had downtime training"), Concern().RaisedBy(HealthItPm.Bot.Features.Risks.RiskAddForm.RaisedBy), RiskCategory.Adoption, new RiskRating(3, 3), null, null, null, CardFixtures.Pm, CardFixtures.Now), CardFixtures.Now))),
    ];

    private static Concern Concern() => Domain.Risks.Concern.Raise(new ProjectCode("EHR"), 3, Guarded.From("Night shift has not had *any* downtime training yet"), CardFixtures.Nurse, "Nina Patel (RN)", CardFixtures.Now);

    private static Project EscalationSet()
    {
        var project = CardFixtures.Project();
        project.SetEscalation([CardFixtures.Cio], TimeSpan.FromHours(2), inBusinessHours: true);
        return project;
    }

    /// <summary>The escalation chain's three levels on a project with 500 people and 40 leaders, the chain set.</summary>
    private static FormModel EscalationLevels(Project project)
    {
        for (var i = 0; i < 40; i++)
        {
            project.AddMember(new ProjectMember(new PersonId(new Guid(i, 0x3333, 0x4333, 0x83, 0, 0, 0, 0, 0, 0, 3).ToString()), $"Dr. Leader {i:00} Example, Chief Medical Officer", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        }

        var leaders = project.Members.Where(m => m.Role == ProjectRole.Leader).Select(m => (m.DisplayName, m.Person)).ToList();
        return new FormModel(
            "EHR · Escalation",
            null,
            [.. Enumerable.Range(1, 3).Select(level => (FormField)ProjectPeople.Field($"level{level}", $"Level {level}", level == 1, project.Code, leadersOnly: true, leaders, search: true))],
            "Save",
            CardVerbs.SetEscalation,
            new Dictionary<string, string> { ["project"] = "EHR" },
            new Dictionary<string, string> { ["level1"] = PersonChoice.Value(leaders[0].Person) });
    }
}
