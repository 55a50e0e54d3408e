namespace HealthItPm.Bot.Teams.Commands;

/// <summary>A text command as people type it (one or more words), what it does, and an example.</summary>
public sealed record CommandDefinition(string Name, string Summary, string Example)
{
    public IReadOnlyList<string> Words { get; } = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
