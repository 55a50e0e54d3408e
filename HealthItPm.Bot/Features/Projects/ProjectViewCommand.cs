using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// A command that shows something about a project: the one named in the arguments
/// (<c>status EHR</c>), else the conversation's current project. Anyone on the project may look.
/// </summary>
public abstract class ProjectViewCommand(ProjectScope scope, ProjectService projects) : ICommand
{
    public abstract CommandDefinition Definition { get; }

    /// <summary>
    /// What the caller must be allowed to do on the project to see
    /// this: its command's action, the one help offers it for.
    /// </summary>
    protected ProjectAction Action => Definition.Action ?? ProjectAction.ViewStatus;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        if (scoped.Caller is not { } caller)
        {
            return scoped.Answer!;
        }

        var code = ProjectCode.TryParse(arguments, out var named) ? named : scoped.Project;
        if (code is not { } project)
        {
            return scoped.Answer!;
        }

        var outcome = await projects.ViewAsync(caller.Tenant, caller.Person, project, cancellationToken, Action);
        return outcome is Outcome<Project>.Done { Value: var p }
            ? await RenderAsync(turn, caller, p, projects.TodayIn(p.TimeZone), cancellationToken)
            : ProjectOutcomes.NotDone(outcome);
    }

    protected abstract Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken);
}
