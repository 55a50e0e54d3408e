namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// Names ProjectCards.resx for <see cref="Microsoft.Extensions.Localization.IStringLocalizer"/>: the words of
/// the project cards (status, budget, milestones, KPIs, people, the project list) and how project values read.
/// </summary>
public static class ProjectCards;
