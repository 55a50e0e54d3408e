using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>Where this feature's words come from: the project cards and the project commands' replies and forms.</summary>
internal static class ProjectTexts
{
    public static TextResource Cards { get; } = new(typeof(ProjectCards));

    public static Wording Commands { get; } = new(typeof(CommandsProjects));
}
