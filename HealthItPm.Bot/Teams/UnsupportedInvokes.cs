using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// The invokes HealthItPm answers, and the answer to every other one. The Bot Framework answers an invoke
/// it has no handler for with 501, a server error that monitoring counts as the bot failing; HealthItPm
/// declares no message extension, dialog, tab, file consent or sign-in, so Teams has no reason to send
/// those, and an invoke it does not support is the caller's mistake: 400, without running anything.
/// Each name is logged once per process (a warning: a client sends something the manifest does not
/// declare), and at most <see cref="MostNamesLogged"/> names, so a caller cannot fill the log with names.
/// </summary>
public sealed partial class UnsupportedInvokes(ILogger<UnsupportedInvokes> logger)
{
    public const int MostNamesLogged = 32;

    private const int LongestName = 64;

    private readonly ConcurrentDictionary<string, bool> _logged = new(StringComparer.Ordinal);

    /// <summary>The invoke of a card's Universal Action, which the activity handler answers itself.</summary>
    public const string CardAction = "adaptiveCard/action";

    public InvokeResponse Answer(IInvokeActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var name = LoggableName(activity.Name);
        if (_logged.Count < MostNamesLogged && _logged.TryAdd(name, true))
        {
            LogUnsupported(logger, name);
            if (_logged.Count >= MostNamesLogged)
            {
                LogNoMoreNames(logger, MostNamesLogged);
            }
        }

        return new InvokeResponse { Status = StatusCodes.Status400BadRequest };
    }

    // Invoke names are short paths ("task/fetch"): an empty name is logged as "", anything else as "?", never quoted.
    private static string LoggableName(string? name) =>
        name is null || (name.Length <= LongestName && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.'))
            ? name ?? string.Empty
            : "?";

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Answered 400 to an invoke named \"{InvokeName}\", which HealthItPm does not support; later ones are not logged")]
    private static partial void LogUnsupported(ILogger logger, string invokeName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} unsupported invoke names have been logged; no further ones are")]
    private static partial void LogNoMoreNames(ILogger logger, int count);
}
