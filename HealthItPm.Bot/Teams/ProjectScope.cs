using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>Either the caller and the project a command is about, or the card to answer with instead.</summary>
public sealed record ScopeResult(Caller? Caller, ProjectCode? Project, JObject? Answer);

/// <summary>
/// Which project a command in this conversation is about: the one chosen with <c>use</c> (kept in
/// conversation state), or the only project the person is on.
/// </summary>
public sealed class ProjectScope(ConversationState conversationState, ProjectService projects, StaffDomains staff)
{
    private readonly IStatePropertyAccessor<string> _current = conversationState.CreateProperty<string>("currentProject");

    public static JObject UnknownCaller =>
        NoticeCard.Build(new NoticeCardModel(Wording.Common["UnknownCaller_Title"], Wording.Common["UnknownCaller"]));

    /// <summary>
    /// The context free text about <paramref name="project"/> is
    /// checked in: its people and the hospital's domains are staff.
    /// </summary>
    public PhiContext PhiContextOf(Project project) => staff.For(project);

    /// <summary>The context for text typed outside a project (a new project's name): the person typing is staff.</summary>
    public PhiContext PhiContextOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return staff.With([caller.Name]);
    }

    /// <summary>
    /// The context for free text about a project the caller may do
    /// <paramref name="action"/> on; otherwise the same refusal as the action itself.
    /// </summary>
    public async Task<Outcome<PhiContext>> PhiContextAsync(
        Caller caller, ProjectCode code, ProjectAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var project = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, action);
        return project is Outcome<Project>.Done { Value: var found }
            ? new Outcome<PhiContext>.Done(PhiContextOf(found))
            : project.Carry<PhiContext>();
    }

    public async Task<ScopeResult> ResolveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return new ScopeResult(null, null, UnknownCaller);
        }

        if (ProjectCode.TryParse(await _current.GetAsync(turn, () => string.Empty, cancellationToken), out var chosen))
        {
            return new ScopeResult(caller, chosen, null);
        }

        var visible = await projects.ListVisibleAsync(caller.Tenant, caller.Person, cancellationToken);
        if (visible.Count == 1)
        {
            return new ScopeResult(caller, visible[0].Code, null);
        }

        var intro = visible.Count == 0 ? null : Wording.Common["WhichProject_List"];
        return new ScopeResult(caller, null, ProjectListCard.Build(ProjectListModel.From(visible, null, projects.TodayOf, intro)));
    }

    /// <summary>
    /// As <see cref="ResolveAsync(ITurnContext, CancellationToken)"/>, but a first word that is the code of a project the
    /// caller is on names the project, and is taken off the arguments ("adkar results EHR pre go-live"). Any other first
    /// word is left to the command (a wave's name), so nobody learns from the answer whether a project they are not on exists.
    /// </summary>
    public async Task<(ScopeResult Scope, string Arguments)> ResolveAsync(
        ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var words = (arguments ?? string.Empty).Trim()
            .Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && ProjectCode.TryParse(words[0], out var named) && Caller.Of(turn) is { } caller
            && await projects.IsOnAsync(caller.Tenant, caller.Person, named, cancellationToken))
        {
            return (new ScopeResult(caller, named, null), words.Length > 1 ? words[1] : string.Empty);
        }

        return (await ResolveAsync(turn, cancellationToken), arguments ?? string.Empty);
    }

    /// <summary>
    /// The conversation's project, if the caller may do <paramref name="action"/>
    /// on it (a form opened for it); otherwise the card to answer with.
    /// </summary>
    public Task<(Caller? Caller, Project? Project, JObject? Answer)> AllowedAsync(
        ITurnContext turn, ProjectAction action, CancellationToken cancellationToken) =>
        AllowedAsync(turn, string.Empty, action, cancellationToken);

    /// <summary>
    /// As <see cref="AllowedAsync(ITurnContext, ProjectAction, CancellationToken)"/>,
    /// for the project the arguments name if the caller is on it.
    /// </summary>
    public async Task<(Caller? Caller, Project? Project, JObject? Answer)> AllowedAsync(
        ITurnContext turn, string arguments, ProjectAction action, CancellationToken cancellationToken)
    {
        var (scoped, _) = await ResolveAsync(turn, arguments, cancellationToken);
        if (scoped is not { Caller: { } caller, Project: { } code })
        {
            return (null, null, scoped.Answer);
        }

        var allowed = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, action);
        return allowed is Outcome<Project>.Done { Value: var project }
            ? (caller, project, null)
            : (null, null, ProjectOutcomes.NotDone(allowed));
    }

    public async Task<string?> CurrentAsync(ITurnContext turn, CancellationToken cancellationToken) =>
        await _current.GetAsync(turn, () => string.Empty, cancellationToken) is { Length: > 0 } code ? code : null;

    public async Task UseAsync(ITurnContext turn, ProjectCode code, CancellationToken cancellationToken)
    {
        await _current.SetAsync(turn, code.Value, cancellationToken);
        await conversationState.SaveChangesAsync(turn, cancellationToken: cancellationToken);
    }
}
