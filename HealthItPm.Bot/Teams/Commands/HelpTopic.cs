using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Texts;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>
/// A task help groups commands under, by name: its title in the reader's language, the first words of the commands
/// it holds (<c>checkin</c> holds <c>checkin now</c>, <c>checkin status</c>, …), and where their help is worded.
/// </summary>
public sealed record HelpTopic(string Name, Func<string> Title, IReadOnlyList<string> Words)
{
    /// <summary>The resx its commands' help is in: a kind of round's own; the shared topics' are in CommandsHelp.resx.</summary>
    internal TextResource Help { get; init; } = Shared;

    private static TextResource Shared { get; } = new(typeof(CommandsHelp));

    /// <summary>What the command does, as help lists it.</summary>
    public string Summary(CommandDefinition command) => Help[$"{Checked(command).HelpKey}_Summary"];

    /// <summary>The command as typed, with its arguments.</summary>
    public string Example(CommandDefinition command) => Help[$"{Checked(command).HelpKey}_Example"];

    /// <summary>Whether the topic holds the command: by its first word.</summary>
    public bool Holds(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Words.Contains(command.Words[0], StringComparer.OrdinalIgnoreCase);
    }

    private static CommandDefinition Checked(CommandDefinition command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command;
    }
}

/// <summary>
/// The topics of help, declared by name here; each kind of round declares its own topic with its descriptor
/// (<c>RoundKindDescriptor.HelpTopic</c>), and help lists those after the plan, in the order the kinds are registered.
/// </summary>
public static class HelpTopics
{
    public static HelpTopic Projects { get; } = Shared("projects", "project", "use", "status", "phase");

    public static HelpTopic People { get; } = Shared("people", "stakeholders", "stakeholder", "pm", "audit", "health");

    public static HelpTopic Plan { get; } = Shared("plan", "milestones", "milestone", "budget", "spend", "kpis", "kpi");

    public static HelpTopic Risks { get; } = Shared("risks", "risks", "risk", "report", "escalation");

    public static HelpTopic Digests { get; } = Shared("digests", "digest");

    /// <summary>The name of <see cref="More"/>.</summary>
    public const string MoreName = "more";

    /// <summary>What no other topic holds (<c>help</c> itself).</summary>
    public static HelpTopic More { get; } = Shared(MoreName);

    /// <summary>Every topic in the order a new person meets them: the shared ones, with the kinds' topics after the plan.</summary>
    public static IReadOnlyList<HelpTopic> Ordered(IEnumerable<HelpTopic> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        HelpTopic[] before = [Projects, People, Plan];
        HelpTopic[] after = [Risks, Digests, More];
        return [.. before.Concat(kinds).Concat(after).DistinctBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>The topic a person names: by its name or by a command it holds (<c>risk</c> → risks); null when none.</summary>
    public static HelpTopic? Named(string word, IEnumerable<HelpTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var first = word.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        return topics.FirstOrDefault(t => string.Equals(t.Name, first, StringComparison.OrdinalIgnoreCase))
            ?? topics.FirstOrDefault(t => t.Words.Contains(first, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The topic of <paramref name="topics"/> that holds the command; <see cref="More"/> when none does.</summary>
    public static HelpTopic Of(CommandDefinition command, IEnumerable<HelpTopic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.FirstOrDefault(t => t.Holds(command)) ?? More;
    }

    private static HelpTopic Shared(string name, params string[] words) => new(name, () => CardTexts.Common[$"Help_Topic_{name}"], words);
}
