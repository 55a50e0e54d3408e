using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using static HealthItPm.Domain.Tests.Projects.ProjectBuilder;

namespace HealthItPm.Domain.Tests.Projects;

public class ProjectPhaseTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_project_is_in_planning_with_no_moves()
    {
        var project = new ProjectBuilder().Build();

        Assert.Equal(ProjectPhase.Planning, project.Phase);
        Assert.Empty(project.PhaseHistory);
        Assert.Null(project.PhaseSince);
    }

    [Fact]
    public void Each_move_is_kept_with_who_and_when()
    {
        var project = new ProjectBuilder().Build();

        project.MoveTo(ProjectPhase.Build, Pm, Monday);
        project.MoveTo(ProjectPhase.Testing, Pm, Monday.AddDays(30));

        Assert.Equal(ProjectPhase.Testing, project.Phase);
        Assert.Equal(
            [
                new PhaseChange(ProjectPhase.Planning, ProjectPhase.Build, Pm, Monday),
                new PhaseChange(ProjectPhase.Build, ProjectPhase.Testing, Pm, Monday.AddDays(30))],
            project.PhaseHistory);
        Assert.Equal(Monday.AddDays(30), project.PhaseSince);
        Assert.Equal(project.PhaseHistory, Project.Restore(project.ToState()).PhaseHistory);
    }

    [Fact]
    public void A_phase_can_be_skipped_forward_but_only_one_taken_back()
    {
        var project = new ProjectBuilder().Build();
        project.MoveTo(ProjectPhase.Training, Pm, Monday);

        Assert.Equal([ProjectPhase.Testing, ProjectPhase.GoLive, ProjectPhase.Stabilization, ProjectPhase.Closed], project.NextPhases);
        var back2 = Assert.Throws<DomainException>(() => project.MoveTo(ProjectPhase.Build, Pm, Monday));
        Assert.Equal(Problem.OnePhaseBackAtATime(project.Name.Value, ProjectPhase.Training, ProjectPhase.Testing), back2.Problem);

        project.MoveTo(ProjectPhase.Testing, Pm, Monday.AddDays(1));
        Assert.Equal(ProjectPhase.Testing, project.Phase);
    }

    [Fact]
    public void Moving_to_the_phase_it_is_in_is_refused()
    {
        var project = new ProjectBuilder().Build();

        var e = Assert.Throws<DomainException>(() => project.MoveTo(ProjectPhase.Planning, Pm, Monday));

        Assert.Equal(Problem.AlreadyInPhase(project.Name.Value, ProjectPhase.Planning), e.Problem);
        Assert.Empty(project.PhaseHistory);
    }
}
