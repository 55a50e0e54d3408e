using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>
/// What the digest commands share: who is asking, and the time zone their Teams reports, which a
/// subscribed leader's digest follows from then on (they may have travelled, or the hospital's zone
/// stood in until now).
/// </summary>
public abstract class DigestCommand(DigestSubscriptions subscriptions) : ICommand
{
    protected DigestSubscriptions Subscriptions { get; } = subscriptions;

    public abstract CommandDefinition Definition { get; }

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        await Subscriptions.NoteTimeZoneAsync(caller.Tenant, caller.Person, turn.Activity.LocalTimezone, cancellationToken);
        return await ExecuteAsync(caller, turn.Activity.LocalTimezone, (arguments ?? string.Empty).Trim(), cancellationToken);
    }

    protected abstract Task<JObject> ExecuteAsync(Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken);


    public static string When(DigestSubscription s) =>
        DigestTexts.Commands.Say("Digest_When", CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(s.Day), s.Hour, s.TimeZone);

    public static string Covers(DigestSubscription s)
    {
        var projects = string.Join(", ", s.Projects.Select(p => p.Value));
        return s.Projects.Count == 0 ? (s.Portfolio ? DigestTexts.Commands["Digest_CoversPortfolio"] : string.Empty)
            : DigestTexts.Commands.Say(s.Portfolio ? "Digest_CoversPortfolioAndProjects" : "Digest_CoversProjects", projects);
    }
}

/// <summary>A digest command about the portfolio ("", "portfolio" or "all") or one project (its code).</summary>
public abstract class ScopedDigestCommand(DigestSubscriptions subscriptions) : DigestCommand(subscriptions)
{
    protected sealed override Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0
            || arguments.Equals("portfolio", StringComparison.OrdinalIgnoreCase)
            || arguments.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ExecuteAsync(caller, timeZone, (ProjectCode?)null, cancellationToken);
        }

        return ProjectCode.TryParse(arguments, out var code)
            ? ExecuteAsync(caller, timeZone, code, cancellationToken)
            : Task.FromResult(NoticeCard.Build(new NoticeCardModel(
                DigestTexts.Commands["Digest_Which_Title"],
                DigestTexts.Commands.Say("Digest_Which", CardElements.Escape(arguments), Definition.Name))));
    }

    /// <summary><paramref name="project"/> null: the portfolio.</summary>
    protected abstract Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken);
}

/// <summary><c>digest subscribe [CODE]</c>: a leader subscribes themself to the portfolio they lead, or to one project.</summary>
public sealed class DigestSubscribeCommand(DigestSubscriptions subscriptions) : ScopedDigestCommand(subscriptions)
{
    public static readonly CommandDefinition Command = new("digest subscribe", ProjectAction.ReceiveDigest);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        var outcome = await Subscriptions.SubscribeAsync(caller.Tenant, caller.Person, project, timeZone, cancellationToken);
        if (outcome is not Outcome<DigestSubscription>.Done { Value: var s })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        // Kept, but nothing to send yet (an admin who leads no project): said so, rather than "subscribed" to a portfolio that is empty.
        return NoticeCard.Build(await Subscriptions.HoldsAProjectNowAsync(s, cancellationToken)
            ? new NoticeCardModel(
                DigestTexts.Commands["DigestSubscribe_Done_Title"],
                DigestTexts.Commands.Say("DigestSubscribe_Done", Covers(s), When(s)),
                (DigestTexts.Commands["DigestSubscribe_Preview"], DigestPreviewCommand.Command.Name))
            : new NoticeCardModel(
                DigestTexts.Commands["DigestSubscribe_Waiting_Title"], DigestTexts.Commands.Say("DigestSubscribe_Waiting", When(s))));
    }
}

/// <summary><c>digest unsubscribe [CODE]</c>: stops one project's digest, or all of it.</summary>
public sealed class DigestUnsubscribeCommand(DigestSubscriptions subscriptions) : ScopedDigestCommand(subscriptions)
{
    public static readonly CommandDefinition Command = new("digest unsubscribe", ProjectAction.ReceiveDigest);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        return ProjectOutcomes.Card(
            await Subscriptions.UnsubscribeAsync(caller.Tenant, caller.Person, project, cancellationToken),
            left => NoticeCard.Build(left is null
                ? new NoticeCardModel(DigestTexts.Commands["DigestUnsubscribe_All_Title"], DigestTexts.Commands["DigestUnsubscribe_All"])
                : new NoticeCardModel(
                    DigestTexts.Commands.Say("DigestUnsubscribe_One_Title", project),
                    DigestTexts.Commands.Say("DigestUnsubscribe_One", Covers(left), When(left)))));
    }
}

/// <summary><c>digest preview [CODE]</c>: the digest as it would be now; nothing is sent or kept.</summary>
public sealed class DigestPreviewCommand(DigestSubscriptions subscriptions, DigestService digests) : ScopedDigestCommand(subscriptions)
{
    public static readonly CommandDefinition Command = new("digest preview", ProjectAction.PreviewDigest);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        return ProjectOutcomes.Card(
            await digests.PreviewAsync(caller.Tenant, caller.Person, project, timeZone, cancellationToken),
            d => DigestCard.Build(new DigestCardModel(d, Preview: true)));
    }
}

/// <summary>
/// <c>digest now</c> (admins, PMs): sends this week's digest to the
/// subscribers now, through the delivery pipeline, once per leader per week.
/// </summary>
public sealed class DigestNowCommand(DigestSubscriptions subscriptions, DigestService digests, DigestSender sender)
    : DigestCommand(subscriptions)
{
    public static readonly CommandDefinition Command = new("digest now", ProjectAction.SendDigest);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        var outcome = await digests.SendNowAsync(caller.Tenant, caller.Person, cancellationToken);
        if (outcome is not Outcome<IReadOnlyList<(PersonId Leader, IsoWeek Week)>>.Done { Value: var targets })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        await sender.QueueAsync(caller.Tenant, targets, cancellationToken);
        return NoticeCard.Build(targets.Count == 0
            ? new NoticeCardModel(DigestTexts.Commands["DigestNow_Nobody_Title"], DigestTexts.Commands["DigestNow_Nobody"])
            : new NoticeCardModel(
                DigestTexts.Commands["DigestNow_Sending_Title"], DigestTexts.Commands.Count("DigestNow_Sending", targets.Count)));
    }
}

/// <summary><c>digest settings</c>: the day and hour (in the leader's own time zone) the digest arrives.</summary>
public sealed class DigestSettingsForm(DigestSubscriptions subscriptions) : DigestCommand(subscriptions), ICardActionHandler
{
    public static readonly CommandDefinition Command = new("digest settings", ProjectAction.ReceiveDigest);

    private static ChoiceField Day => new(
        "day",
        Wording.Common["Form_Day"],
        true,
        [.. Enum.GetValues<DayOfWeek>()
            .OrderBy(d => ((int)d + 6) % 7)
            .Select(d => (CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d), d.ToString()))]);
    private static ChoiceField Hour => new(
        "hour",
        DigestTexts.Commands["DigestSettings_Hour"],
        true,
        [.. Enumerable.Range(0, 24).Select(h => ($"{h:00}:00", h.ToString(CultureInfo.InvariantCulture)))]);

    public override CommandDefinition Definition => Command;

    public string Verb => CardVerbs.DigestSettings;

    protected override async Task<JObject> ExecuteAsync(
        Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        return await Subscriptions.SubscriptionOfAsync(caller.Tenant, caller.Person, cancellationToken) switch
        {
            Outcome<DigestSubscription>.Done { Value: var s } =>
                FormCard.Build(Blank(s) with
                {
                    Values = new Dictionary<string, string>
                    {
                        [Day.Id] = s.Day.ToString(),
                        [Hour.Id] = s.Hour.ToString(CultureInfo.InvariantCulture),
                    },
                }),
            Outcome<DigestSubscription>.NotFound => NoticeCard.Build(new NoticeCardModel(
                DigestTexts.Commands["DigestSettings_NotSubscribed_Title"], DigestTexts.Commands["DigestSettings_NotSubscribed"])),
            var other => ProjectOutcomes.NotDone(other),
        };
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        var subscription = await Subscriptions.SubscriptionOfAsync(caller.Tenant, caller.Person, cancellationToken);
        if (subscription is not Outcome<DigestSubscription>.Done { Value: var current })
        {
            return subscription is Outcome<DigestSubscription>.NotFound
                ? NoticeCard.Build(new NoticeCardModel(
                    DigestTexts.Commands["DigestSettings_NotSubscribed_Title"], DigestTexts.Commands["DigestSettings_SubscribeFirst"]))
                : ProjectOutcomes.NotDone(subscription);
        }

        var blank = Blank(current);
        var values = new FormValues(data, blank.Fields);
        var day = values.Choice<DayOfWeek>(Day);
        var hour = values.Choice(Hour);
        if (!values.IsValid || day is null || hour is null)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var (d, h) = DigestSchedule.Validate(day.ToString(), hour);
        return ProjectOutcomes.Card(
            await Subscriptions.SetScheduleAsync(caller.Tenant, caller.Person, d, h, turn.Activity.LocalTimezone, cancellationToken),
            s => NoticeCard.Build(new NoticeCardModel(
                DigestTexts.Commands["DigestSettings_Saved_Title"],
                DigestTexts.Commands.Say("DigestSettings_Saved", Covers(s), When(s)))));
    }

    private FormModel Blank(DigestSubscription s) => new(
        DigestTexts.Commands["DigestSettings_FormTitle"],
        DigestTexts.Commands.Say("DigestSettings_FormIntro", s.TimeZone),
        [Day, Hour],
        Wording.Common["Form_Save"],
        Verb,
        new Dictionary<string, string>());
}

/// <summary><c>digest leaders</c> (PM): subscribe the project's leaders to its digest, from a form listing them.</summary>
public sealed class DigestLeadersForm(
    ProjectScope scope,
    IProjectRepository projects,
    DigestSubscriptions subscriptions,
    ConversationReferenceTable references,
    AccessPolicy access) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("digest leaders", ProjectAction.SubscribeLeadersToDigest);

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.SubscribeLeaders;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var scoped = await scope.ResolveAsync(turn, cancellationToken);
        if (scoped.Caller is null)
        {
            return scoped.Answer!;
        }

        var code = ProjectCode.TryParse(arguments, out var named) ? named : scoped.Project;
        if (code is null)
        {
            return scoped.Answer!;
        }

        var read = await projects.GetAsync(scoped.Caller.Tenant, code.Value, cancellationToken);
        var decision = read is null
            ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.SubscribeLeadersToDigest, code.Value))
            : access.Can(scoped.Caller.Person, ProjectAction.SubscribeLeadersToDigest, read.Project);
        if (read is null || !decision.Allowed)
        {
            return NoticeCard.Build(RefusalNotice.Of(decision.Refusal!));
        }

        var leaders = Leaders(read.Project);
        if (leaders.Choices.Count == 0)
        {
            return NoticeCard.Build(new NoticeCardModel(
                DigestTexts.Commands["DigestLeaders_None_Title"], DigestTexts.Commands.Say("DigestLeaders_None", code)));
        }

        return FormCard.Build(Blank(read.Project) with
        {
            Values = new Dictionary<string, string> { [leaders.Id] = string.Join(',', leaders.Choices.Select(c => c.Value)) },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!ProjectCode.TryParse(data["project"]?.Type == JTokenType.String ? (string?)data["project"] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        // The card's data is untrusted: refused exactly as the command is, before the form (the leaders' names and ids) is shown again.
        var read = await projects.GetAsync(caller.Tenant, code, cancellationToken);
        var decision = read is null
            ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.SubscribeLeadersToDigest, code))
            : access.Can(caller.Person, ProjectAction.SubscribeLeadersToDigest, read.Project);
        if (read is null || !decision.Allowed)
        {
            return NoticeCard.Build(RefusalNotice.Of(decision.Refusal!));
        }

        var blank = Blank(read.Project);
        var values = new FormValues(data, blank.Fields);
        var chosen = values.Choices(Leaders(read.Project));
        if (!values.IsValid || chosen.Count == 0)
        {
            values.AddError("leaders", DigestTexts.Commands["DigestLeaders_PickOne"]);
            return FormCard.Build(values.Reshow(blank));
        }

        var people = chosen.Select(c => new PersonId(c)).ToList();
        var zones = new Dictionary<PersonId, string?>();
        foreach (var person in people)
        {
            // The zone Teams reported in the leader's own chat with the bot, if they ever wrote to it.
            zones[person] =
                (await references.GetAsync(caller.Tenant, ConversationReferenceTable.PersonKey(person), cancellationToken))?.TimeZone;
        }

        return ProjectOutcomes.Card(
            await subscriptions.SubscribeLeadersAsync(caller.Tenant, caller.Person, code, people, zones, cancellationToken),
            done => NoticeCard.Build(new NoticeCardModel(
                DigestTexts.Commands["DigestLeaders_Done_Title"],
                DigestTexts.Commands.Say(
                    "DigestLeaders_Done",
                    string.Join(", ", done.Select(p => CardElements.Escape(read.Project.Members.First(m => m.Person == p).DisplayName))),
                    code))));
    }

    private static ChoiceField Leaders(Project project) =>
        new(
            "leaders",
            DigestTexts.Commands["DigestLeaders_Leaders"],
            true,
            [.. project.Members
                .Where(m => m.Role == ProjectRole.Leader)
                .OrderBy(m => m.DisplayName, StringComparer.CurrentCulture)
                .Select(m => (m.DisplayName, m.Person.Value))],
            MultiSelect: true,
            Compact: false);

    private FormModel Blank(Project project) => new(
        DigestTexts.Commands.Say("DigestLeaders_FormTitle", project.Code),
        DigestTexts.Commands["DigestLeaders_FormIntro"],
        [Leaders(project)],
        DigestTexts.Commands["DigestLeaders_Submit"],
        Verb,
        new Dictionary<string, string> { ["project"] = project.Code.Value });
}
