using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Teams;

/// <summary>Turns a use case's outcome into the card that answers the person.</summary>
public static class ProjectOutcomes
{
    public static JObject Card<T>(Outcome<T> outcome, Func<T, JObject> done, Func<string, JObject>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(done);
        return outcome switch
        {
            Outcome<T>.Done d => done(d.Value),
            Outcome<T>.Invalid i when invalid is not null => invalid(ProblemText.Of(i.Problem)),
            _ => NotDone(outcome),
        };
    }

    /// <summary>
    /// As <see cref="Card{T}(Outcome{T}, Func{T, JObject}, Func{string, JObject}?)"/>,
    /// an invalid outcome a notice titled <paramref name="invalidTitle"/>.
    /// </summary>
    public static JObject Card<T>(Outcome<T> outcome, Func<T, JObject> done, string invalidTitle)
    {
        ArgumentNullException.ThrowIfNull(done);
        return outcome switch
        {
            Outcome<T>.Done d => done(d.Value),
            Outcome<T>.Invalid i => NoticeCard.Build(new NoticeCardModel(invalidTitle, ProblemText.Worded(i.Problem))),
            _ => NotDone(outcome),
        };
    }

    /// <summary>The card for an outcome that did not produce a project: refused, not found or invalid.</summary>
    public static JObject NotDone<T>(Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Refused r => NoticeCard.Build(RefusalNotice.Of(r.Reason)),
        Outcome<T>.NotFound n => NoticeCard.Build(new NoticeCardModel(Wording.Common["NotFound_Title"], ProblemText.Worded(n.Problem))),
        Outcome<T>.Invalid i => NoticeCard.Build(new NoticeCardModel(Wording.Common["Invalid_Title"], ProblemText.Worded(i.Problem))),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
