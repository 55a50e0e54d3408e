namespace HealthItPm.Bot.Teams.Commands;

/// <summary>
/// A text command as people type it (one or more words), what it does, and an example.
/// <paramref name="ForProjectManagers"/> commands change a project; help lists them only to people who manage one.
/// </summary>
public sealed record CommandDefinition(string Name, string Summary, string Example, bool ForProjectManagers = false)
{
    public IReadOnlyList<string> Words { get; } = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
