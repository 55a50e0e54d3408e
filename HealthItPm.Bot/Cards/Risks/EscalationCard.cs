using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Risks;

/// <summary><c>escalation</c> once saved: who risks go to, in order, and how long each has to acknowledge.</summary>
public static class EscalationCard
{
    public static JObject Build(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var chain = project.EscalationChain;
        var body = new List<JObject>
        {
            JsonCardElements.Heading($"{project.Code} · Escalation"),
            JsonCardElements.Text(CardElements.Escape(project.Name), subtle: true, spacing: "None"),
        };

        if (chain.Count == 0)
        {
            body.Add(JsonCardElements.Text("Nobody to escalate to yet: add a leader with **stakeholder add** (role Leader), then type **escalation**."));
        }
        else
        {
            body.Add(JsonCardElements.Facts(chain.Select((person, i) => (
                i == 0 ? "Level 1 (sponsor)" : $"Level {i + 1}",
                CardElements.Escape(project.Members.First(m => m.Person == person).DisplayName)))));
        }

        body.Add(JsonCardElements.Facts(
        [
            ("Acknowledge within", Duration(project.AcknowledgementSla)),
            ("Clock", project.SlaInBusinessHours ? "Weekdays 08:00–17:00 (patient safety: around the clock)" : "Around the clock"),
        ]));
        body.Add(JsonCardElements.Text("A critical risk, or a patient-safety or privacy risk with impact 4 or 5, goes to level 1 at once; unacknowledged, it climbs a level each time the clock runs out.", subtle: true));
        return JsonCardElements.Card(body, [JsonCardElements.Execute("Change", CardVerbs.RunCommand, new JObject { ["command"] = "escalation" })]);
    }

    public static string Duration(TimeSpan span) => span.TotalHours >= 1 && span.Minutes == 0
        ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}"
        : $"{span.TotalMinutes:0} minutes";
}
