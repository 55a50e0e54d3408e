using HealthItPm.Domain.Projects;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary><c>escalation</c> once saved: who risks go to, in order, and how long each has to acknowledge.</summary>
public static class EscalationCard
{
    public static JObject Build(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var chain = project.EscalationChain;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{project.Code} · Escalation")),
            CardElements.Text(Markdown.Literal(project.Name), subtle: true, spacing: Spacing.None),
        };

        if (chain.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"Nobody to escalate to yet: add a leader with **stakeholder add** (role Leader), then type **escalation**.")));
        }
        else
        {
            body.Add(CardElements.Facts(chain.Select((person, i) => (
                i == 0 ? "Level 1 (sponsor)" : $"Level {i + 1}",
                project.Members.First(m => m.Person == person).DisplayName))));
        }

        body.Add(CardElements.Facts(
        [
            ("Acknowledge within", Duration(project.AcknowledgementSla)),
            ("Clock", project.SlaInBusinessHours ? "Weekdays 08:00–17:00 (patient safety: around the clock)" : "Around the clock"),
        ]));
        body.Add(CardElements.Text(Markdown.Of($"A critical risk, or a patient-safety or privacy risk with impact 4 or 5, goes to level 1 at once; unacknowledged, it climbs a level each time the clock runs out."), subtle: true));
        return new AdaptiveCard(body, [CardElements.Command("Change", "escalation")]).ToJObject();
    }

    public static string Duration(TimeSpan span) => span.TotalHours >= 1 && span.Minutes == 0
        ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}"
        : $"{span.TotalMinutes:0} minutes";
}
