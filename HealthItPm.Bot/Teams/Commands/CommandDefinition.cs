using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>
/// A text command as people type it (one or more words); what it does and an example are named after its words
/// (<c>checkin schedule</c>: CheckinSchedule_Summary, CheckinSchedule_Example), in the words of its help topic
/// (<see cref="HelpTopic.Summary"/>), read in the reader's language.
/// <paramref name="Action"/> is what the command does in the access table (null: anyone may use it, e.g. <c>help</c>):
/// help offers the command only to people the table allows it somewhere, and the command checks the same action.
/// </summary>
public sealed record CommandDefinition(string Name, ProjectAction? Action = null)
{
    public IReadOnlyList<string> Words { get; } = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A command for project managers (and admins) only, by its action's row: help shows these apart.</summary>
    public bool ForProjectManagers => Action is { } action
        && !ForAdmins
        && (AccessRules.Of(action).Who & ~(Who.ProjectManagers | Who.AllowedProjectManagers)) == 0;

    /// <summary>A command for admins only (its row allows nobody else): help shows these apart, labelled for admins.</summary>
    public bool ForAdmins => Action is { } action && AccessRules.Of(action).Who == Who.AdminsOnly;

    /// <summary>Whether help offers the command to someone who may do <paramref name="allowed"/>.</summary>
    public bool IsOfferedTo(IReadOnlySet<ProjectAction> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return Action is not { } action || allowed.Contains(action);
    }

    /// <summary>What its help texts are named after: its words, each capitalized (<c>CheckinSchedule</c>).</summary>
    public string HelpKey => string.Concat(Words.Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
