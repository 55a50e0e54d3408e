namespace HealthItPm.Bot.Teams.Commands;

/// <summary>The outcome of reading a line of text as a command.</summary>
public abstract record CommandMatch
{
    /// <summary>A known command, and what followed it (case and inner spacing kept).</summary>
    public sealed record Known(CommandDefinition Command, string Arguments) : CommandMatch;

    /// <summary>Not a command; <paramref name="Suggestion"/> is the closest one when it is close enough to be a typo.</summary>
    public sealed record Unknown(string Typed, CommandDefinition? Suggestion) : CommandMatch;
}

/// <summary>
/// Reads text commands case-insensitively, tolerating extra and non-breaking spaces. The longest
/// command whose words start the text wins ("project new" before "project"). Anything else gets
/// the closest command by edit distance over the same number of words, when it is a plausible typo.
/// </summary>
public sealed class CommandParser(IEnumerable<CommandDefinition> commands)
{
    private readonly IReadOnlyList<CommandDefinition> _commands = [.. commands.OrderByDescending(c => c.Words.Count)];

    public CommandMatch Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Replace('\u00a0', ' ')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var command in _commands.Where(c => StartsWith(words, c.Words)))
        {
            return new CommandMatch.Known(command, string.Join(' ', words.Skip(command.Words.Count)));
        }

        return new CommandMatch.Unknown(string.Join(' ', words), Closest(words));
    }

    private static bool StartsWith(string[] words, IReadOnlyList<string> prefix) =>
        words.Length >= prefix.Count && prefix.Select((w, i) => string.Equals(w, words[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

    private CommandDefinition? Closest(string[] words)
    {
        if (words.Length == 0)
        {
            return null;
        }

        return _commands
            .Select(c => (Command: c, Distance: Distance(string.Join(' ', words.Take(c.Words.Count)).ToLowerInvariant(), c.Name)))
            .Where(x => x.Distance <= Math.Max(1, x.Command.Name.Length / 3))
            .OrderBy(x => x.Distance)
            .ThenByDescending(x => x.Command.Words.Count)
            .Select(x => x.Command)
            .FirstOrDefault();
    }

    // Edit distance where swapping two neighbouring letters ("hlep") is one typo, not two (optimal string alignment).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
