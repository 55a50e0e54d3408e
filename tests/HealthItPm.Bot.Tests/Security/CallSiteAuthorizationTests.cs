using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Risks;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Moq;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// Card actions and forms go through the one access policy before anything they guard is read: the
/// stores are mocks, and a refused caller's action reads the project, or their role on it, (to decide)
/// and nothing else.
/// </summary>
public class CallSiteAuthorizationTests
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly ProjectCode Ehr = new("EHR");
    private static readonly PersonId Pm = new(TestActivities.PmAadId);
    private static readonly PersonId Nurse = new(TestActivities.NurseAadId);

    private readonly Mock<IProjectRepository> _projects = new(MockBehavior.Strict);
    private readonly Mock<IRiskStore> _risks = new(MockBehavior.Strict);
    private readonly Mock<ICheckInStore> _checkIns = new(MockBehavior.Strict);
    private readonly Mock<IRoundStore> _rounds = new(MockBehavior.Strict);
    private readonly Mock<IAuditLog> _audit = new(MockBehavior.Strict);
    private readonly AccessPolicy _access = new(new HashSet<PersonId>(), new HashSet<PersonId>());

    public CallSiteAuthorizationTests()
    {
        var project = Project.Create(Ehr, Guarded.From("Epic EHR go-live"), ProjectKind.Ehr, new ProjectSchedule(new(2026, 1, 1), new(2026, 6, 1), new(2026, 12, 1)), "America/Chicago",
            new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null), new DateOnly(2026, 1, 1));
        project.AddMember(new ProjectMember(Nurse, "Nina Patel", ProjectRole.Stakeholder, StakeholderRole.Nurse, null));
        _projects.Setup(p => p.GetAsync(Tenant, Ehr, It.IsAny<CancellationToken>())).ReturnsAsync(new VersionedProject(project, "v"));
        _projects.Setup(p => p.RoleOfAsync(Tenant, Ehr, It.IsAny<PersonId>(), It.IsAny<CancellationToken>())).ReturnsAsync((TenantId _, ProjectCode _, PersonId person, CancellationToken _) => project.RoleOf(person));
    }

    private RiskRegister Risks => new(_risks.Object, _projects.Object, _access, _audit.Object, TimeProvider.System);

    private RiskChanges Changes => new(_risks.Object, _projects.Object, _access, _audit.Object, new RiskWriter(_risks.Object, _projects.Object, _access, _audit.Object, TimeProvider.System));

    private ConcernTriage Concerns => new(_risks.Object, _projects.Object, _access, _audit.Object, TimeProvider.System);

    private ProjectScope Scope => new(new ConversationState(new MemoryStorage()), new ProjectService(_projects.Object, Mock.Of<IProjectManagerGrants>(MockBehavior.Strict), _access, _audit.Object, TimeProvider.System), StaffDomains.None);

    private RoundAnswers Answers => new(Engine, _projects.Object, StaffDomains.None, Mock.Of<IServiceProvider>(MockBehavior.Strict));

    private RoundEngine Engine => new(_rounds.Object, _projects.Object, _access, _audit.Object, TimeProvider.System);

    private const string NotOnProject = "You are not on a project with the code EHR.";
    private const string NoSuchRisk = "There is no risk EHR-R1 on a project you are on.";
    private const string NotSentToYou = "This check-in was not sent to you or is no longer available.";

    [Theory]
    [InlineData("update risk form", NotOnProject)]
    [InlineData("view risk", NotOnProject)]
    [InlineData("update risk", NoSuchRisk)]
    [InlineData("acknowledge risk", NoSuchRisk)]
    [InlineData("assign risk owner", NoSuchRisk)]
    [InlineData("triage concern", NotOnProject)]
    [InlineData("dismiss concern", NotOnProject)]
    [InlineData("answer check-in", NotSentToYou)]
    [InlineData("change check-in answer", NotSentToYou)]
    public async Task An_outsider_is_refused_before_anything_but_the_project_is_read(string action, string answer)
    {
        var card = await RunAsync(action, TestActivities.Pharmacist);

        Assert.Contains(answer, card.ToString(), StringComparison.Ordinal);
        _risks.VerifyNoOtherCalls();
        _checkIns.VerifyNoOtherCalls();
        _rounds.VerifyNoOtherCalls();
        _audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_answer_with_text_decides_from_the_persons_role_and_reads_the_round_once()
    {
        var opens = DateTimeOffset.UtcNow.AddMinutes(-10);
        var round = new Round(Ehr, opens, TimeSpan.FromHours(1), TimeSpan.FromHours(2), false,
            [new Respondent(Nurse, "Nina Patel", StakeholderRole.Nurse, null)], CheckInRounds.Kind);
        _rounds.Setup(r => r.GetRoundAsync(Tenant, Ehr, CheckInRounds.Kind, round.Id, It.IsAny<CancellationToken>())).ReturnsAsync(round);
        _rounds.Setup(r => r.SaveAnswerAsync(Tenant, round, It.IsAny<GivenAnswer<CheckInAnswer>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _audit.Setup(a => a.AppendAsync(Tenant, It.IsAny<HealthItPm.Domain.Audit.AuditEntry>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var turn = new TurnContext(new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams), TestActivities.Invoke("any", [], "https://127.0.0.1", from: TestActivities.Nurse));
        var answer = new JObject { ["project"] = "EHR", ["round"] = round.Id, ["status"] = "SomeConcerns", ["impact"] = "3", ["blockers"] = "Nina Patel says the scanners in 4 West drop the connection", ["training"] = "false" };

        var card = await Answers.SubmitAsync(new CheckInRoundKind(), turn, answer, default);

        Assert.Contains("Nina Patel says the scanners", card.ToString(), StringComparison.Ordinal);
        _projects.Verify(p => p.RoleOfAsync(Tenant, Ehr, Nurse, It.IsAny<CancellationToken>()), Times.Once);
        _projects.Verify(p => p.GetAsync(It.IsAny<TenantId>(), It.IsAny<ProjectCode>(), It.IsAny<CancellationToken>()), Times.Never);
        _rounds.Verify(r => r.GetRoundAsync(Tenant, Ehr, CheckInRounds.Kind, round.Id, It.IsAny<CancellationToken>()), Times.Once);
        _rounds.Verify(r => r.SaveAnswerAsync(Tenant, round, It.IsAny<GivenAnswer<CheckInAnswer>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("triage concern")]
    [InlineData("dismiss concern")]
    public async Task A_stakeholder_is_refused_a_concern_before_it_is_read(string action)
    {
        var card = await RunAsync(action, TestActivities.Nurse);

        Assert.Contains("Only the project managers of Epic EHR go-live (Priya Shah) can do that.", card.ToString(), StringComparison.Ordinal);
        _risks.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Someone_not_an_admin_is_refused_pm_allow_before_the_roster_is_read()
    {
        var roster = new Mock<HealthItPm.Bot.Teams.IRoster>(MockBehavior.Strict);
        var grants = new Mock<IProjectManagerGrants>(MockBehavior.Strict);
        var form = new HealthItPm.Bot.Features.Projects.AllowProjectManagersForm(new ProjectService(_projects.Object, grants.Object, _access, _audit.Object, TimeProvider.System), _access, roster.Object);
        var turn = new TurnContext(new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams), TestActivities.Invoke("pm.allow", [], "https://127.0.0.1", from: TestActivities.Pm));

        var card = await form.HandleAsync(turn, new JObject { ["people"] = "" }, default);

        Assert.Contains("Only HealthItPm admins can allow people to create projects.", card.ToString(), StringComparison.Ordinal);
        roster.VerifyNoOtherCalls();
        grants.VerifyNoOtherCalls();
        _audit.VerifyNoOtherCalls();
    }

    private Task<JObject> RunAsync(string action, ChannelAccount from)
    {
        var turn = new TurnContext(new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams), TestActivities.Invoke("any", [], "https://127.0.0.1", from: from));
        var risk = new JObject { ["risk"] = "EHR-R1", ["owner"] = TestActivities.PmAadId, ["probability"] = "5", ["impact"] = "5", ["status"] = "open" };
        var concern = new JObject { ["project"] = "EHR", ["concern"] = 1, ["reason"] = "Not a risk" };
        var round = new JObject { ["project"] = "EHR", ["round"] = "20261130T1600Z", ["status"] = "OnTrack", ["impact"] = "1", ["training"] = "false" };
        var decisions = new RiskDecisionActions(Changes, Risks, null!, null!, null!, Scope);
        var triage = new ConcernTriageActions(Concerns, null!, null!, Scope);
        var answers = Answers;
        var checkIn = new CheckInRoundKind();
        return action switch
        {
            "update risk" => new RiskUpdateForm(Risks, Changes, null!, null!, Scope).HandleAsync(turn, risk, default),
            "update risk form" => new RiskUpdateForm(Risks, Changes, null!, null!, Scope).ExecuteAsync(turn, "EHR-R1", default),
            "view risk" => new RiskCardReplies(Risks, null!).CurrentAsync(new HealthItPm.Bot.Teams.Caller(Tenant, new PersonId(from.AadObjectId), from.Name), new RiskId(Ehr, 1), c => c, default),
            "acknowledge risk" => decisions.AcknowledgeAsync(turn, risk, default),
            "assign risk owner" => decisions.AssignOwnerAsync(turn, risk, default),
            "triage concern" => triage.LogAsRiskAsync(turn, concern, default),
            "dismiss concern" => triage.DismissAsync(turn, concern, default),
            "answer check-in" => answers.SubmitAsync(checkIn, turn, round, default),
            "change check-in answer" => answers.ChangeAsync(checkIn, turn, round, default),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }
}
