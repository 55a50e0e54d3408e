using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Health;

/// <summary>
/// <c>health</c> (admins): the delivery pipeline as it stands, on one card whose Refresh reads it again. Authorized
/// before anything is read; someone not an admin gets the refusal and nothing of the pipeline.
/// </summary>
public sealed class HealthCommand(AccessPolicy access, PipelineMonitor monitor, TimeProvider clock) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("health", ProjectAction.ViewPipelineHealth);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.RefreshHealth;

    public Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken) =>
        ShowAsync(turn, cancellationToken);

    public Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        ShowAsync(turn, cancellationToken);

    private async Task<JObject> ShowAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (access.CanInTenant(caller.Person, ProjectAction.ViewPipelineHealth) is { Allowed: false, Refusal: { } refusal })
        {
            return ProjectOutcomes.NotDone(new Outcome<PipelineSnapshot>.Refused(refusal));
        }

        return HealthCard.Build(await monitor.SampleAsync(cancellationToken), clock.GetUtcNow());
    }
}
