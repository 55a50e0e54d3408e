using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// <c>adkar start</c>: a form for a wave (name, audience, how long it stays open, anonymous or
/// attributed); saving it opens the wave and hands its cards to the delivery pipeline. While another
/// wave of the project is open, the form comes back asking to confirm.
/// </summary>
public sealed class AdkarStartForm(ProjectScope scope, ProjectService projects, AdkarService adkar, RoundSteps steps)
    : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("adkar start", ProjectAction.ManageSurveys);

    private const string Confirm = "confirm";
    private const string After = "after";

    private static TextField Name => new(
        "name",
        ReadinessTexts.Commands["AdkarStart_Name"],
        true,
        AdkarService.MaxNameLength,
        ReadinessTexts.Commands["AdkarStart_NamePlaceholder"]);
    private static NumberField CloseAfter => new("days", ReadinessTexts.Commands["AdkarStart_CloseAfter"], true, 1, 30);
    private static ChoiceField Anonymous => AudienceFields.AnswersAre(
        (ReadinessTexts.Commands["AdkarStart_Anonymous"], "true"),
        (ReadinessTexts.Commands["AdkarStart_Attributed"], "false"));

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.StartSurvey;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (_, project, answer) = await scope.AllowedAsync(turn, arguments, ProjectAction.ManageSurveys, cancellationToken);
        return project is null ? answer! : FormCard.Build(Blank(project.Code, confirm: false) with
        {
            Values = new Dictionary<string, string>
            {
                [CloseAfter.Id] = "7",
                [Anonymous.Id] = "true",
            },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        var (target, refused) = await RoundForms.TargetAsync(turn, data, ProjectAction.ManageSurveys, projects, scope, cancellationToken);
        if (target is null)
        {
            return refused!;
        }

        var (caller, code, context) = (target.Caller, target.Project.Code, target.Context);
        var open = await adkar.OpenWaveAsync(caller.Tenant, caller.Person, code, cancellationToken);
        if (open is not Outcome<Round?>.Done { Value: var openWave })
        {
            return ProjectOutcomes.NotDone(open);
        }

        var blank = Blank(code, confirm: false);
        var values = new FormValues(data, blank.Fields);
        var (name, days, anonymous, audience) = (
            values.Guarded(Name, context),
            values.Number(CloseAfter),
            values.Choice(Anonymous),
            AudienceFields.Read(values, context));
        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var confirmed = data[Confirm]?.Type == JTokenType.String && (string?)data[Confirm] == "yes";
        if (openWave is not null && !confirmed)
        {
            return FormCard.Build(values.Reshow(
                Blank(code, confirm: true, openWave.Id),
                ReadinessTexts.Commands.Markdown("AdkarStart_StillOpen", openWave.Name ?? openWave.Id, Markdown.When(openWave.ClosesAt))));
        }

        // Confirmed beside the wave named when it was asked (else the one open now): the same confirmation
        // submitted twice (or its invoke delivered again) starts one more wave, not two.
        var named = data[After]?.Type == JTokenType.String ? (string?)data[After] : null;
        var after = !confirmed ? null : string.IsNullOrEmpty(named) ? openWave?.Id : named;
        var outcome = await adkar.StartAsync(
            caller.Tenant,
            caller.Person,
            code,
            name!.Value,
            TimeSpan.FromDays((double)days!.Value),
            anonymous == "true",
            audience,
            after,
            cancellationToken);
        if (outcome is not Outcome<Round>.Done { Value: var wave })
        {
            return outcome is Outcome<Round>.Invalid invalid
                ? FormCard.Build(values.Reshow(blank, ProblemText.Of(invalid.Problem)))
                : ProjectOutcomes.NotDone(outcome);
        }

        // Queued now rather than at the next scheduler tick; the pipeline's records keep a concurrent tick from sending twice.
        await steps.QueueCardsAsync(caller.Tenant, code, AdkarRounds.Kind, wave.Id, cancellationToken);
        var people = wave.Audience.Count;
        return NoticeCard.Build(new NoticeCardModel(
            ReadinessTexts.Commands.Say("AdkarStart_Started_Title", CardElements.Escape(wave.Name ?? wave.Id)),
            ReadinessTexts.Commands.CountMarkdown(
                wave.Anonymous ? "AdkarStart_SendingAnonymously" : "AdkarStart_Sending",
                people,
                Markdown.When(wave.RemindAt),
                Markdown.When(wave.ClosesAt),
                AdkarResults.MinimumGroupSize)));
    }

    private FormModel Blank(ProjectCode code, bool confirm, string? after = null) => new(
        ReadinessTexts.Commands.Say("AdkarStart_FormTitle", code),
        ReadinessTexts.Commands["AdkarStart_FormIntro"],
        [Name, AudienceFields.Disciplines, AudienceFields.Departments, AudienceFields.ProjectManagers, CloseAfter, Anonymous],
        ReadinessTexts.Commands["AdkarStart_Submit"],
        Verb,
        confirm
            ? new Dictionary<string, string> { ["project"] = code.Value, [Confirm] = "yes", [After] = after ?? string.Empty }
            : new Dictionary<string, string> { ["project"] = code.Value });
}

/// <summary>A readiness command about the conversation's current project, with an optional argument.</summary>
public abstract class AdkarCommand(ProjectScope scope, IProjectRepository projects) : ICommand
{
    public abstract CommandDefinition Definition { get; }

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (scoped, rest) = await scope.ResolveAsync(turn, arguments, cancellationToken);
        if (scoped is not { Caller: { } caller, Project: { } code })
        {
            return scoped.Answer!;
        }

        var heading = await projects.HeadingOfAsync(caller.Tenant, code, cancellationToken);
        return await ExecuteAsync(caller, code, heading, rest, cancellationToken);
    }

    protected abstract Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode code, ProjectHeading project, string arguments, CancellationToken cancellationToken);
}

/// <summary><c>adkar waves</c>: the project's waves, newest first.</summary>
public sealed class AdkarWavesCommand(ProjectScope scope, IProjectRepository projects, AdkarService adkar) : AdkarCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("adkar waves", ProjectAction.ManageSurveys);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode code, ProjectHeading project, string arguments, CancellationToken cancellationToken) =>
        ProjectOutcomes.Card(
            await adkar.WavesAsync(caller.Tenant, caller.Person, code, cancellationToken),
            waves => AdkarWavesCard.Build(new AdkarWavesModel(code.Value, project, waves)));
}

/// <summary><c>adkar results [wave]</c>: a wave's results (the latest, or the one named), compared with the wave before.</summary>
public sealed class AdkarResultsCommand(ProjectScope scope, IProjectRepository projects, AdkarService adkar) : AdkarCommand(scope, projects)
{
    public static readonly CommandDefinition Command = new("adkar results", ProjectAction.ManageSurveys);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode code, ProjectHeading project, string arguments, CancellationToken cancellationToken) =>
        ProjectOutcomes.Card(
            await adkar.ResultsAsync(caller.Tenant, caller.Person, code, arguments, cancellationToken),
            // Whoever may read the results (the project's PMs, admins) may remove patient details from the wave's comments.
            results => AdkarResultsCard.Build(new AdkarResultsModel(code.Value, project, results) { CanRemovePatientDetails = true }));
}
