using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Audit;

/// <summary>One audit entry as shown: <paramref name="Who"/> is the person's name where known (else their object id).</summary>
/// <paramref name="Field"/> is which text of the subject a removal of patient details was from.
public sealed record AuditRow(DateTimeOffset At, string Who, AuditKind Kind, string? Project, string? Subject, RemovableText? Field = null);

/// <summary>A page of the audit log; <paramref name="Next"/> continues with older entries.</summary>
public sealed record AuditCardModel(string? Project, DateOnly From, DateOnly To, IReadOnlyList<AuditRow> Rows, string? Next);

/// <summary><c>audit</c>: who did what, when, on which project, newest first, a page at a time.</summary>
public static class AuditCard
{
    private static TextResource Texts => CardTexts.Common;

    public static JObject Build(AuditCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Audit_Title")),
            CardElements.Text(
                model.Project is null
                    ? Texts.Markdown("Audit_Span_AllProjects", Date(model.From), Date(model.To))
                    : Texts.Markdown("Audit_Span_Project", model.Project, Date(model.From), Date(model.To)),
                subtle: true,
                spacing: Spacing.None),
        };
        if (model.Rows.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Audit_Nothing")));
        }

        // Names and ids go through TextRuns: shown literally, never as markdown or links.
        body.AddRange(model.Rows.Select(r => CardElements.Event(
            r.At,
            string.Join(
                " · ",
                new[] { r.Who, Label(r.Kind), r.Project, r.Subject, FieldLabel(r.Field) }.Where(p => !string.IsNullOrEmpty(p))))));
        var actions = model.Next is null
            ? null
            : new CardAction[]
            {
                CardElements.Execute(
                    Texts["Audit_Older"],
                    CardVerbs.AuditPage,
                    CardElements.Data(
                        ("project", model.Project ?? string.Empty),
                        ("from", Date(model.From)),
                        ("to", Date(model.To)),
                        ("after", model.Next))),
            };
        return new AdaptiveCard(body, actions).ToJObject();
    }

    /// <summary>What a kind of entry says was done, in its feature's words; a kind no feature words reads as its name.</summary>
    public static string Label(AuditKind kind) => FeatureWords.Audit(kind);

    private static string? FieldLabel(RemovableText? field) => field is { } f ? Texts[$"Field_{f}"] : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
