using HealthItPm.Bot.Cards;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary><c>help</c>: what this person can ask of the bot.</summary>
public sealed class HelpCommand(IEnumerable<CommandDefinition> commands) : ICommand
{
    public static readonly CommandDefinition Command = new("help", "Show what I can do for you.", "help");

    public CommandDefinition Definition => Command;

    public Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult(HelpCard.Build(new HelpCardModel([.. commands.OrderBy(d => d.Name, StringComparer.Ordinal)])));
}
