using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams.Commands;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CardActions;

/// <summary>A button that runs a text command ("Show help", "Run …"): the same path, and the same checks, as typing it.</summary>
public sealed class RunCommandAction(CommandRouter commands) : ICardActionHandler
{
    public string Verb => CardVerbs.RunCommand;

    public Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var command = data["command"] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        return commands.RouteAsync(turn, command, cancellationToken);
    }
}
