using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>
/// <c>audit [project] [from] [to]</c> (admins): the audit log, newest first, a page at a time; the
/// card's "Older entries" is the same query from where the page ended. Authorized before anything is
/// read; names are looked up for display only after that.
/// </summary>
public sealed class AuditCommand(AuditService audit, IProjectRepository projects, IProjectManagerGrants grants)
    : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("audit", ProjectAction.ViewAudit);

    /// <summary>Without dates, the last this many days.</summary>
    public const int DefaultDays = 30;

    // No page of any span ends here (AuditTable continues only a cursor of its own shape).
    private const string NotACursor = "-";

    private static NoticeCardModel Usage => new(Wording.Common["Audit_Which_Title"], Wording.Common.Say("Audit_Which", DefaultDays));

    public CommandDefinition Definition => Command;

    public string Verb => CardVerbs.AuditPage;

    public Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        ProjectCode? project = null;
        var dates = new List<DateOnly>();
        foreach (var word in (arguments ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryDate(word, out var date) && dates.Count < 2)
            {
                dates.Add(date);
            }
            else if (project is null && dates.Count == 0 && ProjectCode.TryParse(word, out var code))
            {
                project = code;
            }
            else
            {
                return Task.FromResult(NoticeCard.Build(Usage));
            }
        }

        var to = dates.Count == 2 ? dates[1] : audit.Today;
        var from = dates.Count >= 1 ? dates[0] : to.AddDays(-DefaultDays);
        return ShowAsync(turn, new AuditQuery(project, from, to), cancellationToken);
    }

    public Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var project = Text(data, "project");
        // A cursor that is no text, empty or longer than any the bot gives is one it did not give: the log refuses it
        // (after the caller's check) without reading, as it does a cursor of the wrong shape.
        var after = Text(data, "after") is { Length: > 0 and <= AuditTable.MaxCursor } text ? text : NotACursor;
        return TryDate(Text(data, "from"), out var from)
            && TryDate(Text(data, "to"), out var to)
            && (string.IsNullOrEmpty(project) || ProjectCode.TryParse(project, out _))
                ? ShowAsync(turn, new AuditQuery(CodeOrAll(project), from, to, after), cancellationToken)
                : Task.FromResult(NoticeCard.Build(NoticeCardModel.UnknownAction));
    }

    // No project: the whole tenant's log.
    private static ProjectCode? CodeOrAll(string? project) => string.IsNullOrEmpty(project) ? null : new ProjectCode(project);

    private async Task<JObject> ShowAsync(ITurnContext turn, AuditQuery query, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        var outcome = await audit.ReadAsync(caller.Tenant, caller.Person, query, cancellationToken);
        if (outcome is not Outcome<AuditPage>.Done { Value: var page })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        if (page.Entries.Count == 0 && query is { Project: { } code, After: null }
            && await projects.GetAsync(caller.Tenant, code, cancellationToken) is null)
        {
            return ProjectOutcomes.NotDone(new Outcome<AuditPage>.NotFound(Problem.AuditProjectUnknown(code)));
        }

        var names = await NamesAsync(caller.Tenant, page.Entries, cancellationToken);
        return AuditCard.Build(new AuditCardModel(
            query.Project?.Value,
            query.From,
            query.To,
            [.. page.Entries.Select(e => new AuditRow(
                e.At, names.GetValueOrDefault(e.By, e.By.Value), e.Kind, e.Project?.Value, SubjectShown(e.Subject, names), e.Field))],
            page.Next));
    }

    // A subject that is a person (allowed to create projects, say) is shown by name where the projects or grants know it.
    private static string? SubjectShown(string? subject, Dictionary<PersonId, string> names) =>
        PersonId.TryParse(subject, out var person) && names.TryGetValue(person, out var name) ? name : subject;

    /// <summary>Display names for the people on a page, who did and whom it was done to: from its projects, then the PM grants.</summary>
    private async Task<Dictionary<PersonId, string>> NamesAsync(
        TenantId tenant, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var names = new Dictionary<PersonId, string>();
        foreach (var code in entries.Select(e => e.Project).OfType<ProjectCode>().Distinct())
        {
            foreach (var member in (await projects.GetAsync(tenant, code, cancellationToken))?.Project.Members ?? [])
            {
                names.TryAdd(member.Person, member.DisplayName);
            }
        }

        var people = entries.Select(e => e.By)
            .Concat(entries.Select(e => PersonId.TryParse(e.Subject, out var subject) ? subject : (PersonId?)null).OfType<PersonId>());
        if (people.Any(p => !names.ContainsKey(p)))
        {
            foreach (var grant in await grants.ListAsync(tenant, cancellationToken))
            {
                names.TryAdd(grant.Person, grant.Name);
            }
        }

        return names;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string? Text(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
