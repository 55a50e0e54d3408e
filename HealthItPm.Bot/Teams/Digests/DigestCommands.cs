using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Digests;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Teams.Projects;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Ports;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Digests;

/// <summary>
/// What the digest commands share: who is asking, and the time zone their Teams reports, which a
/// subscribed leader's digest follows from then on (they may have travelled, or the hospital's zone
/// stood in until now).
/// </summary>
public abstract class DigestCommand(DigestService digests) : ICommand
{
    protected DigestService Digests { get; } = digests;

    public abstract CommandDefinition Definition { get; }

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        await Digests.NoteTimeZoneAsync(caller.Tenant, caller.Person, turn.Activity.LocalTimezone, cancellationToken);
        return await ExecuteAsync(caller, turn.Activity.LocalTimezone, (arguments ?? string.Empty).Trim(), cancellationToken);
    }

    protected abstract Task<JObject> ExecuteAsync(Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken);


    public static string When(DigestSubscription s) =>
        $"every {s.Day} at {s.Hour.ToString("00", CultureInfo.InvariantCulture)}:00 ({s.TimeZone})";

    public static string Covers(DigestSubscription s) =>
        string.Join(" and ", new[] { s.Portfolio ? "the portfolio you lead" : null, s.Projects.Count > 0 ? string.Join(", ", s.Projects.Select(p => p.Value)) : null }.OfType<string>());
}

/// <summary>A digest command about the portfolio ("", "portfolio" or "all") or one project (its code).</summary>
public abstract class ScopedDigestCommand(DigestService digests) : DigestCommand(digests)
{
    protected sealed override Task<JObject> ExecuteAsync(Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        if (arguments.Length == 0 || arguments.Equals("portfolio", StringComparison.OrdinalIgnoreCase) || arguments.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return ExecuteAsync(caller, timeZone, (ProjectCode?)null, cancellationToken);
        }

        return ProjectCode.TryParse(arguments, out var code)
            ? ExecuteAsync(caller, timeZone, code, cancellationToken)
            : Task.FromResult(NoticeCard.Build(new NoticeCardModel(
                "Which digest?",
                $"“{CardElements.Escape(arguments)}” is not a project code. Type **{Definition.Name}** for the portfolio you lead, or **{Definition.Name} EHR** for one project.")));
    }

    /// <summary><paramref name="project"/> null: the portfolio.</summary>
    protected abstract Task<JObject> ExecuteAsync(Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken);
}

/// <summary><c>digest subscribe [CODE]</c>: a leader subscribes themself to the portfolio they lead, or to one project.</summary>
public sealed class DigestSubscribeCommand(DigestService digests) : ScopedDigestCommand(digests)
{
    public static readonly CommandDefinition Command = new("digest subscribe");

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        return ProjectOutcomes.Card(await Digests.SubscribeAsync(caller.Tenant, caller.Person, project, timeZone, cancellationToken), s => NoticeCard.Build(new NoticeCardModel(
            "Subscribed to the weekly digest",
            $"You will get {Covers(s)} {When(s)}. **digest settings** changes the day and hour; **digest unsubscribe** stops it.",
            ("Preview it now", "digest preview"))));
    }
}

/// <summary><c>digest unsubscribe [CODE]</c>: stops one project's digest, or all of it.</summary>
public sealed class DigestUnsubscribeCommand(DigestService digests) : ScopedDigestCommand(digests)
{
    public static readonly CommandDefinition Command = new("digest unsubscribe");

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        return ProjectOutcomes.Card(await Digests.UnsubscribeAsync(caller.Tenant, caller.Person, project, cancellationToken), left => NoticeCard.Build(left is null
            ? new NoticeCardModel("Unsubscribed", "You will get no more weekly digests. **digest subscribe** starts them again.")
            : new NoticeCardModel("Unsubscribed from " + project, $"You still get {Covers(left)} {When(left)}.")));
    }
}

/// <summary><c>digest preview [CODE]</c>: the digest as it would be now; nothing is sent or kept.</summary>
public sealed class DigestPreviewCommand(DigestService digests) : ScopedDigestCommand(digests)
{
    public static readonly CommandDefinition Command = new("digest preview");

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(Caller caller, string? timeZone, ProjectCode? project, CancellationToken cancellationToken)
    {
        return ProjectOutcomes.Card(await Digests.PreviewAsync(caller.Tenant, caller.Person, project, timeZone, cancellationToken), d => DigestCard.Build(new DigestCardModel(d, Preview: true)));
    }
}

/// <summary><c>digest now</c> (admins, PMs): sends this week's digest to the subscribers now, through the delivery pipeline, once per leader per week.</summary>
public sealed class DigestNowCommand(DigestService digests, DigestSender sender) : DigestCommand(digests)
{
    public static readonly CommandDefinition Command = new("digest now", ForProjectManagers: true);

    public override CommandDefinition Definition => Command;

    protected override async Task<JObject> ExecuteAsync(Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        var outcome = await Digests.SendNowAsync(caller.Tenant, caller.Person, cancellationToken);
        if (outcome is not Outcome<IReadOnlyList<(PersonId Leader, IsoWeek Week)>>.Done { Value: var targets })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        await sender.QueueAsync(caller.Tenant, targets, cancellationToken);
        return NoticeCard.Build(targets.Count == 0
            ? new NoticeCardModel("Nobody to send to", "No leader is subscribed to a digest covering your projects. A leader types **digest subscribe**, or you subscribe your project's leaders with **digest leaders**.")
            : new NoticeCardModel("Sending the digest", $"This week's digest is on its way to {(targets.Count == 1 ? "1 leader" : $"{targets.Count} leaders")}. A leader who already got this week's gets nothing more."));
    }
}

/// <summary><c>digest settings</c>: the day and hour (in the leader's own time zone) the digest arrives.</summary>
public sealed class DigestSettingsForm(DigestService digests) : DigestCommand(digests), ICardActionHandler
{
    public static readonly CommandDefinition Command = new("digest settings");

    private static readonly ChoiceField Day = new("day", "Day", true, [.. Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Select(d => (d.ToString(), d.ToString()))]);
    private static readonly ChoiceField Hour = new("hour", "Hour", true, [.. Enumerable.Range(0, 24).Select(h => ($"{h:00}:00", h.ToString(CultureInfo.InvariantCulture)))]);

    public override CommandDefinition Definition => Command;

    public string Verb => CardVerbs.DigestSettings;

    protected override async Task<JObject> ExecuteAsync(Caller caller, string? timeZone, string arguments, CancellationToken cancellationToken)
    {
        if (await Digests.GetAsync(caller.Tenant, caller.Person, cancellationToken) is not { Subscription: var s })
        {
            return NoticeCard.Build(new NoticeCardModel("Not subscribed yet", "Type **digest subscribe** first; it arrives every Monday at 07:00 your time until you change it."));
        }

        return FormCard.Build(Blank(s) with { Values = new Dictionary<string, string> { [Day.Id] = s.Day.ToString(), [Hour.Id] = s.Hour.ToString(CultureInfo.InvariantCulture) } });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        var current = (await Digests.GetAsync(caller.Tenant, caller.Person, cancellationToken))?.Subscription;
        if (current is null)
        {
            return NoticeCard.Build(new NoticeCardModel("Not subscribed yet", "Type **digest subscribe** first."));
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
        return ProjectOutcomes.Card(await Digests.SetScheduleAsync(caller.Tenant, caller.Person, d, h, turn.Activity.LocalTimezone, cancellationToken), s => NoticeCard.Build(new NoticeCardModel(
            "Digest time saved",
            $"You will get {Covers(s)} {When(s)}.")));
    }

    private FormModel Blank(DigestSubscription s) => new(
        "When your digest arrives",
        $"In your time zone ({s.TimeZone}, as your Teams reports it).",
        [Day, Hour],
        "Save",
        Verb,
        new Dictionary<string, string>());
}

/// <summary><c>digest leaders</c> (PM): subscribe the project's leaders to its digest, from a form listing them.</summary>
public sealed class DigestLeadersForm(ProjectScope scope, IProjectRepository projects, DigestService digests, ConversationReferenceTable references, AccessPolicy access) : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("digest leaders", ForProjectManagers: true);

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
        var decision = read is null ? AccessDecision.Deny(Refusal.NotOnProject(ProjectAction.SubscribeLeadersToDigest, code.Value)) : access.Can(scoped.Caller.Person, ProjectAction.SubscribeLeadersToDigest, read.Project);
        if (read is null || !decision.Allowed)
        {
            return NoticeCard.Build(RefusalNotice.Of(decision.Refusal!));
        }

        var leaders = Leaders(read.Project);
        if (leaders.Choices.Count == 0)
        {
            return NoticeCard.Build(new NoticeCardModel("No leaders yet", $"{code} has no leaders. Add them with **stakeholder add** (role Leader), then type **digest leaders**."));
        }

        return FormCard.Build(Blank(read.Project) with { Values = new Dictionary<string, string> { [leaders.Id] = string.Join(',', leaders.Choices.Select(c => c.Value)) } });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!ProjectCode.TryParse((string?)data["project"], out var code) || await projects.GetAsync(caller.Tenant, code, cancellationToken) is not { } read)
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var blank = Blank(read.Project);
        var values = new FormValues(data, blank.Fields);
        var chosen = values.Choices(Leaders(read.Project));
        if (!values.IsValid || chosen.Count == 0)
        {
            values.AddError("leaders", "Pick at least one leader.");
            return FormCard.Build(values.Reshow(blank));
        }

        var people = chosen.Select(c => new PersonId(c)).ToList();
        var zones = new Dictionary<PersonId, string?>();
        foreach (var person in people)
        {
            // The zone Teams reported in the leader's own chat with the bot, if they ever wrote to it.
            zones[person] = (await references.GetAsync(caller.Tenant, ConversationReferenceTable.PersonKey(person), cancellationToken))?.TimeZone;
        }

        return ProjectOutcomes.Card(await digests.SubscribeLeadersAsync(caller.Tenant, caller.Person, code, people, zones, cancellationToken), done => NoticeCard.Build(new NoticeCardModel(
            "Leaders subscribed",
            $"{string.Join(", ", done.Select(p => CardElements.Escape(read.Project.Members.First(m => m.Person == p).DisplayName)))} will get {code}'s digest every week (Monday 07:00 in their own time zone unless they change it with **digest settings**).")));
    }

    private static ChoiceField Leaders(Project project) =>
        new("leaders", "Leaders", true, [.. project.Members.Where(m => m.Role == ProjectRole.Leader).OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person.Value))], MultiSelect: true, Compact: false);

    private FormModel Blank(Project project) => new(
        $"{project.Code} · Weekly digest for its leaders",
        "Each leader gets one card a week with the project's status, risks, milestones and what changed.",
        [Leaders(project)],
        "Subscribe",
        Verb,
        new Dictionary<string, string> { ["project"] = project.Code.Value });
}
