using HealthItPm.Bot.Cards;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams.Projects;

/// <summary>Turns a use case's outcome into the card that answers the person.</summary>
public static class ProjectOutcomes
{
    public static JObject Card(Outcome<Project> outcome, Func<Project, JObject> done, Func<string, JObject>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        return outcome switch
        {
            Outcome<Project>.Done d => done(d.Value),
            Outcome<Project>.Invalid i when invalid is not null => invalid(i.Message),
            _ => NotDone(outcome),
        };
    }

    /// <summary>The card for an outcome that did not produce a project: refused, not found or invalid.</summary>
    public static JObject NotDone(Outcome<Project> outcome) => outcome switch
    {
        Outcome<Project>.Refused r => NoticeCard.Build(new NoticeCardModel("Not allowed", r.Reason)),
        Outcome<Project>.NotFound n => NoticeCard.Build(new NoticeCardModel("Project not found", n.Message)),
        Outcome<Project>.Invalid i => NoticeCard.Build(new NoticeCardModel("That didn't work", i.Message)),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
