using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>
/// Submit and "Change answer" on a check-in card. The person is the one Teams says sent the
/// action, never anyone named in the card's data; the round and project in the data are re-read
/// and re-checked (sent to this person, still open).
/// </summary>
public sealed class CheckInAnswerActions(CheckInService checkIns, IProjectRepository projects, StaffDomains staff)
{
    private static NoticeCardModel RoundGone => new(Wording.Rounds["CheckIn_NotFound_Title"], Wording.Rounds["CheckIn_Gone"]);

    public async Task<JObject> SubmitAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller || CheckInInputs.Parse(data) is not { } submission || !ProjectCode.TryParse(submission.Project, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var roundId = submission.Round;
        var (status, impact, blockers, training) = (submission.Status, submission.Impact, submission.Blockers, submission.TrainingNeeded);

        // The round and the project are read here only to show the card again; a good answer goes
        // straight to the service, which reads the round once and writes the answer.
        if (submission.Problems.Count > 0)
        {
            return await ShowAgainAsync(caller, code, roundId, round => ModelOf(round, status, impact, blockers, training) with { Problems = submission.Problems }, cancellationToken);
        }

        // The round's people are staff, not patients: their names are not PHI. The round is read, and the
        // person authorized, once for the check and the answer.
        (Round Round, IReadOnlyList<PhiFinding> Found)? phi = null;
        var outcome = await checkIns.SubmitAsync(caller.Tenant, caller.Person, code, roundId, round =>
        {
            var (text, found) = GuardedText.Check(blockers, staff.With(round.Audience.Select(r => r.Name)));
            phi = found.Count > 0 ? (round, found) : null;
            return found.Count > 0
                ? new Outcome<CheckInAnswer>.Invalid(Problem.PhiFound(blockers!, found))
                : new Outcome<CheckInAnswer>.Done(CheckInAnswer.Create(status!.Value, impact is { } i ? new WorkflowImpact(i) : null, text, training));
        }, cancellationToken);
        if (phi is { } masked)
        {
            // Nothing is stored, and the suspected parts are masked in the text sent back, so no PHI travels back to the chat.
            return CheckInCard.Build(ModelOf((masked.Round, await ProjectNameAsync(caller, code, cancellationToken)), status, impact, PhiGuard.Mask(blockers!, masked.Found), training) with
            {
                PhiFound = ProblemText.Of(Problem.PhiFound(blockers!, masked.Found)),
            });
        }

        return ProjectOutcomes.Card(
            outcome,
            done => CheckInAnsweredCard.Build(new CheckInAnsweredModel(code.Value, roundId, done.Answer.Answer, done.Round.ClosesAt, done.Round.IsOpen(checkIns.Now))),
            Wording.Rounds["CheckIn_Closed_Title"]);
    }

    public async Task<JObject> ChangeAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Read(turn, data) is not { } target)
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var (caller, code, roundId) = target;
        var (round, given) = await checkIns.AnswerOfAsync(caller.Tenant, caller.Person, code, roundId, cancellationToken);
        if (round is null)
        {
            return NoticeCard.Build(new NoticeCardModel(Wording.Rounds["CheckIn_NotFound_Title"], Wording.Rounds["CheckIn_NotYours"]));
        }

        if (!round.IsOpen(checkIns.Now))
        {
            return given is null
                ? NoticeCard.Build(new NoticeCardModel(Wording.Rounds["CheckIn_Closed_Title"], Wording.Rounds.Markdown("Round_ClosedAt", Markdown.When(round.ClosesAt))))
                : CheckInAnsweredCard.Build(new CheckInAnsweredModel(code.Value, roundId, given.Answer, round.ClosesAt, Open: false));
        }

        var name = await ProjectNameAsync(caller, code, cancellationToken);
        var a = given?.Answer;
        return CheckInCard.Build(new CheckInCardModel(code.Value, name, roundId, round.ClosesAt, false, round.Anonymous, a?.Status, a?.Impact?.Value, a?.Blockers, a?.TrainingNeeded ?? false));
    }

    private static (Caller Caller, ProjectCode Project, string RoundId)? Read(ITurnContext turn, JObject data) =>
        Caller.Of(turn) is { } caller && ProjectCode.TryParse(Text(data, CheckInInputs.Project), out var code) && Text(data, CheckInInputs.Round) is { Length: > 0 and < 40 } round
            ? (caller, code, round)
            : null;

    private async Task<(Round Round, string Name)?> RoundAsync(Caller caller, ProjectCode code, string roundId, CancellationToken cancellationToken)
    {
        var round = await checkIns.RoundForAsync(caller.Tenant, caller.Person, code, roundId, cancellationToken);
        return round is null ? null : (round, await ProjectNameAsync(caller, code, cancellationToken));
    }

    private Task<string> ProjectNameAsync(Caller caller, ProjectCode code, CancellationToken cancellationToken) =>
        projects.NameOfAsync(caller.Tenant, code, cancellationToken);

    /// <summary>The check-in card again, with what the person entered and what needs changing.</summary>
    private async Task<JObject> ShowAgainAsync(Caller caller, ProjectCode code, string roundId, Func<(Round Round, string Name), CheckInCardModel> model, CancellationToken cancellationToken) =>
        await RoundAsync(caller, code, roundId, cancellationToken) is { } round
            ? CheckInCard.Build(model(round))
            : NoticeCard.Build(RoundGone);

    private static CheckInCardModel ModelOf((Round Round, string Name) target, CheckInStatus? status, int? impact, string? blockers, bool training) =>
        new(target.Round.Project.Value, target.Name, target.Round.Id, target.Round.ClosesAt, false, target.Round.Anonymous, status, impact, blockers, training);

    private static string? Text(JObject data, string key) => data?[key] is JValue { Type: JTokenType.String } v ? ((string?)v)?.Trim() : null;
}

