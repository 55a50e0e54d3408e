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
/// each command does.
/// </summary>
public sealed class HelpCommand(IEnumerable<CommandDefinition> commands, Capabilities capabilities) : ICommand
{
    public static readonly CommandDefinition Command = new("help");

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var allowed = Caller.Of(turn) is { } caller ? await AllowedAsync(caller, cancellationToken) : null;
        var shown = commands.Where(c => allowed is null ? c.Action is null : c.IsOfferedTo(allowed)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var detailed = string.Equals(arguments?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        return HelpCard.Build(new HelpCardModel([.. shown.Select(c => new HelpEntry(c.Name, c.Summary, c.Example, c.ForProjectManagers, TopicOf(c)) { ForAdmins = c.ForAdmins })], detailed));
    }

    /// <summary>The task a command belongs to, by its first word: one place, so a new command lands in its group.</summary>
    public static string TopicOf(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Words[0].ToLowerInvariant() switch
        {
            "project" or "use" or "status" or "phase" => HelpCard.Topics[0],
            "stakeholders" or "stakeholder" or "pm" or "audit" => HelpCard.Topics[1],
            "milestones" or "milestone" or "budget" or "spend" or "kpis" or "kpi" => HelpCard.Topics[2],
            "checkin" => HelpCard.Topics[3],
            "adkar" => HelpCard.Topics[4],
            "risks" or "risk" or "report" or "escalation" => HelpCard.Topics[5],
            _ => HelpCard.OtherTopic,
        };
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
