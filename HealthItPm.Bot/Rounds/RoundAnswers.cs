using System.Runtime.CompilerServices;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using HealthItPm.Bot.Telemetry;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Submit and "Change answer" on a round's card, the same for every kind: the kind's descriptor reads the card and makes
/// the cards. The person is the one Teams says sent the action, never anyone named in the card's data; the round and
/// project in the data are re-read and re-checked (sent to this person, still open). What the card could not take, the
/// PHI check's findings and what the domain refuses all bring the card back with what was entered; a round that was not
/// sent to the person, or no longer exists, gets the same notice either way. "Change answer" shows only the caller's own
/// answer, found by their own key.
/// </summary>
public sealed class RoundAnswers(RoundEngine engine, IProjectRepository projects, StaffDomains staff, IServiceProvider services)
{
    // A round's audience is fixed when it opens and a kept round is read once per host, so the context its answers are
    // checked in (hundreds of names parsed into a roster) is made once per round read, not once per answer.
    private readonly ConditionalWeakTable<Round, PhiContext> _contexts = new();

    public async Task<JObject> SubmitAsync<TAnswer, TTally, TChoices>(
        RoundKindDescriptor<TAnswer, TTally, TChoices> kind, ITurnContext turn, JObject data, CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (Target(kind, turn, data) is not var (caller, code, roundId))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var (entry, problems) = kind.Read(data);
        if (problems.Count > 0)
        {
            // The round and the project are read here only to show the card again.
            var view = new RoundCardView<TChoices>(Entry: entry, Problems: problems);
            if (await engine.RoundForAsync(caller.Tenant, caller.Person, code, kind.Kind, roundId, cancellationToken) is not { } shown)
            {
                return Gone(kind);
            }

            var shownName = await ProjectNameAsync(caller, code, cancellationToken);
            return await kind.CardAsync(services, caller.Tenant, caller.Person, shown, shownName, view, cancellationToken);
        }

        // The round is read, and the person authorized, once for the checks and the answer. Its people are staff, not
        // patients: their names are not PHI.
        (Round Round, RoundCardView<TChoices> View)? again = null;
        var outcome = await engine.SubmitAsync(caller.Tenant, caller.Person, code, kind.Kind, roundId, async round =>
        {
            var context = _contexts.GetValue(round, r => staff.With(r.Audience.Select(a => a.Name)));
            var accepted = new Dictionary<FreeText, GuardedText?>();
            var masked = new Dictionary<FreeText, string>(entry.Text);
            var found = new List<Problem>();
            foreach (var field in kind.Kind.FreeTextFields)
            {
                var typed = entry.TextOf(field);
                var (text, phi) = GuardedText.Check(typed, context);
                accepted[field] = text;
                if (phi.Count > 0)
                {
                    BotTelemetry.PhiRefused(field.ToString());
                    masked[field] = PhiGuard.Mask(typed!, phi);
                    found.Add(Problem.PhiFound(typed!, phi));
                }
            }

            if (found.Count > 0)
            {
                // Nothing is stored, and the suspected parts are masked in the text sent back, so no PHI travels back to the chat.
                var pointedOut = string.Join(" ", found.Select(ProblemText.Of));
                again = (round, new RoundCardView<TChoices>(Entry: entry with { Text = masked }, PhiFound: pointedOut));
                return new Outcome<TAnswer>.Invalid(found[0]);
            }

            TAnswer answer;
            try
            {
                answer = kind.Answer(entry.Choices, field => accepted.GetValueOrDefault(field));
            }
            catch (DomainException e)
            {
                // The domain's rules have the last word on an answer: what it refuses comes back on the card, to change.
                again = (round, new RoundCardView<TChoices>(Entry: entry, Refused: ProblemText.Of(e.Problem)));
                return new Outcome<TAnswer>.Invalid(e.Problem);
            }

            var taken = await kind.AcceptAsync(services, caller.Tenant, caller.Person, round, answer, cancellationToken);
            if (taken is Outcome<TAnswer>.Invalid refused)
            {
                again = (round, new RoundCardView<TChoices>(Entry: entry, Refused: ProblemText.Of(refused.Problem)));
            }

            return taken;
        }, cancellationToken);
        if (again is { } card)
        {
            var name = await ProjectNameAsync(caller, code, cancellationToken);
            return await kind.CardAsync(services, caller.Tenant, caller.Person, card.Round, name, card.View, cancellationToken);
        }

        return outcome is Outcome<(Round, GivenAnswer<TAnswer>)>.NotFound or Outcome<(Round, GivenAnswer<TAnswer>)>.Refused
            ? Gone(kind)
            : ProjectOutcomes.Card(
                outcome,
                done => kind.Answered(done.Round, done.Answer.Answer, done.Round.IsOpen(engine.Now)),
                kind.ClosedTitle);
    }

    public async Task<JObject> ChangeAsync<TAnswer, TTally, TChoices>(
        RoundKindDescriptor<TAnswer, TTally, TChoices> kind, ITurnContext turn, JObject data, CancellationToken cancellationToken)
        where TAnswer : class, IFreeTextAnswer<TAnswer>
        where TTally : class
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (Target(kind, turn, data) is not var (caller, code, roundId))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var (round, given) = await engine.AnswerOfAsync(caller.Tenant, caller.Person, code, kind.Kind, roundId, cancellationToken);
        if (round is null)
        {
            return Gone(kind);
        }

        if (!round.IsOpen(engine.Now))
        {
            return given is null
                ? NoticeCard.Build(
                    new NoticeCardModel(kind.ClosedTitle, Wording.Rounds.Markdown("Round_ClosedAt", Markdown.When(round.ClosesAt))))
                : kind.Answered(round, given.Answer, open: false);
        }

        var name = await ProjectNameAsync(caller, code, cancellationToken);
        var view = new RoundCardView<TChoices>(Entry: given is null ? null : kind.EntryOf(given.Answer));
        return await kind.CardAsync(services, caller.Tenant, caller.Person, round, name, view, cancellationToken);
    }

    private Task<string> ProjectNameAsync(Caller caller, ProjectCode code, CancellationToken cancellationToken) =>
        projects.NameOfAsync(caller.Tenant, code, cancellationToken);

    private static JObject Gone(RoundKindDescriptor kind) => NoticeCard.Build(new NoticeCardModel(kind.NotFoundTitle, kind.NotYours));

    private static (Caller Caller, ProjectCode Project, string RoundId)? Target(RoundKindDescriptor kind, ITurnContext turn, JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Caller.Of(turn) is { } caller
            && ProjectCode.TryParse(Text(data, RoundKindDescriptor.ProjectInput), out var code)
            && Text(data, kind.RoundInput) is { Length: > 0 and < 40 } round
                ? (caller, code, round)
                : null;
    }

    private static string? Text(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}
