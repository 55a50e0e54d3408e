using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Projects;

/// <summary>The free text people type about a project, its people, milestones, KPIs and spend.</summary>
public static class ProjectFreeText
{
    public static FreeText ProjectName { get; } = new(nameof(ProjectName));

    public static FreeText PersonName { get; } = new(nameof(PersonName));

    public static FreeText Department { get; } = new(nameof(Department));

    public static FreeText MilestoneName { get; } = new(nameof(MilestoneName));

    public static FreeText KpiName { get; } = new(nameof(KpiName));

    public static FreeText KpiUnit { get; } = new(nameof(KpiUnit));

    public static FreeText SpendNote { get; } = new(nameof(SpendNote));

    public static IReadOnlyList<FreeText> All { get; } = [ProjectName, PersonName, Department, MilestoneName, KpiName, KpiUnit, SpendNote];
}
