using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary><c>status</c>: the project status card.</summary>
public sealed class StatusCommand(ProjectScope scope, ProjectService projects, StatusCards statusCards)
    : ProjectViewCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("status", ProjectAction.ViewStatus);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken) =>
        statusCards.BuildAsync(turn, caller, project, cancellationToken);
}

/// <summary><c>milestones</c>: the timeline (planned against done, today marked, late flagged).</summary>
public sealed class MilestonesCommand(ProjectScope scope, ProjectService projects) : ProjectViewCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("milestones", ProjectAction.ViewStatus);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken) =>
        Task.FromResult(MilestonesCard.Build(MilestonesModel.From(project, today)));
}

/// <summary><c>stakeholders</c>: who is on the project, by role and department.</summary>
public sealed class StakeholdersCommand(ProjectScope scope, ProjectService projects) : ProjectViewCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("stakeholders", ProjectAction.ViewStatus);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken) =>
        Task.FromResult(StakeholdersCard.Build(StakeholdersModel.From(project)));
}

/// <summary><c>kpis</c>: outcome measures against their targets.</summary>
public sealed class KpisCommand(ProjectScope scope, ProjectService projects) : ProjectViewCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("kpis", ProjectAction.ViewStatus);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken) =>
        Task.FromResult(KpisCard.Build(new KpisModel(project.Code.Value, project.Name, project.Kpis)));
}

/// <summary><c>budget</c>: budget, spend and earned value.</summary>
public sealed class BudgetCommand(ProjectScope scope, ProjectService projects, MoneyFormats money) : ProjectViewCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("budget", ProjectAction.ViewBudget);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> RenderAsync(
        ITurnContext turn, Caller caller, Project project, DateOnly today, CancellationToken cancellationToken) =>
        Task.FromResult(BudgetCard.Build(
            new BudgetModel(project.Code.Value, project.Name, project.EarnedValue(today), project.Spend, money.For(turn))));
}
