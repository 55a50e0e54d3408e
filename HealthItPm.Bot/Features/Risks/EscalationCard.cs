using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Risks;

/// <summary><c>escalation</c> once saved: who risks go to, in order, and how long each has to acknowledge.</summary>
public static class EscalationCard
{
    private static TextResource Texts => RiskTexts.Cards;

    public static JObject Build(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var chain = project.EscalationChain;
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Escalation_Title", project.Code.Value)),
            CardElements.Text(Markdown.Literal(project.Name), subtle: true, spacing: Spacing.None),
        };

        if (chain.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Escalation_Nobody")));
        }
        else
        {
            body.Add(CardElements.Facts(chain.Select((person, i) => (
                i == 0 ? Texts.Format("Escalation_Sponsor", 1) : Texts.Format("Escalation_Level", i + 1),
                project.Members.First(m => m.Person == person).DisplayName))));
        }

        body.Add(CardElements.Facts(
        [
            (Texts["Escalation_Within"], Duration(project.AcknowledgementSla)),
            (Texts["Escalation_Clock"], Texts[project.SlaInBusinessHours ? "Escalation_BusinessHours" : "Escalation_AroundTheClock"]),
        ]));
        body.Add(CardElements.Text(Texts.Markdown("Escalation_Rule"), subtle: true));
        return new AdaptiveCard(body, [CardElements.Command(Texts["Escalation_ChangeButton"], "escalation")]).ToJObject();
    }

    public static string Duration(TimeSpan span) => span.TotalHours >= 1 && span.Minutes == 0
        ? Texts.Format(span.TotalHours == 1 ? "Escalation_Hour" : "Escalation_Hours", span.TotalHours)
        : Texts.Format("Escalation_Minutes", span.TotalMinutes);
}
