using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Rounds;

/// <summary>The caller and the project a round's form was saved for, and the context the form's typed text is checked in.</summary>
public sealed record RoundFormTarget(Caller Caller, Project Project, PhiContext Context);

/// <summary>
/// What every form that opens or schedules rounds (a check-in schedule, a wave) does first, the same way: reads the project
/// its data names, authorizes the caller for the kind's action once (a refusal is the action's own), and gives the context
/// its typed text (a wave's name, departments) is checked in.
/// </summary>
public static class RoundForms
{
    public static async Task<(RoundFormTarget? Target, JObject? Answer)> TargetAsync(
        ITurnContext turn,
        JObject data,
        ProjectAction action,
        ProjectService projects,
        ProjectScope scope,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(scope);
        var named = data[RoundKindDescriptor.ProjectInput] is JValue { Type: JTokenType.String } value ? (string?)value : null;
        if (Caller.Of(turn) is not { } caller || !ProjectCode.TryParse(named, out var code))
        {
            return (null, NoticeCard.Build(NoticeCardModel.UnknownAction));
        }

        // Authorized before anything about the project (its time zone, its people) is read into the form.
        var allowed = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, action);
        return allowed is Outcome<Project>.Done { Value: var project }
            ? (new RoundFormTarget(caller, project, scope.PhiContextOf(project)), null)
            : (null, ProjectOutcomes.NotDone(allowed));
    }
}
