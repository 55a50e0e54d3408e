using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary><c>project list</c>: the projects this person is on (all of them, for an admin).</summary>
public sealed class ProjectListCommand(ProjectScope scope, ProjectService projects) : ICommand
{
    public static readonly CommandDefinition Command = new("project list");

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        if (Teams.Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        var visible = await projects.ListVisibleAsync(caller.Tenant, caller.Person, cancellationToken);
        var current = await scope.CurrentAsync(turn, cancellationToken);
        return ProjectListCard.Build(ProjectListModel.From(visible, current, projects.TodayOf));
    }
}
