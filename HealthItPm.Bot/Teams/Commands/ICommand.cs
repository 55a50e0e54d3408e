using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>One text command: it answers with a card, whether typed or run from a card button.</summary>
public interface ICommand
{
    CommandDefinition Definition { get; }

    Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken);
}
