using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Help;

/// <summary>
/// <c>help</c>: what this person can ask of the bot, by task — the commands whose action the access table
/// allows them on one of their projects (or in the tenant) now, computed by <see cref="Capabilities"/> from
/// the same rules the commands check, so help never offers what would be refused. <c>help all</c> says what
/// each command does; <c>help risks</c> (a topic's name or one of its commands) does so for that topic alone. Commands
/// are grouped by the topics declared by name in <see cref="HelpTopics"/> and by each kind of round (<paramref name="kinds"/>).
/// </summary>
public sealed class HelpCommand(IEnumerable<CommandDefinition> commands, Capabilities capabilities, IEnumerable<HelpTopic> kinds) : ICommand
{
    public static readonly CommandDefinition Command = new("help");

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var allowed = Caller.Of(turn) is { } caller ? await AllowedAsync(caller, cancellationToken) : null;
        var shown = commands
            .Where(c => allowed is null ? c.Action is null : c.IsOfferedTo(allowed))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var asked = arguments?.Trim() ?? string.Empty;
        var detailed = string.Equals(asked, "all", StringComparison.OrdinalIgnoreCase);
        var topics = HelpTopics.Ordered(kinds);

        // `help risks` or `help risk`: that topic alone, each command with what it does.
        var only = !detailed && asked.Length > 0 ? HelpTopics.Named(asked, topics) : null;
        if (only is not null)
        {
            (shown, detailed) = ([.. shown.Where(c => HelpTopics.Of(c, topics) == only)], true);
        }
        return HelpCard.Build(new HelpCardModel(
            [.. shown.Select(c => (Command: c, Topic: HelpTopics.Of(c, topics))).Select(c => new HelpEntry(
                c.Command.Name, c.Topic.Summary(c.Command), c.Topic.Example(c.Command), c.Command.ForProjectManagers, c.Topic.Name)
            {
                ForAdmins = c.Command.ForAdmins,
            })],
            detailed,
            topics)
        {
            Only = only,
        });
    }

    private async Task<IReadOnlySet<ProjectAction>> AllowedAsync(Caller caller, CancellationToken cancellationToken)
    {
        try
        {
            return await capabilities.OfAsync(caller.Tenant, caller.Person, cancellationToken);
        }
        catch (Exception e) when (StorageFailure.IsUnavailable(e))
        {
            // Help must answer even when storage is down: list everything; each command still checks the access table.
            return Enum.GetValues<ProjectAction>().ToHashSet();
        }
    }
}
