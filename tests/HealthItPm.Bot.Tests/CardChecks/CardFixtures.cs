using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Features.Health;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>One variant of a card the bot can send, built by its real builder from a realistic model.</summary>
public sealed record CardFixture(string Name, Type Builder, Func<JObject> Build);

/// <summary>Every card variant the bot can send, for the official parser and the renderer.</summary>
public static class CardFixtures
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static IReadOnlyList<CardFixture> All { get; } =
    [
        new("help-stakeholder", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel([new HelpEntry("help", "Show what I can do for you.", "help", false), new HelpEntry("status", "The current project at a glance.", "status", false, "Your projects"), new HelpEntry("use", "Make a project the current one.", "use EHR", false, "Your projects")]))),
        new("help-project-manager", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(HelpForProjectManager()))),
        new("help-all-explained", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(HelpForProjectManager(), Detailed: true))),
        new("help-one-topic", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(
            [.. HelpInEveryTopic().Where(e => e.Topic == HelpTopics.Risks.Name)], Detailed: true, [HelpTopics.Risks])
        {
            Only = HelpTopics.Risks,
        })),
        new("help-every-topic", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(
            HelpInEveryTopic(), Topics: HelpTopics.Ordered([new CheckInRoundKind().HelpTopic, new AdkarRoundKind().HelpTopic])))),
        new("unknown-with-suggestion", typeof(UnknownCommandCard), () => UnknownCommandCard.Build(new UnknownCommandModel("hlep", "help"))),
        new("unknown-without-suggestion", typeof(UnknownCommandCard), () => UnknownCommandCard.Build(new UnknownCommandModel("**[click](http://evil.example)** " + new string('x', 200), null))),
        new("digest-empty", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Empty()))),
        new("digest-one-project", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(1)))),
        new("digest-six-projects-preview", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(6, readiness: false), Preview: true))),
        new("digest-60-projects", typeof(DigestCard), () => DigestCard.Build(new DigestCardModel(DigestFixtures.Portfolio(60)))),
        new("notice-empty-message", typeof(NoticeCard), () => NoticeCard.Build(NoticeCardModel.EmptyMessage)),
        new("notice-too-long", typeof(NoticeCard), () => NoticeCard.Build(NoticeCardModel.TooLong(500))),
        new("notice-unknown-action", typeof(NoticeCard), () => NoticeCard.Build(NoticeCardModel.UnknownAction)),
        new("notice-with-next-step", typeof(NoticeCard), () => NoticeCard.Build(new NoticeCardModel("Update requested on EHR-R7", "A leader asked for an update on Barcode scanners fail at the bedside.", ("Update EHR-R7", "risk update EHR-R7")))),
        new("notice-refused-hostile-project-name", typeof(RefusalNotice), () => NoticeCard.Build(RefusalNotice.Of(new Refusal(RefusalCode.OnlyFor, ProjectAction.ManageBudget, new ProjectCode("EHR"), "[Sign in again](https://evil.example/login) {{DATE(2017-02-14T06:08:39Z, LONG)}}", ["<b>Priya</b> Shah"], Who.ProjectManagers)))),
        new("notice-problem-hostile-project-name", typeof(ProblemText), () => NoticeCard.Build(new NoticeCardModel("That didn't work",
            ProblemText.Of(Problem.NoStakeholdersMatch(
                "[Sign in again](https://evil.example/login) **bold** {{DATE(2017-02-14T06:08:39Z, LONG)}}", AdkarRounds.Kind))))),
        new("notice-refused-not-on-project", typeof(RefusalNotice), () => NoticeCard.Build(RefusalNotice.Of(Refusal.NotOnProject(ProjectAction.ViewStatus, new ProjectCode("EHR"))))),
        new("notice-refused-on-no-project", typeof(RefusalNotice), () => NoticeCard.Build(RefusalNotice.Of(Refusal.OnNoProject(ProjectAction.PreviewDigest, Who.ProjectManagers | Who.Leaders)))),
        new("audit-page-with-older", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel("EHR", Today.AddDays(-30), Today, AuditRows(AuditService.PageSize), "202611|0000000000000000001|0123456789abcdef0123456789abcdef"))),
        new("audit-all-projects-last-page", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel(null, Today.AddDays(-30), Today, AuditRows(4), null))),
        new("audit-nothing-recorded", typeof(AuditCard), () => AuditCard.Build(new AuditCardModel(null, Today.AddDays(-30), Today, [], null))),
        new("health-pipeline-in-trouble", typeof(HealthCard), () => HealthCard.Build(new HealthItPm.Bot.Delivery.PipelineSnapshot(
            0, 1240, TimeSpan.FromMinutes(14), 2,
            [new(Now.AddMinutes(-3), "KeptFailing", DeliveryWork.To(
                new TenantId("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f"),
                new DeliveryTopic("checkin.card", "EHR|20261125T1400Z"),
                new PersonId("7c9e6679-7425-40de-944b-e07fc1f90ae7"))),
             new(Now.AddMinutes(-9), "Unreadable", null)],
            new Dictionary<string, long> { ["Sent"] = 4810, ["Unreachable"] = 12, ["NotDelivered"] = 2, ["Throttled"] = 37, ["LongestRetryAfter"] = 45 }), Now)),
        new("health-pipeline-quiet", typeof(HealthCard), () => HealthCard.Build(new HealthItPm.Bot.Delivery.PipelineSnapshot(
            2, 0, null, 0, [], new Dictionary<string, long>()), Now)),
        new("welcome-personal", typeof(WelcomeCard), () => WelcomeCard.Build(new WelcomeCardModel(InChannel: false))),
        new("welcome-channel", typeof(WelcomeCard), () => WelcomeCard.Build(new WelcomeCardModel(InChannel: true))),
        new("form-blank", typeof(FormCard), () => FormCard.Build(Form())),
        new("form-with-errors-and-entries-kept", typeof(FormCard), () => FormCard.Build(Form() with
        {
            Values = new Dictionary<string, string> { ["name"] = "Modality worklist live", ["planned"] = "2026-12-01", ["weight"] = "not a number", ["people"] = "a,b", ["stakeholders"] = "G4oenV5ZPEeIPwAW08ykJw", ["amount"] = "about two million" },
            Errors = new Dictionary<string, string> { ["weight"] = "Weight must be a number, like 12 or 12.5.", ["amount"] = "Amount: \u201cabout two million\u201d is not an amount in USD; write it like 2,400,000, $2.4M or 2400000.50." },
            FormError = Markdown.Worded("There is already a milestone called \u201cGo-live\u201d."),
        })),
        new("form-with-phi-beside-the-field-masked", typeof(FormCard), () => FormWithPhi()),
        new("project-list", typeof(ProjectListCard), () => ProjectListCard.Build(ProjectListModel.From(
            [new ProjectSummary(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, ProjectPhase.Build, Today.AddDays(45)), new ProjectSummary(new ProjectCode("PACS"), Guarded.From("PACS upgrade"), ProjectKind.PacsRis, ProjectPhase.GoLive, Today.AddDays(-3))],
            "EHR",
            _ => Today,
            "Which project? Tap **Use** on one."))),
        new("project-list-empty", typeof(ProjectListCard), () => ProjectListCard.Build(new ProjectListModel([], null))),
        new("status-red-with-risks", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(Project(), Today, [EscalatedRisk(acknowledged: false), LowRisk()]))),
        new("status-stakeholder-view-without-budget", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(Project(), Today, [LowRisk()], showBudget: false))),
        new("status-with-readiness", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(Project(), Today, [LowRisk()], readiness: new HealthItPm.Domain.Readiness.ReadinessSnapshot("pre go-live", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), 48, 0.42m, HealthItPm.Domain.Readiness.AdkarElement.Knowledge, 0.1m)))),
        new("status-new-project", typeof(StatusCard), () => StatusCard.Build(StatusModel.From(NewProject(), Today, []))),
        new("status-with-golive-gate", typeof(StatusCard), GoLiveFixtures.StatusWithGate),
        new("golive-scorecard-ehr-template", typeof(ScorecardCard), GoLiveFixtures.FreshEhr),
        new("golive-scorecard-60-criteria-largest", typeof(ScorecardCard), GoLiveFixtures.Largest),
        new("golive-no-gate-yet", typeof(GoLiveForm), GoLiveFixtures.NoGate),
        new("status-nurse-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(Project(), Nurse, [EscalatedRisk(acknowledged: false), LowRisk()]))),
        new("status-leader-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(Project(), Cio, [EscalatedRisk(acknowledged: false), LowRisk()]))),
        new("status-new-project-pm-view", typeof(StatusCard), () => StatusCard.Build(StatusFor(NewProject(), Pm, []))),
        new("milestones-timeline", typeof(MilestonesCard), () => MilestonesCard.Build(MilestonesModel.From(Project(), Today))),
        new("milestones-none", typeof(MilestonesCard), () => MilestonesCard.Build(MilestonesModel.From(NewProject(), Today))),
        new("stakeholders", typeof(StakeholdersCard), () => StakeholdersCard.Build(StakeholdersModel.From(Project()))),
        new("kpis", typeof(KpisCard), () => KpisCard.Build(new KpisModel("EHR", "Epic EHR go-live", Project().Kpis))),
        new("kpis-none", typeof(KpisCard), () => KpisCard.Build(new KpisModel("EHR", "Epic EHR go-live", []))),
        new("budget", typeof(BudgetCard), () => BudgetCard.Build(new BudgetModel("EHR", "Epic EHR go-live", Project().EarnedValue(Today), Project().Spend))),
        new("budget-euro-hospital-german-reader", typeof(BudgetCard), () => BudgetCard.Build(new BudgetModel("EHR", "Epic EHR go-live", Project().EarnedValue(Today), Project().Spend, MoneyFormat.For(new Currency("EUR"), "de-DE")))),
        new("round-removal-confirm", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(CheckInRounds.Kind, "EHR", "20261201T1600Z", ["Scanners drop at the bedside", "Label printer jams on 4 West"])),
        new("round-removal-confirm-nothing-left", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(CheckInRounds.Kind, "EHR", "20261201T1600Z", [])),
        new("round-removal-confirm-survey-most-texts", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(AdkarRounds.Kind, "EHR", "20261201T1600Z", [.. Enumerable.Range(1, 7).Select(i => $"Comment {i}: " + new string('x', 480))])),
        new("round-removal-confirm-vote", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(GoLiveRounds.Kind, "EHR", "20261201T1600Z", ["Only with the downtime drill done on 4 West"])),
        new("risk-removal-confirm", typeof(RiskCard), () => RiskCard.ConfirmRemoval(AcceptedRisk())),
        new("risk-register", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [RiskViews.Of(Project(), EscalatedRisk(acknowledged: false), Now), RiskViews.Of(Project(), LowRisk(), Now)], canLogRisk: true)),
        new("risk-register-empty", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [], canLogRisk: true)),
        new("risk-escalated-leader-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: false), Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"]))),
        new("risk-escalated-stakeholder-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: false), Now, RiskPermissions.None, ["29:cio", "29:pm"]))),
        new("risk-acknowledged-pm-view", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: true), Now, new RiskPermissions(false, false, true, false), ["29:cio", "29:pm"]))),
        new("risk-accepted", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(Project(), AcceptedRisk(), Now))),
        new("escalation-business-hours", typeof(EscalationCard), () => EscalationCard.Build(EscalationSet())),
        new("escalation-no-leaders", typeof(EscalationCard), () => EscalationCard.Build(NewProject())),
        new("risk-go-live-scale-owner-list", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(LargeProject(), EscalatedRisk(acknowledged: false), Now, new RiskPermissions(true, true, true, true), ["29:cio"]))),
        new("stakeholders-go-live-scale", typeof(StakeholdersCard), () => StakeholdersCard.Build(StakeholdersModel.From(LargeProject()))),
        new("risk-owner-searched-at-500-people", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(LargeProject(), EscalatedRisk(acknowledged: false), Now, new RiskPermissions(true, true, true, true), ["29:cio"], ownerSearch: true))),
        new("stakeholder-remove-searched-at-500-people", typeof(FormCard), () => FormCard.Build(PickOneOf(LargeProject(), search: true))),
        new("stakeholder-remove-listed-at-500-people", typeof(FormCard), () => FormCard.Build(PickOneOf(LargeProject(), search: false))),
        new("escalation-leaders-searched-at-500-people", typeof(FormCard), () => FormCard.Build(EscalationLevels(LargeProject()))),
        new("stakeholder-add-each-role-with-errors", typeof(FormCard), () => FormCard.Build(EachRole())),
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
        new("risk-accept-without-reason-leader-view", typeof(FormCard), () => FormCard.Beside(RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: false), Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"])), "reason", "A reason for accepting the risk is required.", " ")),
        new("risk-accept-reason-with-phi-masked-leader-view", typeof(FormCard), () => FormCard.Beside(RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: false), Now, new RiskPermissions(true, true, true, true), ["29:cio", "29:pm"])), "reason", ProblemText.Of(Problem.PhiFound(PhiText, PhiGuard.Scan(PhiText))), PhiGuard.Mask(PhiText))),
        new("concern-dismiss-reason-with-phi-masked", typeof(FormCard), () => FormCard.Beside(ConcernCard.Build(Concern()), "reason", ProblemText.Of(Problem.PhiFound(PhiText, PhiGuard.Scan(PhiText))), PhiGuard.Mask(PhiText))),
        new("risk-acknowledged-told-to-pm", typeof(ProjectElements), () => CardBanner.Saved(RiskCard.Build(RiskViews.Of(Project(), EscalatedRisk(acknowledged: true), Now, new RiskPermissions(false, false, true, false), ["29:cio", "29:pm"])), "Dr. Marcus Lee acknowledged EHR-R7.")),
        new("risk-register-acknowledged", typeof(RiskRegisterCard), () => RiskRegisterCard.Build("EHR", [RiskViews.Of(Project(), EscalatedRisk(acknowledged: true), Now), RiskViews.Of(Project(), LowRisk(), Now)], canLogRisk: true)),
        new("risk-from-concern-with-description", typeof(RiskCard), () => RiskCard.Build(RiskViews.Of(Project(), Risk.Log(new RiskId(new ProjectCode("EHR"), 9), Guarded.From("Night shift has not had downtime training"), Concern().RaisedBy(HealthItPm.Bot.Features.Risks.RiskAddForm.RaisedBy), RiskCategory.Adoption, new RiskRating(3, 3), null, null, null, Pm, Now), Now))),
        .. FeatureCardFixtures.Found.SelectMany(f => f.Cards),
    ];

    internal static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    private static HelpEntry[] HelpForProjectManager() =>
    [
        new("help", "Show what I can do for you.", "help", false),
        new("status", "The current project at a glance.", "status", false, "Your projects"),
        new("phase", "Move the project to its next phase.", "phase", true, "Your projects"),
        new("stakeholder add", "Add people.", "stakeholder add @Nina Patel", true, "People"),
        new("milestones", "The milestone timeline.", "milestones", false, "Plan, money and outcomes"),
        new("milestone add", "Plan a milestone.", "milestone add", true, "Plan, money and outcomes"),
        new("risk", "One risk with its history.", "risk EHR-R7", false, "Risks"),
    ];
    // One command in each topic, as help groups them by name (the check-in's and the wave's topics from their descriptors).
    private static HelpEntry[] HelpInEveryTopic() =>
    [
        new("help", "Show what I can do for you.", "help", false, HelpTopics.More.Name),
        new("status", "The current project at a glance.", "status", false, HelpTopics.Projects.Name),
        new("stakeholder add", "Add people.", "stakeholder add @Nina Patel", true, HelpTopics.People.Name),
        new("milestones", "The milestone timeline.", "milestones", false, HelpTopics.Plan.Name),
        new("checkin now", "Send a check-in now.", "checkin now", true, new CheckInRoundKind().HelpTopic.Name),
        new("adkar start", "Start a readiness wave.", "adkar start", true, new AdkarRoundKind().HelpTopic.Name),
        new("risk", "One risk with its history.", "risk EHR-R7", false, HelpTopics.Risks.Name),
        new("digest subscribe", "Get the weekly digest.", "digest subscribe", false, HelpTopics.Digests.Name),
        new("digest now", "Send this week's digest now.", "digest now", true, HelpTopics.Digests.Name),
    ];

    internal static readonly PersonId Cio = new("886313e1-3b8a-4372-9b90-0c9aee199e5d");

    internal static Risk EscalatedRisk(bool acknowledged)
    {
        var risk = Risk.Log(new RiskId(new ProjectCode("EHR"), 7), Guarded.From("Barcode scanners fail at the bedside on 4 West"), Guarded.From("Medication administration falls back to manual checks."), RiskCategory.PatientSafety, new RiskRating(4, 5), Nurse, Guarded.From("Loaner scanners; vendor firmware fix"), Today.AddDays(3), Pm, Now.AddHours(-3));
        risk.Escalate(1, new EscalationReason.CriticalRisk(), Now.AddHours(-3));
        if (acknowledged)
        {
            risk.Acknowledge(Cio, Now.AddHours(-1));
        }

        return risk;
    }

    private static Concern Concern() => Domain.Risks.Concern.Raise(new ProjectCode("EHR"), 3, Guarded.From("Night shift has not had *any* downtime training yet"), Nurse, "Nina Patel (RN)", Now);

    internal static Risk LowRisk() => Risk.Log(new RiskId(new ProjectCode("EHR"), 8), Guarded.From("Training room projector is old"), null, RiskCategory.Adoption, new RiskRating(1, 2), null, null, null, Pm, Now.AddDays(-2));

    internal static Risk AcceptedRisk()
    {
        var risk = EscalatedRisk(acknowledged: true);
        risk.Accept(Guarded.From("Manual double-check covers it until the firmware fix on Friday"), Cio, Now);
        return risk;
    }

    internal static readonly DateTimeOffset Closes = new(2026, 12, 3, 16, 0, 0, TimeSpan.Zero);

    internal static readonly PersonId Pm = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    internal static readonly PersonId Nurse = new("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
    private static readonly PersonId Pharmacist = new("16fd2706-8baf-433b-82eb-8c7fada847da");

    private const string PhiText = "Margaret Olsen (MRN 00482913) was moved before the interface came back";

    /// <summary>A form submitted with suspected PHI in a free-text field, read as every form reads it.</summary>
    private static JObject FormWithPhi()
    {
        var values = new FormValues(JObject.FromObject(new { name = "Interface go-live", planned = "2026-12-01", weight = "10", kind = "Ehr", note = PhiText }), Form().Fields);
        values.Guarded((TextField)Form().Fields.Single(f => f.Id == "note"), PhiContext.None);
        return FormCard.Build(values.Reshow(Form()));
    }

    private static FormModel Form() => new(
        "EHR · Add a milestone",
        "Weights are relative.",
        [
            new TextField("name", "Milestone", true, 80, "e.g. Integrated testing complete"),
            new DateField("planned", "Planned date", true),
            new NumberField("weight", "Weight (share of the work)", true, 0.01m, 1000m),
            new MoneyField("amount", "Amount", false, 0.01m, 1_000_000_000m, "e.g. $25,000 or 25k"),
            new TimeField("at", "Time", false),
            new ChoiceField("kind", "Kind", true, [("EHR", "Ehr"), ("PACS/RIS", "PacsRis")]),
            new ChoiceField("people", "People", false, [("Nina Patel (RN)", "a"), ("Dr. Omar Haddad", "b")], MultiSelect: true),
            new PeopleField("stakeholders", "Stakeholders", false, [("Nina Patel (RN)", "G4oenV5ZPEeIPwAW08ykJw"), ("Grace Kim, PharmD", "BicNFrWCs0OMLIx_rYR9pw")], "people"),
            new PeopleField("owners", "Owners (a client that cannot search)", false, [("Nina Patel (RN)", "G4oenV5ZPEeIPwAW08ykJw"), ("Grace Kim, PharmD", "BicNFrWCs0OMLIx_rYR9pw")], null),
            new TextField("note", "Note", false, 200, null, Multiline: true),
        ],
        "Add milestone",
        CardVerbs.AddMilestone,
        new Dictionary<string, string> { ["project"] = "EHR" });

    /// <summary>The status of <paramref name="project"/> as <paramref name="reader"/> sees it, under the default access rules (no admins).</summary>
    internal static StatusModel StatusFor(Project project, PersonId reader, IReadOnlyList<Risk> risks)
    {
        var access = new AccessPolicy(new HashSet<PersonId>(), new HashSet<PersonId>());
        bool May(ProjectAction action) => access.Can(reader, action, project).Allowed;
        return StatusModel.From(project, Today, risks, May(ProjectAction.ViewBudget), may: May);
    }

    internal static Project NewProject() => Domain.Projects.Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(Today, Today.AddDays(90), Today.AddDays(180)), "America/Chicago",
        new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today);

    private static Project EscalationSet()
    {
        var project = Project();
        project.SetEscalation([Cio], TimeSpan.FromHours(2), inBusinessHours: true);
        return project;
    }

    internal static Project Project()
    {
        var project = Domain.Projects.Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live *(Phase 2)*"), ProjectKind.Ehr, new ProjectSchedule(Today.AddDays(-160), Today.AddDays(45), Today.AddDays(120)), "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today.AddDays(-160));
        project.AddMember(new ProjectMember(Nurse, "Nina Patel (RN)", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From("ICU")));
        project.AddMember(new ProjectMember(Pharmacist, "Grace Kim, PharmD", ProjectRole.Stakeholder, StakeholderRole.Pharmacist, Guarded.From("Pharmacy")));
        project.AddMember(new ProjectMember(new PersonId("886313e1-3b8a-4372-9b90-0c9aee199e5d"), "Dr. Marcus Lee (CIO)", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive")));
        project.AddMilestone(new Milestone(Guarded.From("Kickoff"), Today.AddDays(-150), 5, Today.AddDays(-150)));
        project.AddMilestone(new Milestone(Guarded.From("Build complete"), Today.AddDays(-40), 25, Today.AddDays(-30)));
        project.AddMilestone(new Milestone(Guarded.From("Integrated testing"), Today.AddDays(-10), 20));
        project.AddMilestone(new Milestone(Guarded.From("Training complete"), Today.AddDays(30), 15));
        project.AddMilestone(new Milestone(Guarded.From("Go-live"), Today.AddDays(45), 35));
        project.MoveTo(ProjectPhase.Build, Pm, Now.AddDays(-60));
        project.RecordProgress("Integrated testing", 60);
        project.SetBudget(2_400_000);
        project.RecordSpend(new SpendEntry(900_000, Today.AddDays(-60), Guarded.From("Vendor milestone invoice")), Today);
        project.RecordSpend(new SpendEntry(300_000, Today.AddDays(-5), null), Today);
        project.AddKpi(new Kpi(Guarded.From("Clinic no-show rate"), Guarded.From("%"), 18, 12, KpiDirection.LowerIsBetter, [new KpiMeasurement(Today, 15)]));
        project.AddKpi(new Kpi(Guarded.From("Portal adoption"), Guarded.From("%"), 20, 60, KpiDirection.HigherIsBetter));
        return project;
    }

    private static readonly IReadOnlyList<AuditKind> AuditKinds =
        [.. FeatureWords.All.SelectMany(f => f.AuditKinds), new AuditKind("RetiredKind")];

    /// <summary>
    /// Audit rows of every kind the features declare in turn, and one no feature declares (an entry of a kind since
    /// retired), with a name that would be a link in markdown.
    /// </summary>
    private static IReadOnlyList<AuditRow> AuditRows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AuditRow(
            new DateTimeOffset(2026, 11, 25, 16, 0, 0, TimeSpan.Zero).AddMinutes(-7 * i),
            i % 3 == 0 ? "[Sign in again](https://evil.example/login)" : "Priya Shah",
            AuditKinds[i % AuditKinds.Count],
            i % 4 == 0 ? null : "EHR",
            i % 2 == 0 ? "EHR-R7" : null))];

    internal static CheckInAnswer Answer() => CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(3), Guarded.From("Order sets for sepsis are missing the lactate reflex _again_"), true);

    /// <summary>A go-live's size: 500 people on the project, each department its own free-text name.</summary>
    /// <summary>Who to take off a 500-person project, as <c>stakeholder remove</c> asks.</summary>
    private static FormModel PickOneOf(Project project, bool search) => new(
        "EHR · Remove someone",
        "Type a name to find them on the project.",
        [ProjectPeople.Field("person", "Person", true, project.Code, leadersOnly: false, project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person)), search)],
        "Remove",
        CardVerbs.RemoveStakeholder,
        new Dictionary<string, string> { ["project"] = "EHR" });

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

    private static Project LargeProject()
    {
        var project = Project();
        for (var i = 0; i < 500; i++)
        {
            project.AddMember(new ProjectMember(new PersonId(new Guid(i, 0x1111, 0x4111, 0x81, 0, 0, 0, 0, 0, 0, 1).ToString()), $"Nurse {i:000} Example (RN)", ProjectRole.Stakeholder, StakeholderRole.Nurse, Guarded.From($"Unit {i % 80}")));
        }

        return project;
    }

    /// <summary>A round sent to 400 people: 300 blockers of the longest allowed length, 100 unreachable.</summary>
    internal static RoundSummary LargeRoundSummary()
    {
        var opens = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
        var people = Enumerable.Range(0, 400).Select(i => new Respondent(new PersonId(new Guid(i, 0x2222, 0x4222, 0x82, 0, 0, 0, 0, 0, 0, 2).ToString()), $"Nurse {i:000} Example (RN)", StakeholderRole.Nurse, "4 West")).ToList();
        var round = new Round(new ProjectCode("EHR"), opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, people,
            CheckInRounds.Kind);
        var blocker = string.Concat(Enumerable.Repeat("Order sets missing for the sepsis bundle on night shift. ", 20))[..CheckInAnswer.MaxBlockersLength];
        var answers = people.Take(300).Select(p => round.Accept(p.Person, CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), Guarded.From(blocker), true), opens.AddHours(1))).ToList();
        var cards = people.Select((p, i) => Card(round, p.Person, i < 250 ? DeliveryState.Sent : i < 300 ? DeliveryState.NotDelivered : DeliveryState.Unreachable)).ToList();
        return RoundSummary.From(round, answers, cards, [], opens.AddHours(49));
    }

    internal static RoundSummary CheckInSummary() => Summary(anonymous: false);

    internal static RoundSummary Summary(bool anonymous)
    {
        var opens = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
        var round = new Round(new ProjectCode("EHR"), opens, TimeSpan.FromHours(24), TimeSpan.FromHours(48), anonymous,
            [
                new Respondent(Nurse, "Nina Patel (RN)", StakeholderRole.Nurse, "ICU"),
                new Respondent(Pharmacist, "Grace Kim, PharmD", StakeholderRole.Pharmacist, "Pharmacy"),
                new Respondent(Pm, "Priya Shah", StakeholderRole.It, null),
            ],
            CheckInRounds.Kind,
            anonymityKey: anonymous ? Round.NewAnonymityKey() : null);
        var answers = new[] { round.Accept(Nurse, Answer(), opens.AddHours(1)), round.Accept(Pm, CheckInAnswer.Create(CheckInStatus.OnTrack, new WorkflowImpact(1), null, false), opens.AddHours(2)) };
        DeliveryRecord[] cards = [Card(round, Nurse, DeliveryState.Sent), Card(round, Pm, DeliveryState.Sent), Card(round, Pharmacist, DeliveryState.Unreachable)];
        return RoundSummary.From(round, answers, cards, [new RoundTrendPoint(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero), 0.5m, 0.5m, 3.5m)], opens.AddHours(49));
    }

    private static DeliveryRecord Card(Round round, PersonId person, DeliveryState state) =>
        new(DeliveryTopics.CheckIn(DeliveryTopics.CheckInCard, round.Project, round.Id), person, state, 1, null, null, null, null, round.OpensAt);
}
