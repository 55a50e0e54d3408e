using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>
/// What an admin reads on the audit card, its storage faked: the person an entry was about by name, a project that does not
/// exist said to be so, a single date in the future refused as out of range.
/// </summary>
public class AuditCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 23, 48, 50, TimeSpan.Zero);
    private static readonly PersonId Cio = new(TestActivities.CioAadId);
    private static readonly PersonId Nurse = new(TestActivities.NurseAadId);

    private readonly Mock<IAuditLog> _log = new();
    private readonly Mock<IProjectRepository> _projects = new();
    private readonly Mock<IProjectManagerGrants> _grants = new();

    private AuditCommand Command => new(
        new AuditService(_log.Object, new AccessPolicy(new HashSet<PersonId> { Cio }, new HashSet<PersonId>()), new FakeTimeProvider(Now)),
        _projects.Object,
        _grants.Object);

    private static TurnContext Turn() => new TurnContext(
        new TestAdapter(Microsoft.Bot.Connector.Channels.Msteams),
        TestActivities.Message("audit", "https://127.0.0.1", from: TestActivities.Cio));

    private void Stored(params AuditEntry[] entries) => _log
        .Setup(l => l.ReadAsync(It.IsAny<TenantId>(), It.IsAny<AuditQuery>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
        .ReturnsAsync(new AuditPage(entries, null));

    [Fact]
    public async Task The_person_allowed_to_create_projects_is_named_not_shown_as_an_id()
    {
        Stored(new AuditEntry(Now, Cio, ProjectAudit.ProjectManagerAllowed, null, Nurse.Value));
        _grants.Setup(g => g.ListAsync(It.IsAny<TenantId>(), It.IsAny<CancellationToken>())).ReturnsAsync(
            [new ProjectManagerGrant(Nurse, "Nina Patel (RN)", Cio, Now), new ProjectManagerGrant(Cio, "Dr. Marcus Lee", Cio, Now)]);

        var card = CardText.Of(await Command.ExecuteAsync(Turn(), string.Empty, default));

        Assert.Contains("Dr. Marcus Lee · allowed someone to create projects · Nina Patel (RN)", card, StringComparison.Ordinal);
        Assert.DoesNotContain(Nurse.Value, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_exist_is_said_to_be_so_not_shown_as_an_empty_log()
    {
        Stored();
        _projects.Setup(p => p.GetAsync(It.IsAny<TenantId>(), It.IsAny<ProjectCode>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VersionedProject?)null);

        var card = CardText.Of(await Command.ExecuteAsync(Turn(), "XYZ", default));

        Assert.Contains("There is no project XYZ in HealthItPm.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing was recorded", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EHR 2026-12-20")]
    [InlineData("2026-12-09")]
    public async Task A_single_date_after_today_is_out_of_range_not_the_wrong_way_round(string arguments)
    {
        Stored();

        var card = CardText.Of(await Command.ExecuteAsync(Turn(), arguments, default));

        Assert.Contains("The audit log goes back 10 years and up to today (UTC).", card, StringComparison.Ordinal);
        Assert.DoesNotContain("first date must be on or before the second", card, StringComparison.Ordinal);
        _log.VerifyNoOtherCalls();
    }
}
