using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Rounds;
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
    // The entries every kind of round writes with its id as their subject: sent, answered.
    private static readonly HashSet<AuditKind> RoundKindsAudit = [.. RoundKinds.All.SelectMany(k => new[] { k.Started, k.Answered })];

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

        body.AddRange(model.Rows.Select(Row));
        if (model.Rows.Count > 0 && model.Next is null)
        {
            // The last page says so: without it, the end reads the same as a page whose button failed to show.
            body.Add(CardElements.Text(Texts.Markdown("Audit_End"), subtle: true));
        }

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

    // Names and ids go through TextRuns: shown literally, never as markdown or links. A round's id is the minute it opened:
    // shown as that moment, in the reader's zone and format, like the entry's own time.
    private static RichTextBlock Row(AuditRow r)
    {
        if (RoundKindsAudit.Contains(r.Kind) && Round.OpensAtOf(r.Subject) is { } opened)
        {
            var field = FieldLabel(r.Field) is { } f ? " · " + f : string.Empty;
            return new([
                TextRun.When(r.At, " · ") with { IsSubtle = true },
                new TextRun(Join(r.Who, Label(r.Kind), r.Project) + " · "),
                TextRun.When(opened, field)]);
        }

        return CardElements.Event(r.At, Join(r.Who, Label(r.Kind), r.Project, r.Subject, FieldLabel(r.Field)));
    }

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

    /// <summary>What a kind of entry says was done, in its feature's words; a kind no feature words reads as its name.</summary>
    public static string Label(AuditKind kind) => FeatureWords.Audit(kind);

    private static string? FieldLabel(RemovableText? field) => field is { } f ? Texts[$"Field_{f}"] : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
