using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Storage;
using HealthItPm.Domain.Projects;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary><c>help</c>: what this person can ask of the bot; project-manager commands only for people who manage a project.</summary>
public sealed class HelpCommand(IEnumerable<CommandDefinition> commands, ProjectService projects) : ICommand
{
    public static readonly CommandDefinition Command = new("help", "Show what I can do for you.", "help");

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var manages = Caller.Of(turn) is { } caller && await ManagesAsync(caller, cancellationToken);
        var shown = commands.Where(c => manages || !c.ForProjectManagers).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        return HelpCard.Build(new HelpCardModel([.. shown.Select(c => new HelpEntry(c.Name, c.Summary, c.Example, c.ForProjectManagers))]));
    }

    private async Task<bool> ManagesAsync(Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await projects.ManagesProjectsAsync(caller.Tenant, caller.Person, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            // Help must answer even when storage is down: list everything; each command still checks the role.
            return true;
        }
    }
}
