using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>What the go-live gate's round cards (the vote, the attestation) end alike with.</summary>
internal static class GoLiveCardParts
{
    /// <summary>The data a card's actions carry: the project and the round, under the keys the round flow reads.</summary>
    public static IReadOnlyDictionary<string, object> RoundData(string project, string roundId) =>
        CardElements.Data((RoundKindDescriptor.ProjectInput, project), (GoLiveVoteCard.RoundInput, roundId));

    /// <summary>
    /// The form's end: suspected patient details under the fields, then Submit and the way to the project's scorecard, which
    /// sends none of the card's inputs (a blank required one would stop it) and offers the way back to this card.
    /// </summary>
    public static JObject Form(
        List<Element> body, string? phiFound, string project, string roundId, string submit, string verb, string scorecard)
    {
        if (phiFound is not null)
        {
            body.Add(CardElements.FieldProblem(phiFound));
        }

        var send = CardElements.Execute(submit, verb, RoundData(project, roundId), primary: true);
        var status = CardElements.Command(scorecard, $"{GoLiveStatusCommand.Command.Name} {project}")
            with { AssociatedInputs = AssociatedInputs.None };
        return new AdaptiveCard(body, [send, status]).ToJObject();
    }
}
