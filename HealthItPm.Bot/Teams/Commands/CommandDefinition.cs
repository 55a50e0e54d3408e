using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Teams.Commands;

/// <summary>
/// A text command as people type it (one or more words); what it does and an example are in CommandsHelp.resx, named
/// after its words (<c>checkin schedule</c>: CheckinSchedule_Summary, CheckinSchedule_Example), read in the reader's language.
/// <paramref name="ForProjectManagers"/> commands change a project; help lists them only to people who manage one.
/// </summary>
public sealed record CommandDefinition(string Name, bool ForProjectManagers = false)
{
    public IReadOnlyList<string> Words { get; } = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string Summary => Wording.Help[$"{Key}_Summary"];

    public string Example => Wording.Help[$"{Key}_Example"];

    private string Key => string.Concat(Words.Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
