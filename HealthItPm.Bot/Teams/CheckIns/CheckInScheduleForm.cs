using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Teams.Projects;
using HealthItPm.Bot.Teams.Rounds;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Projects;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.CheckIns;

/// <summary><c>checkin schedule</c>: a weekly check-in in the project's time zone, its audience, reminder and deadline.</summary>
public sealed class CheckInScheduleForm(ProjectScope scope, CheckInService checkIns, ProjectService projectService) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("checkin schedule", ForProjectManagers: true);

    private static readonly ChoiceField Day = new("day", "Day", true, [.. Enum.GetValues<DayOfWeek>().Select(d => (d.ToString(), d.ToString()))]);
    private static readonly TimeField At = new("at", "Time (project time zone)", true);
    private static readonly NumberField RemindAfter = new("remind", "Remind non-responders after (hours)", true, 1, 72);
    private static readonly NumberField CloseAfter = new("close", "Close after (hours)", true, 2, 168);
    private static readonly ChoiceField Anonymous = new("anonymous", "Answers are", true, [("Attributed (names shown to PMs)", "false"), ("Anonymous", "true")]);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.ScheduleCheckIn;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (_, project, answer) = await scope.AllowedAsync(turn, Domain.Security.ProjectAction.ManageCheckIns, cancellationToken);
        return project is null ? answer! : FormCard.Build(Blank(project.Code, project.TimeZone) with
        {
            Values = new Dictionary<string, string>
            {
                [Day.Id] = nameof(DayOfWeek.Tuesday), [At.Id] = "10:00", [RemindAfter.Id] = "24", [CloseAfter.Id] = "48", [Anonymous.Id] = "false",
            },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller || !ProjectCode.TryParse(data["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        // Authorized before anything about the project (its time zone in the form) is shown.
        var allowed = await projectService.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, Domain.Security.ProjectAction.ManageCheckIns);
        if (allowed is not Domain.Common.Outcome<Project>.Done { Value: var project })
        {
            return ProjectOutcomes.NotDone(allowed);
        }

        var blank = Blank(code, project.TimeZone);
        var values = new FormValues(data, blank.Fields);
        var (day, at, remind, close, anonymous) = (values.Choice<DayOfWeek>(Day), values.Time(At), values.Number(RemindAfter), values.Number(CloseAfter), values.Choice(Anonymous));
        var audience = AudienceFields.Read(values, scope.PhiContextOf(project));
        if (remind >= close)
        {
            values.AddError(CloseAfter.Id, "The round must close after the reminder.");
        }

        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var schedule = new CheckInSchedule(day!.Value, at!.Value, project.TimeZone, TimeSpan.FromHours((double)remind!.Value), TimeSpan.FromHours((double)close!.Value), anonymous == "true", audience);
        var outcome = await checkIns.ScheduleAsync(caller.Tenant, caller.Person, code, schedule, cancellationToken);
        return ProjectOutcomes.Card(outcome, s => NoticeCard.Build(new NoticeCardModel(
            $"Weekly check-in set for {code}",
            $"Every {s.Day} at {s.At:HH\\:mm} ({s.TimeZone}); next on {CardElements.When(s.NextAfter(checkIns.Now)!.Value)}. Reminder after {s.RemindAfter.TotalHours:0} h, closes after {s.CloseAfter.TotalHours:0} h. Type **checkin stop** to end it.")));
    }

    private FormModel Blank(ProjectCode code, string? timeZone) => new(
        $"{code} · Weekly check-in",
        $"Times are in the project's time zone ({timeZone ?? "UTC"}), and stay put across daylight-saving changes.",
        [Day, At, RemindAfter, CloseAfter, Anonymous, AudienceFields.Disciplines, AudienceFields.Departments],
        "Save schedule",
        Verb,
        new Dictionary<string, string> { ["project"] = code.Value });
}
