using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary><c>checkin schedule</c>: a weekly check-in in the project's time zone, its audience, reminder and deadline.</summary>
public sealed class CheckInScheduleForm(ProjectScope scope, CheckInService checkIns, ProjectService projectService)
    : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("checkin schedule", ProjectAction.ManageCheckIns);

    private static ChoiceField Day => new(
        "day",
        Wording.Common["Form_Day"],
        true,
        [.. Enum.GetValues<DayOfWeek>().Select(d => (CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d), d.ToString()))]);
    private static TimeField At => new("at", CheckInTexts.Commands["CheckInSchedule_At"], true);
    private static NumberField RemindAfter => new("remind", CheckInTexts.Commands["CheckInSchedule_RemindAfter"], true, 1, 72);
    private static NumberField CloseAfter => new("close", CheckInTexts.Commands["CheckInSchedule_CloseAfter"], true, 2, 168);
    private static ChoiceField Anonymous => AudienceFields.AnswersAre(
        (CheckInTexts.Commands["CheckInSchedule_Attributed"], "false"),
        (CheckInTexts.Commands["CheckInSchedule_AnonymousChoice"], "true"));

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.ScheduleCheckIn;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (_, project, answer) =
            await scope.AllowedAsync(turn, arguments, Domain.Security.ProjectAction.ManageCheckIns, cancellationToken);
        return project is null ? answer! : FormCard.Build(Blank(project.Code, project.TimeZone) with
        {
            Values = new Dictionary<string, string>
            {
                [Day.Id] = nameof(DayOfWeek.Tuesday),
                [At.Id] = "10:00",
                [RemindAfter.Id] = "24",
                [CloseAfter.Id] = "48",
                [Anonymous.Id] = "false",
            },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        var (target, refused) =
            await RoundForms.TargetAsync(turn, data, ProjectAction.ManageCheckIns, projectService, scope, cancellationToken);
        if (target is null)
        {
            return refused!;
        }

        var (caller, project) = (target.Caller, target.Project);
        var code = project.Code;
        var blank = Blank(code, project.TimeZone);
        var values = new FormValues(data, blank.Fields);
        var (day, at, remind, close, anonymous) = (
            values.Choice<DayOfWeek>(Day),
            values.Time(At),
            values.Number(RemindAfter),
            values.Number(CloseAfter),
            values.Choice(Anonymous));
        var audience = AudienceFields.Read(values, target.Context);
        if (remind >= close)
        {
            values.AddError(CloseAfter.Id, CheckInTexts.Commands["CheckInSchedule_CloseAfterReminder"]);
        }

        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var schedule = new CheckInSchedule(
            day!.Value,
            at!.Value,
            project.TimeZone,
            TimeSpan.FromHours((double)remind!.Value),
            TimeSpan.FromHours((double)close!.Value),
            anonymous == "true",
            audience);
        var outcome = await checkIns.ScheduleAsync(caller.Tenant, caller.Person, code, schedule, cancellationToken);
        return ProjectOutcomes.Card(outcome, s => NoticeCard.Build(new NoticeCardModel(
            CheckInTexts.Commands.Say("CheckInSchedule_Set_Title", code),
            CheckInTexts.Commands.Markdown(
                "CheckInSchedule_Set",
                CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(s.Day),
                s.At,
                s.TimeZone,
                Markdown.When(s.NextAfter(checkIns.Now)!.Value),
                s.RemindAfter.TotalHours,
                s.CloseAfter.TotalHours))));
    }

    private FormModel Blank(ProjectCode code, string? timeZone) => new(
        CheckInTexts.Commands.Say("CheckInSchedule_FormTitle", code),
        CheckInTexts.Commands.Say("CheckInSchedule_FormIntro", timeZone ?? TimeZoneInfo.Utc.Id),
        [
            Day,
            At,
            RemindAfter,
            CloseAfter,
            Anonymous,
            AudienceFields.Disciplines,
            AudienceFields.Departments,
            AudienceFields.ProjectManagers,
        ],
        CheckInTexts.Commands["CheckInSchedule_Submit"],
        Verb,
        new Dictionary<string, string> { ["project"] = code.Value });
}
