using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Testing;
using Moq;

namespace HealthItPm.Domain.Tests.Projects;

/// <summary>A card names a project from its summary alone, and by its code once the project is gone.</summary>
public sealed class ProjectNamesTests
{
    private static readonly TenantId Tenant = new("4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f");
    private static readonly ProjectCode Ehr = new("EHR");
    private readonly Mock<IProjectRepository> _projects = new(MockBehavior.Strict);

    [Fact]
    public async Task A_project_is_called_by_its_name()
    {
        _projects.Setup(p => p.SummaryOfAsync(Tenant, Ehr, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ProjectSummary(
                Ehr,
                Guarded.From("Epic EHR go-live"),
                ProjectKind.Ehr,
                ProjectPhase.Build,
                new DateOnly(2027, 3, 1)));

        Assert.Equal("Epic EHR go-live", await _projects.Object.NameOfAsync(Tenant, Ehr, default));
    }

    [Fact]
    public async Task A_project_that_is_gone_is_called_by_its_code()
    {
        _projects.Setup(p => p.SummaryOfAsync(Tenant, Ehr, It.IsAny<CancellationToken>())).ReturnsAsync((ProjectSummary?)null);

        Assert.Equal("EHR", await _projects.Object.NameOfAsync(Tenant, Ehr, default));
    }
}
