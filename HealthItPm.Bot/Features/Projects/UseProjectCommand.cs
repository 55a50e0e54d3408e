using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// <c>use EHR</c> (typed) and the <b>Use</b> button of the project
/// list: makes a project the current one in this conversation.
/// </summary>
public sealed class UseProjectCommand(ProjectScope scope, ProjectService projects, StatusCards statusCards) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("use", ProjectAction.ViewStatus);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.UseProject;

    public Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken) =>
        UseAsync(turn, arguments, cancellationToken);

    public Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        return UseAsync(turn, data["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, cancellationToken);
    }

    private async Task<JObject> UseAsync(ITurnContext turn, string? code, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!ProjectCode.TryParse(code, out var project))
        {
            return NoticeCard.Build(new NoticeCardModel(Wording.Common["WhichProject_Title"], Wording.Common["WhichProject_Use"]));
        }

        var outcome = await projects.ViewAsync(caller.Tenant, caller.Person, project, cancellationToken);
        if (outcome is not Outcome<Project>.Done { Value: var p })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        await scope.UseAsync(turn, project, cancellationToken);
        return await statusCards.BuildAsync(turn, caller, p, cancellationToken);
    }
}
