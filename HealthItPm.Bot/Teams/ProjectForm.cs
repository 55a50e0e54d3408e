using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>
/// What a form works with: the turn, who is asking, the project as
/// stored now, and the context its free text is checked for PHI in.
/// </summary>
public sealed record FormContext(
    ITurnContext Turn, Caller Caller, Project Project, DateOnly Today, PhiContext Phi, CancellationToken CancellationToken)
{
    /// <summary>
    /// What the card sent, when the form was submitted (null when a command shows
    /// it): a form in steps reads which step it is at from its hidden values.
    /// </summary>
    public JObject? Submitted { get; init; }
}

/// <summary>
/// A form that changes a project: its command shows it, its verb submits it. The project code
/// travels in the card's data, which is untrusted: every submit re-reads the project, re-checks the
/// caller's role on it and re-validates every value. A wrong value shows the form again with the
/// message beside the field and the other entries kept.
/// </summary>
public abstract class ProjectForm(ProjectScope scope, ProjectService projects) : ICommand, ICardActionHandler
{
    private const string ProjectKey = "project";

    public abstract CommandDefinition Definition { get; }

    public abstract string Verb { get; }

    /// <summary>
    /// What the caller must be allowed to do to see and submit the
    /// form: its command's action, the one help offers it for.
    /// </summary>
    protected ProjectAction Action =>
        Definition.Action ?? throw new InvalidOperationException($"The form {Definition.Name} names no action.");

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        // "stakeholder remove EHR": a project the caller is on may be named; otherwise the chat's project.
        var (scoped, _) = await scope.ResolveAsync(turn, arguments, cancellationToken);
        if (scoped is not { Caller: { } caller, Project: { } code })
        {
            return scoped.Answer!;
        }

        var outcome = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, Action);
        if (outcome is not Outcome<Project>.Done done)
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        var context = new FormContext(
            turn, caller, done.Value, projects.TodayIn(done.Value.TimeZone), scope.PhiContextOf(done.Value), cancellationToken);
        return FormCard.Build(await BlankAsync(context));
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!ProjectCode.TryParse(data[ProjectKey]?.Type == JTokenType.String ? (string?)data[ProjectKey] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var current = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, Action);
        if (current is not Outcome<Project>.Done done)
        {
            return ProjectOutcomes.NotDone(current);
        }

        var context = new FormContext(
            turn, caller, done.Value, projects.TodayIn(done.Value.TimeZone), scope.PhiContextOf(done.Value), cancellationToken)
        {
            Submitted = data,
        };
        var blank = await BlankAsync(context);
        var values = new FormValues(data, blank.Fields);
        var change = await ReadAsync(context, values);
        if (!values.IsValid || change is null)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        if (await NextStepAsync(context, values) is { } next)
        {
            return FormCard.Build(WithProject(next, context));
        }

        var outcome = await projects.ChangeAsync(caller.Tenant, caller.Person, code, Action, change, cancellationToken);
        if (outcome is Outcome<Project>.Done saved)
        {
            await SavedAsync(context, saved.Value, values);
        }

        return ProjectOutcomes.Card(
            outcome,
            project => Done(context, project, projects.TodayIn(project.TimeZone), values),
            message => FormCard.Build(values.Reshow(blank, message)));
    }

    /// <summary>The empty form (with sensible defaults) for this project.</summary>
    protected abstract Task<FormModel> FormAsync(FormContext context);

    /// <summary>Reads the submitted values into the change to apply; records problems in <paramref name="values"/>.</summary>
    protected abstract Task<Action<Project, DateOnly>?> ReadAsync(FormContext context, FormValues values);

    /// <summary>
    /// The form's next step instead of saving, when the values asked for one (e.g. "set each person's
    /// role" after picking people); null, for most forms, saves the change.
    /// </summary>
    protected virtual Task<FormModel?> NextStepAsync(FormContext context, FormValues values) => Task.FromResult<FormModel?>(null);

    /// <summary>What follows from the change once it is saved, before the card is built (nothing, for most forms).</summary>
    protected virtual Task SavedAsync(FormContext context, Project project, FormValues values) => Task.CompletedTask;

    /// <summary>
    /// The card that replaces the form once the change is saved
    /// (<paramref name="context"/> is who asked, in which turn).
    /// </summary>
    protected abstract JObject Done(FormContext context, Project project, DateOnly today, FormValues values);

    private async Task<FormModel> BlankAsync(FormContext context) => WithProject(await FormAsync(context), context);

    // The form's own hidden values (a step's) travel with the project's code.
    private FormModel WithProject(FormModel form, FormContext context) =>
        form with { Verb = Verb, Hidden = new Dictionary<string, string>(form.Hidden) { [ProjectKey] = context.Project.Code.Value } };
}
