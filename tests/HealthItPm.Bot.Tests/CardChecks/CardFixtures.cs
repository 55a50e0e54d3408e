using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Rounds;
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

/// <summary>
/// Every card variant the bot can send, for the official parser and the renderer: the cards every feature shares (notices,
/// refusals, forms, welcome, an unknown command, a round's removal), the models several features' fixtures build on
/// (<see cref="Project"/>, the risks, the people), and each feature's own cards from its test folder
/// (<see cref="FeatureCardFixtures"/>).
/// </summary>
public static class CardFixtures
{
    internal static readonly DateOnly Today = new(2026, 11, 25);

    public static IReadOnlyList<CardFixture> All { get; } =
    [
        new("unknown-with-suggestion", typeof(UnknownCommandCard), () => UnknownCommandCard.Build(new UnknownCommandModel("hlep", "help"))),
        new("unknown-without-suggestion", typeof(UnknownCommandCard), () => UnknownCommandCard.Build(new UnknownCommandModel("**[click](http://evil.example)** " + new string('x', 200), null))),
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
        new("round-removal-confirm", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(CheckInRounds.Kind, "EHR", "20261201T1600Z", ["Scanners drop at the bedside", "Label printer jams on 4 West"])),
        new("round-removal-confirm-nothing-left", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(CheckInRounds.Kind, "EHR", "20261201T1600Z", [])),
        new("round-removal-confirm-survey-most-texts", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(AdkarRounds.Kind, "EHR", "20261201T1600Z", [.. Enumerable.Range(1, 7).Select(i => $"Comment {i}: " + new string('x', 480))])),
        new("round-removal-confirm-vote", typeof(RoundRemovalCard), () => RoundRemovalCard.Confirm(GoLiveRounds.Kind, "EHR", "20261201T1600Z", ["Only with the downtime drill done on 4 West"])),
        .. FeatureCardFixtures.Found.SelectMany(f => f.Cards),
    ];

    internal static readonly DateTimeOffset Now = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

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

    /// <summary>A risk rated again and again: more changes than its card shows.</summary>
    internal static Risk OftenRatedRisk()
    {
        var risk = LowRisk();
        for (var i = 0; i < 5; i++)
        {
            risk.Rate(new RiskRating(1 + (i % 2), 2), Pm, Now.AddDays(-1).AddHours(i));
        }

        return risk;
    }

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

    internal const string PhiText = "Margaret Olsen (MRN 00482913) was moved before the interface came back";

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

    internal static Project NewProject() => Domain.Projects.Project.Create(new ProjectCode("EHR"), Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(Today, Today.AddDays(90), Today.AddDays(180)), "America/Chicago",
        new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, Guarded.From("Health IT")), Today);

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

    internal static CheckInAnswer Answer() => CheckInAnswer.Create(CheckInStatus.SomeConcerns, new WorkflowImpact(3), Guarded.From("Order sets for sepsis are missing the lactate reflex _again_"), true);

    /// <summary>A go-live's size: 500 people on the project, each department its own free-text name.</summary>
    internal static Project LargeProject()
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
