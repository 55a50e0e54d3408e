using HealthItPm.Bot.Cards;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>
/// The text entry point of the dialog layer: one parser, one handler per command. Typed text and
/// the "run this command" buttons on cards both come through here.
/// </summary>
public sealed class CommandRouter
{
    /// <summary>Longer than any command with its arguments; longer text is not read as one.</summary>
    public const int MaxCommandLength = 500;

    private readonly Dictionary<string, ICommand> _commands;
    private readonly CommandParser _parser;

    public CommandRouter(IEnumerable<ICommand> commands)
    {
        _commands = commands.ToDictionary(c => c.Definition.Name, StringComparer.OrdinalIgnoreCase);
        _parser = new CommandParser(_commands.Values.Select(c => c.Definition));
    }

    public async Task<JObject> RouteAsync(ITurnContext turn, string? text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NoticeCard.Build(NoticeCardModel.EmptyMessage);
        }

        if (text.Length > MaxCommandLength)
        {
            return NoticeCard.Build(NoticeCardModel.TooLong(MaxCommandLength));
        }

        switch (_parser.Parse(text))
        {
            case CommandMatch.Known known:
                TurnTelemetry.Names(turn, known.Command.Name);
                return await _commands[known.Command.Name].ExecuteAsync(turn, known.Arguments, cancellationToken);
            case CommandMatch.Unknown unknown:
                TurnTelemetry.Names(turn, "unknown");
                return UnknownCommandCard.Build(new UnknownCommandModel(unknown.Typed, unknown.Suggestion?.Name));
            default:
                throw new InvalidOperationException("Unexpected command match.");
        }
    }
}
