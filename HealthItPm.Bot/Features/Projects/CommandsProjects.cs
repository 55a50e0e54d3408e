namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// Names CommandsProjects.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>:
/// the project commands' forms, replies and confirmations.
/// </summary>
public static class CommandsProjects;
