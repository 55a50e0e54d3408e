using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>A check-in command about the conversation's current project (or the one named after it).</summary>
public abstract class CheckInCommand(ProjectScope scope) : ICommand
{
    public abstract CommandDefinition Definition { get; }

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        if (scoped.Caller is not { } caller)
        {
            return scoped.Answer!;
        }

        // "anyway" confirms a step the command asked about first (a second check-in while one is open); the
        // word after it, when the question's button sent it, names the round that was open when it was asked.
        // "including pms" sends the round to the project's PMs too.
        var words = (arguments ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var including = words.FindIndex(w => w.Equals(Including[0], StringComparison.OrdinalIgnoreCase));
        var withPms = including >= 0
            && including + 1 < words.Count
            && words[including + 1].Equals(Including[1], StringComparison.OrdinalIgnoreCase);
        if (withPms)
        {
            words.RemoveRange(including, 2);
        }

        var at = words.FindIndex(w => w.Equals(Anyway, StringComparison.OrdinalIgnoreCase));
        var confirmed = at < 0 ? null : new Confirmation(at + 1 < words.Count ? words[at + 1] : null);
        var code = ProjectCode.TryParse(string.Join(' ', at < 0 ? words : words[..at]), out var named) ? named : scoped.Project;
        return code is { } project
            ? await ExecuteAsync(caller, project, new CheckInArguments(confirmed, withPms), cancellationToken)
            : scoped.Answer!;
    }

    protected const string Anyway = "anyway";

    protected static readonly string[] Including = ["including", "pms"];

    /// <summary>The PM confirmed sending another round while <paramref name="Open"/> (its id, when the button named it) was open.</summary>
    protected sealed record Confirmation(string? Open);

    /// <summary>What follows the command and the project: a confirmation, and whether the project's PMs get the round too.</summary>
    protected sealed record CheckInArguments(Confirmation? Anyway, bool WithProjectManagers);

    protected abstract Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode project, CheckInArguments arguments, CancellationToken cancellationToken);

    protected static async Task<JObject> SummaryCardAsync(
        CheckInService checkIns, IProjectRepository projects, Caller caller, ProjectCode code, CancellationToken cancellationToken)
    {
        var outcome = await checkIns.SummaryAsync(caller.Tenant, caller.Person, code, cancellationToken);
        if (outcome is not Outcome<RoundSummary>.Done { Value: var summary })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        // The name only once the summary was authorized.
        var heading = await projects.HeadingOfAsync(caller.Tenant, code, cancellationToken);
        // Whoever may read the summary (the project's PMs, admins) may remove patient details from it.
        return RoundSummaryCard.Build(new RoundSummaryModel(code.Value, heading, summary) { CanRemovePatientDetails = true });
    }
}

/// <summary>
/// <c>checkin now [including pms]</c>: opens a round for the project's stakeholders (and its PMs, when asked),
/// asking first while another is open, and hands its cards to the delivery pipeline, answering at once however
/// large the audience (a double click opens one round and sends each card once).
/// </summary>
public sealed class CheckInNowCommand(ProjectScope scope, CheckInService checkIns, RoundSteps rounds, IProjectRepository projects)
    : CheckInCommand(scope)
{
    public static readonly CommandDefinition Command = new("checkin now", ProjectAction.ManageCheckIns);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode project, CheckInArguments arguments, CancellationToken cancellationToken)
    {
        var (anyway, withPms) = arguments;
        var open = anyway is { Open: not null } ? null
            : await checkIns.OpenRoundAsync(caller.Tenant, caller.Person, project, cancellationToken)
                is Outcome<Round?>.Done { Value: { } found } ? found : null;
        if (anyway is null && open is not null)
        {
            // The button names the open round: pressed twice (or its invoke delivered again), it sends one more round, not two.
            return NoticeCard.Build(new NoticeCardModel(
                CheckInTexts.Commands["CheckInNow_StillOpen_Title"],
                CheckInTexts.Commands.Markdown(
                    "CheckInNow_StillOpen",
                    project.Value,
                    CardFormat.RoundDay(open.OpensAt, (await projects.HeadingOfAsync(caller.Tenant, project, cancellationToken)).TimeZone),
                    Markdown.When(open.ClosesAt)),
                (CheckInTexts.Commands["CheckInNow_SendAnother"],
                    $"{Command.Name} {project} {Anyway} {open.Id}" + (withPms ? " " + string.Join(' ', Including) : string.Empty))));
        }

        // Confirmed by typing "anyway": beside the round open now.
        var after = anyway is null ? null : anyway.Open ?? open?.Id;
        var settings = RoundSettings.Default with { Audience = Audience.Everyone with { ProjectManagers = withPms } };
        var outcome = await checkIns.StartNowAsync(caller.Tenant, caller.Person, project, settings, after, cancellationToken);
        if (outcome is not Outcome<Round>.Done done)
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        // Queued now rather than at the next scheduler tick; the pipeline's records keep a concurrent tick from sending twice.
        await rounds.QueueCardsAsync(caller.Tenant, project, CheckInRounds.Kind, done.Value.Id, cancellationToken);
        var people = done.Value.Audience.Count;
        return CardBanner.Saved(
            await SummaryCardAsync(checkIns, projects, caller, project, cancellationToken),
            CheckInTexts.Commands.CountMarkdown("CheckInNow_Sending", people, Markdown.When(done.Value.ClosesAt)));
    }
}

/// <summary><c>checkin status</c>: the latest round's results so far, with the trend.</summary>
public sealed class CheckInStatusCommand(ProjectScope scope, CheckInService checkIns, IProjectRepository projects) : CheckInCommand(scope)
{
    public static readonly CommandDefinition Command = new("checkin status", ProjectAction.ManageCheckIns);

    public override CommandDefinition Definition => Command;

    protected override Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode project, CheckInArguments arguments, CancellationToken cancellationToken) =>
        SummaryCardAsync(checkIns, projects, caller, project, cancellationToken);
}

/// <summary><c>checkin stop</c>: ends the recurring check-in (open rounds run to their deadline).</summary>
public sealed class CheckInStopCommand(ProjectScope scope, CheckInService checkIns) : CheckInCommand(scope)
{
    public static readonly CommandDefinition Command = new("checkin stop", ProjectAction.ManageCheckIns);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, ProjectCode project, CheckInArguments arguments, CancellationToken cancellationToken) =>
        ProjectOutcomes.Card(
            await checkIns.StopAsync(caller.Tenant, caller.Person, project, cancellationToken),
            existed => NoticeCard.Build(existed
                ? new NoticeCardModel(Texts["CheckInStop_Stopped_Title"], Texts.Say("CheckInStop_Stopped", project))
                : new NoticeCardModel(Texts["CheckInStop_None_Title"], Texts.Say("CheckInStop_None", project))));

    private static Wording Texts => CheckInTexts.Commands;
}
