using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Projects;

/// <summary>
/// <c>project new</c>: the form, and its submit. Whoever creates a project (if allowed to act as a
/// PM) becomes its first PM, and it becomes the conversation's current project.
/// </summary>
public sealed class NewProjectForm(ProjectScope scope, ProjectService projects, TimeProvider clock, StatusCards statusCards)
    : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("project new", ProjectAction.CreateProject);

    /// <summary>Time zones offered first; the person's own, when Teams sent it, is added and pre-selected.</summary>
    private static readonly string[] CommonTimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
        "Pacific/Honolulu", "America/Toronto", "Europe/London", "Europe/Berlin", "Asia/Singapore", "Australia/Sydney", TimeZoneInfo.Utc.Id,
    ];

    private static TextField Code => new(
        "code", ProjectTexts.Commands["NewProject_Code"], true, ProjectCode.MaxLength, ProjectTexts.Commands["NewProject_CodePlaceholder"]);
    private static TextField Name => new(
        "name", ProjectTexts.Commands["NewProject_Name"], true, Project.MaxNameLength, ProjectTexts.Commands["NewProject_NamePlaceholder"]);
    private static ChoiceField Kind =>
        new("kind", ProjectTexts.Commands["NewProject_Kind"], true, ProjectLabels.Choices<ProjectKind>(ProjectLabels.Kind));
    private static DateField Start => new("start", ProjectTexts.Commands["NewProject_Start"], true);
    private static DateField GoLive => new("golive", ProjectTexts.Commands["NewProject_GoLive"], true);
    private static DateField End => new("end", ProjectTexts.Commands["NewProject_End"], true);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.CreateProject;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        // Refused before the form, in the words Create would refuse with, rather than after it is filled in.
        if (await projects.CreateRefusalAsync(caller.Tenant, caller.Person, cancellationToken) is { } refusal)
        {
            return NoticeCard.Build(RefusalNotice.Of(refusal));
        }

        var zone = turn.Activity.LocalTimezone;
        var today = FormValues.DateValue(ProjectCalendar.Today(clock, zone));
        var defaults = new Dictionary<string, string>
        {
            [Kind.Id] = nameof(ProjectKind.Ehr),
            [Start.Id] = today,
            ["timezone"] = zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : TimeZoneInfo.Utc.Id,
        };
        return FormCard.Build(Blank(TimeZoneField(zone)) with { Values = defaults });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        // A zone outside the common list is accepted when it is a real one (the person's own, offered on the form).
        var zoneField = TimeZoneField(data?["timezone"]?.Type == JTokenType.String ? (string?)data["timezone"] : null);
        var blank = Blank(zoneField);
        var values = new FormValues(data ?? [], blank.Fields);
        var (code, name, kind, start, goLive, end, zone) = (
            values.Text(Code),
            values.Guarded(Name, scope.PhiContextOf(caller)),
            values.Choice<ProjectKind>(Kind),
            values.Date(Start),
            values.Date(GoLive),
            values.Date(End),
            values.Choice(zoneField));
        if (code is not null && !ProjectCode.TryParse(code, out _))
        {
            values.AddError(Code.Id, ProjectTexts.Commands["NewProject_BadCode"]);
        }

        if (goLive is { } g && zone is not null && g < projects.TodayIn(zone))
        {
            values.AddError(GoLive.Id, ProjectTexts.Commands["NewProject_GoLivePast"]);
        }

        if (start > goLive)
        {
            values.AddError(GoLive.Id, ProjectTexts.Commands["NewProject_GoLiveBeforeStart"]);
        }

        if (goLive > end)
        {
            values.AddError(End.Id, ProjectTexts.Commands["NewProject_EndBeforeGoLive"]);
        }

        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var creator = new ProjectMember(caller.Person, caller.Name, ProjectRole.ProjectManager, StakeholderRole.It, null);
        var outcome = await projects.CreateAsync(
            caller.Tenant,
            creator,
            new NewProject(code!, name!, kind!.Value, start!.Value, goLive!.Value, end!.Value, zone!),
            cancellationToken);
        if (outcome is Outcome<Project>.Done done)
        {
            await scope.UseAsync(turn, done.Value.Code, cancellationToken);
        }

        return ProjectOutcomes.Card(
            outcome,
            project => CardBanner.Saved(
                statusCards.ForCreated(turn, caller, project),
                ProjectTexts.Commands.Say("NewProject_Created", project.Code)),
            message => FormCard.Build(values.Reshow(blank, message)));
    }

    private FormModel Blank(ChoiceField zone) => new(
        ProjectTexts.Commands["NewProject_FormTitle"],
        ProjectTexts.Commands["NewProject_FormIntro"],
        [Code, Name, Kind, Start, GoLive, End, zone],
        ProjectTexts.Commands["NewProject_Submit"],
        Verb,
        new Dictionary<string, string>());

    private static ChoiceField TimeZoneField(string? ownZone)
    {
        var zones = CommonTimeZones.ToList();
        if (ownZone is not null && !zones.Contains(ownZone) && TimeZoneInfo.TryFindSystemTimeZoneById(ownZone, out _))
        {
            zones.Insert(0, ownZone);
        }

        return new ChoiceField(
            "timezone", ProjectTexts.Commands["NewProject_TimeZone"], true, [.. zones.Select(z => (z.Replace('_', ' '), z))]);
    }
}
