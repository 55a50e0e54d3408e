namespace HealthItPm.Bot.Hosting;

/// <summary>What the Teams client the bot talks to can show (section <c>TeamsClient</c>).</summary>
public sealed class TeamsClientOptions
{
    public const string SectionName = "TeamsClient";

    /// <summary>
    /// People pickers search as the person types (Teams asks the bot through <c>application/search</c>).
    /// Teams does; the Microsoft 365 Agents Playground does not (it shows such a picker empty), so
    /// <c>tools/run</c> and the end-to-end tests turn it off and pickers list people as tick boxes.
    /// </summary>
    public bool TypeaheadSearch { get; set; } = true;
}
