using System.Globalization;
using HealthItPm.Domain.Audit;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Audit;

/// <summary>One audit entry as shown: <paramref name="Who"/> is the person's name where known (else their object id).</summary>
public sealed record AuditRow(DateTimeOffset At, string Who, AuditKind Kind, string? Project, string? Subject);

/// <summary>A page of the audit log; <paramref name="Next"/> continues with older entries.</summary>
public sealed record AuditCardModel(string? Project, DateOnly From, DateOnly To, IReadOnlyList<AuditRow> Rows, string? Next);

/// <summary><c>audit</c>: who did what, when, on which project, newest first, a page at a time.</summary>
public static class AuditCard
{
    public static JObject Build(AuditCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var span = $"{Date(model.From)} to {Date(model.To)} (UTC), newest first";
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"Audit log")),
            CardElements.Text(Markdown.Of($"{(model.Project is null ? Markdown.Of($"All projects") : Markdown.Of($"**{model.Project}**"))} · {span}"), subtle: true, spacing: Spacing.None),
        };
        if (model.Rows.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"Nothing was recorded in this span. Type **audit** and two dates to look further back, for example **audit 2026-01-01 2026-03-31**.")));
        }

        // Names and ids go through TextRuns: shown literally, never as markdown or links.
        body.AddRange(model.Rows.Select(r => CardElements.Event(r.At, string.Join(" · ", new[] { r.Who, Label(r.Kind), r.Project, r.Subject }.Where(p => !string.IsNullOrEmpty(p))))));
        var actions = model.Next is null
            ? null
            : new CardAction[]
            {
                CardElements.Execute(
                    "Older entries",
                    CardVerbs.AuditPage,
                    CardElements.Data(("project", model.Project ?? string.Empty), ("from", Date(model.From)), ("to", Date(model.To)), ("after", model.Next))),
            };
        return new AdaptiveCard(body, actions).ToJObject();
    }

    public static string Label(AuditKind kind) => kind switch
    {
        AuditKind.ProjectCreated => "created the project",
        AuditKind.ProjectManagerAllowed => "allowed someone to create projects",
        AuditKind.ProjectChanged => "changed the project",
        AuditKind.StakeholdersChanged => "changed the stakeholders",
        AuditKind.MilestonesChanged => "changed the milestones",
        AuditKind.BudgetChanged => "changed the budget or spend",
        AuditKind.KpisChanged => "changed the KPIs",
        AuditKind.PhaseChanged => "changed the phase",
        AuditKind.EscalationChanged => "changed the escalation chain",
        AuditKind.CheckInStarted => "sent a check-in",
        AuditKind.CheckInScheduled => "scheduled the weekly check-in",
        AuditKind.CheckInStopped => "stopped the weekly check-in",
        AuditKind.CheckInAnswered => "answered a check-in",
        AuditKind.RiskLogged => "logged a risk",
        AuditKind.RiskUpdated => "updated a risk",
        AuditKind.RiskOwnerAssigned => "assigned a risk's owner",
        AuditKind.RiskAcknowledged => "acknowledged an escalation",
        AuditKind.RiskAccepted => "accepted a risk",
        AuditKind.RiskUpdateRequested => "asked for a risk update",
        AuditKind.RiskHandedOver => "took over a removed owner's risk",
        AuditKind.ConcernReported => "reported a concern",
        AuditKind.ConcernDismissed => "dismissed a concern",
        AuditKind.SurveyStarted => "sent a readiness survey",
        AuditKind.SurveyAnswered => "answered a readiness survey",
        AuditKind.DigestSubscribed => "subscribed to the weekly digest",
        AuditKind.DigestUnsubscribed => "unsubscribed from the weekly digest",
        AuditKind.DigestScheduleChanged => "changed when their digest arrives",
        AuditKind.DigestLeaderSubscribed => "subscribed a leader to the weekly digest",
        _ => kind.ToString(),
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
