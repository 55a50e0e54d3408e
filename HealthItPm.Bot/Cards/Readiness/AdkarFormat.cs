using System.Globalization;
using HealthItPm.Domain.Readiness;

namespace HealthItPm.Bot.Cards.Readiness;

/// <summary>How ADKAR elements, statements and interventions read on cards.</summary>
public static class AdkarFormat
{
    public static string Element(AdkarElement element) => element.ToString();

    /// <summary>One letter per element, for compact rows ("A D K A R").</summary>
    public static string Letter(AdkarElement element) => element switch
    {
        AdkarElement.Awareness => "A",
        AdkarElement.Desire => "D",
        AdkarElement.Knowledge => "K",
        AdkarElement.Ability => "Ab",
        _ => "R",
    };

    /// <summary>The statement a person scores for the element, written for the project.</summary>
    public static string Statement(AdkarElement element, string project) => element switch
    {
        AdkarElement.Awareness => $"I understand why we are moving to {project}.",
        AdkarElement.Desire => "I want to take part in and support it.",
        AdkarElement.Knowledge => "I know how to work with it.",
        AdkarElement.Ability => "I can use it in my daily work as expected.",
        _ => "There is support to keep it going.",
    };

    public static string Intervention(Intervention intervention) => intervention switch
    {
        Domain.Readiness.Intervention.SponsorExplainsWhy => "The sponsor explains, in person, why the change is happening and what happens if it does not",
        Domain.Readiness.Intervention.LeadersRepeatTheCase => "Unit leaders repeat the case for change in huddles",
        Domain.Readiness.Intervention.ShowWhatIsInItForThem => "Show each group what is in it for them (time saved, safer care)",
        Domain.Readiness.Intervention.AddressResistance => "Listen to and address resistance: involve the sceptics in design decisions",
        Domain.Readiness.Intervention.TargetedTraining => "Targeted training for the groups scoring Knowledge low, on their own workflows",
        Domain.Readiness.Intervention.JobAids => "Tip sheets and job aids at the workstation",
        Domain.Readiness.Intervention.Coaching => "Coaching on real work, not only classroom time",
        Domain.Readiness.Intervention.PracticeTime => "Protected practice time in the training environment",
        Domain.Readiness.Intervention.SuperUsersAtTheElbow => "Super-users at the elbow on every shift around go-live",
        Domain.Readiness.Intervention.Recognition => "Recognise and celebrate units that adopt well",
        Domain.Readiness.Intervention.MeasureAdoption => "Measure adoption and share the numbers",
        _ => "Find and remove workarounds that keep the old way alive",
    };

    public static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Score(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A signed change: "+0.4", "−0.2", "±0.0".</summary>
    public static string Change(decimal value, Func<decimal, string> format) =>
        value > 0 ? "+" + format(value) : value < 0 ? "\u2212" + format(-value) : "\u00b1" + format(0);
}
