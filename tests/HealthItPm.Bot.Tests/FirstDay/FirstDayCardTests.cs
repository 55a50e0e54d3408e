using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>What the project cards say on a project's first day, built by their real builders.</summary>
public class FirstDayCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly PersonId Pm = new("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    internal static Project NewProject() => Project.Create(new ProjectCode("EHR"), "Epic EHR go-live", ProjectKind.Ehr, new ProjectSchedule(Today, Today.AddDays(90), Today.AddDays(180)), "America/Chicago",
        new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, "Health IT"), Today);

    [Fact]
    public void A_new_project_says_not_enough_data_yet_instead_of_green()
    {
        var project = NewProject();
        project.AddMilestone(new Milestone("Go-live", Today.AddDays(90), 10));

        var status = CardText.Of(StatusCard.Build(StatusModel.From(project, Today, [])));

        Assert.Contains("Status: Not enough data yet", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Green", status, StringComparison.Ordinal);
    }
}
