using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>The project cards: the list, status as each reader sees it, milestones, stakeholders, KPIs and budget, and the people forms at a go-live's size.</summary>
public sealed class ProjectCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("project-list", typeof(ProjectListCard), () => ProjectListCard.Build(ProjectListModel.From(
            [new ProjectSummary(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, ProjectPhase.Build, CardFixtures.Today.AddDays(45)), new ProjectSummary(new ProjectCode("PACS"), Guarded.From("PACS upgrade"), ProjectKind.PacsRis, ProjectPhase.GoLive, CardFixtures.Today.AddDays(-3))],
            "EHR",
            _ => CardFixtures.Today,
            "Which project? Tap **Use** on one."))),
        new("project-list-empty", typeof(ProjectListCard), () => ProjectListCard.Build(new ProjectListModel([], null))),
        new("status-red-with-risks", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(CardFixtures.Project(), CardFixtures.Today, [CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.LowRisk()]))),
        new("status-stakeholder-view-without-budget", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(CardFixtures.Project(), CardFixtures.Today, [CardFixtures.LowRisk()], showBudget: false))),
        new("status-with-readiness", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(CardFixtures.Project(), CardFixtures.Today, [CardFixtures.LowRisk()], readiness: new HealthItPm.Domain.Readiness.ReadinessSnapshot("pre go-live", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 48, 0.42m, HealthItPm.Domain.Readiness.AdkarElement.Knowledge, 0.1m)))),
        new("status-new-project", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(CardFixtures.NewProject(), CardFixtures.Today, []))),
        new("status-nurse-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(CardFixtures.Project(), CardFixtures.Nurse, [CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.LowRisk()]))),
        new("status-leader-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(CardFixtures.Project(), CardFixtures.Cio, [CardFixtures.EscalatedRisk(acknowledged: false), CardFixtures.LowRisk()]))),
        new("status-new-project-pm-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(CardFixtures.NewProject(), CardFixtures.Pm, []))),
        new("milestones-timeline", typeof(MilestonesCard), () => MilestonesCard.Build(MilestonesModel.From(CardFixtures.Project(), CardFixtures.Today))),
        new("milestones-none", typeof(MilestonesCard), () => MilestonesCard.Build(MilestonesModel.From(CardFixtures.NewProject(), CardFixtures.Today))),
        new("stakeholders", typeof(StakeholdersCard), () => StakeholdersCard.Build(StakeholdersModel.From(CardFixtures.Project()))),
        new("kpis", typeof(KpisCard), () => KpisCard.Build(new KpisModel("EHR", "Epic EHR go-live", CardFixtures.Project().Kpis))),
        new("kpis-none", typeof(KpisCard), () => KpisCard.Build(new KpisModel("EHR", "Epic EHR go-live", []))),
        new("budget", typeof(BudgetCard), () => BudgetCard.Build(new BudgetModel("EHR", "Epic EHR go-live", CardFixtures.Project().EarnedValue(CardFixtures.Today), CardFixtures.Project().Spend))),
        new("budget-euro-hospital-german-reader", typeof(BudgetCard), () => BudgetCard.Build(new BudgetModel("EHR", "Epic EHR go-live", CardFixtures.Project().EarnedValue(CardFixtures.Today), CardFixtures.Project().Spend, MoneyFormat.For(new Currency("EUR"), "de-DE")))),
        new("stakeholders-go-live-scale", typeof(StakeholdersCard), () => StakeholdersCard.Build(StakeholdersModel.From(CardFixtures.LargeProject()))),
        new("stakeholder-remove-searched-at-500-people", typeof(FormCard), () => FormCard.Build(PickOneOf(CardFixtures.LargeProject(), search: true))),
        new("stakeholder-remove-listed-at-500-people", typeof(FormCard), () => FormCard.Build(PickOneOf(CardFixtures.LargeProject(), search: false))),
        new("stakeholder-add-each-role-with-errors", typeof(FormCard), () => FormCard.Build(EachRole())),
    ];

    /// <summary>The status of <paramref name="project"/> as <paramref name="reader"/> sees it, under the default access rules (no admins).</summary>
    internal static StatusModel StatusFor(Project project, PersonId reader, IReadOnlyList<Risk> risks)
    {
        var access = new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>());
        bool May(ProjectAction action) => access.Can(reader, action, project).Allowed;
        return StatusModel.From(project, CardFixtures.Today, risks, May(ProjectAction.ViewBudget), may: May);
    }

    /// <summary>Who to take off a 500-person project, as <c>stakeholder remove</c> asks.</summary>
    private static FormModel PickOneOf(Project project, bool search) => new(
        "EHR · Remove someone",
        "Type a name to find them on the project.",
        [ProjectPeople.Field("person", "Person", true, project.Code, leadersOnly: false, project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person)), search)],
        "Remove",
        CardVerbs.RemoveStakeholder,
        new Dictionary<string, string> { ["project"] = "EHR" });

    /// <summary>The second step of <c>stakeholder add</c> at its most people, long names, a message beside every row.</summary>
    private static FormModel EachRole()
    {
        var people = Enumerable.Range(0, HealthItPm.Bot.Features.Projects.StakeholderAddForm.MaxEach)
            .Select(i => new HealthItPm.Bot.Teams.RosterMember(new PersonId(new Guid(i, 0x4444, 0x4444, 0x84, 0, 0, 0, 0, 0, 0, 4).ToString()), "29:x" + i, $"Dr. Alexandra Konstantinopoulou-Whitfield {i:00} (RN, BSN, CCRN)"))
            .ToList();
        var form = HealthItPm.Bot.Features.Projects.StakeholderAddForm.EachForm(new ProjectCode("EHR"), people);
        var department = new string('W', ProjectMember.MaxDepartmentLength);
        return form with
        {
            Values = form.Fields.ToDictionary(f => f.Id, f => f.Id.StartsWith("department", StringComparison.Ordinal) ? department : f.Id.StartsWith("role", StringComparison.Ordinal) ? "Stakeholder" : "Nurse"),
            Errors = form.Fields.Where(f => f.Id.StartsWith("department", StringComparison.Ordinal)).ToDictionary(f => f.Id, _ => "Department looks like it holds a medical record number (\u201cMR••••••13\u201d). Please remove it."),
        };
    }
}
