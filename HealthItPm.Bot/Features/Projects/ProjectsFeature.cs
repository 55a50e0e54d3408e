using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>Projects, people, milestones, budget and KPIs: the use cases and their commands and forms.</summary>
public sealed class ProjectsFeature : IFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ProjectService>();
        services.AddSingleton<Domain.Risks.Capabilities>();
        services.AddSingleton<StatusCards>();
        services.AddSingleton<MoneyFormats>();

        services.AddCommand<ProjectListCommand>(ProjectListCommand.Command);
        services.AddCommand<StatusCommand>(StatusCommand.Command);
        services.AddCommand<MilestonesCommand>(MilestonesCommand.Command);
        services.AddCommand<StakeholdersCommand>(StakeholdersCommand.Command);
        services.AddCommand<KpisCommand>(KpisCommand.Command);
        services.AddCommand<BudgetCommand>(BudgetCommand.Command);
        services.AddForm<UseProjectCommand>(UseProjectCommand.Command);
        services.AddForm<NewProjectForm>(NewProjectForm.Command);
        services.AddForm<PhaseForm>(PhaseForm.Command);
        services.AddForm<StakeholderAddForm>(StakeholderAddForm.Command);
        services.AddForm<StakeholderRemoveForm>(StakeholderRemoveForm.Command);
        services.AddForm<MilestoneAddForm>(MilestoneAddForm.Command);
        services.AddForm<MilestoneDoneForm>(MilestoneDoneForm.Command);
        services.AddForm<MilestoneProgressForm>(MilestoneProgressForm.Command);
        services.AddForm<BudgetSetForm>(BudgetSetForm.Command);
        services.AddForm<SpendForm>(SpendForm.Command);
        services.AddForm<KpiAddForm>(KpiAddForm.Command);
        services.AddForm<KpiRecordForm>(KpiRecordForm.Command);
        services.AddForm<AllowProjectManagersForm>(AllowProjectManagersForm.Command);
    }
}
