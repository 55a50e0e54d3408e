using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Messaging;
using HealthItPm.Bot.Teams;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// Submit and "Change answer" on a survey card. The person is the one Teams says sent the action,
/// never anyone named in the card's data; the wave in the data is re-read and re-checked (sent to this
/// person, still open). "Change answer" shows only the caller's own answer, found by their own key.
/// </summary>
public sealed class AdkarAnswerActions(RoundEngine rounds, IProjectRepository projects, StaffDomains staff)
{
    private static NoticeCardModel WaveGone => new(Wording.Rounds["Survey_NotFound_Title"], Wording.Rounds["Survey_NotYours"]);

    public async Task<JObject> SubmitAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller || AdkarSurveyInputs.Parse(data) is not { } submission || !ProjectCode.TryParse(submission.Project, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        if (!submission.Complete || submission.CommentTooLong)
        {
            if (await rounds.RoundForAsync(caller.Tenant, caller.Person, code, RoundKind.Adkar, submission.Wave, cancellationToken) is not { } wave)
            {
                return NoticeCard.Build(WaveGone);
            }

            var problems = new List<string>();
            if (!submission.Complete)
            {
                problems.Add(Wording.Rounds["Survey_PickEveryScore"]);
            }

            if (submission.CommentTooLong)
            {
                problems.Add(Wording.Rounds.Say("Survey_CommentTooLong", AdkarAnswer.MaxCommentLength));
            }

            return await CardAsync(caller, code, wave, submission.Scores, submission.Comment?[..Math.Min(submission.Comment.Length, AdkarAnswer.MaxCommentLength)], cancellationToken, problems: problems);
        }

        // The wave's people are staff, not patients: their names are not PHI. The wave is read, and the
        // person authorized, once for the check and the answer.
        var scores = submission.Scores.Select(s => new AdkarScore(s!.Value)).ToList();
        (Round Wave, IReadOnlyList<PhiFinding> Found)? phi = null;
        var outcome = await rounds.SubmitAsync<AdkarAnswer>(caller.Tenant, caller.Person, code, RoundKind.Adkar, submission.Wave, wave =>
        {
            var (comment, found) = GuardedText.Check(submission.Comment, staff.With(wave.Audience.Select(r => r.Name)));
            phi = found.Count > 0 ? (wave, found) : null;
            return found.Count > 0
                ? new Outcome<AdkarAnswer>.Invalid(Problem.PhiFound(submission.Comment!, found))
                : new Outcome<AdkarAnswer>.Done(AdkarAnswer.Create(scores, comment));
        }, cancellationToken);
        if (phi is { } masked)
        {
            // Nothing is stored, and the suspected parts are masked in the text sent back, so no PHI travels back to the chat.
            return await CardAsync(caller, code, masked.Wave, submission.Scores, PhiGuard.Mask(submission.Comment!, masked.Found), cancellationToken, phi: ProblemText.Of(Problem.PhiFound(submission.Comment!, masked.Found)));
        }

        if (outcome is Outcome<(Round, GivenAnswer<AdkarAnswer>)>.NotFound or Outcome<(Round, GivenAnswer<AdkarAnswer>)>.Refused)
        {
            return NoticeCard.Build(WaveGone);
        }

        return ProjectOutcomes.Card(
            outcome,
            done => Answered(code, done.Round, done.Answer.Answer),
            Wording.Rounds["Survey_Closed_Title"]);
    }

    public async Task<JObject> ChangeAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        if (Caller.Of(turn) is not { } caller || AdkarSurveyInputs.Parse(data) is not { } target || !ProjectCode.TryParse(target.Project, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var (wave, given) = await rounds.AnswerOfAsync<AdkarAnswer>(caller.Tenant, caller.Person, code, RoundKind.Adkar, target.Wave, cancellationToken);
        if (wave is null)
        {
            return NoticeCard.Build(WaveGone);
        }

        if (!wave.IsOpen(rounds.Now))
        {
            return given is null
                ? NoticeCard.Build(new NoticeCardModel(Wording.Rounds["Survey_Closed_Title"], Wording.Rounds.Markdown("Round_ClosedAt", Markdown.When(wave.ClosesAt))))
                : Answered(code, wave, given.Answer);
        }

        return await CardAsync(caller, code, wave, given?.Answer.Scores.Select(s => (int?)s.Value).ToList(), given?.Answer.Comment?.Value, cancellationToken);
    }

    private JObject Answered(ProjectCode code, Round wave, AdkarAnswer answer) =>
        AdkarAnsweredCard.Build(new AdkarAnsweredModel(code.Value, wave.Id, wave.Name ?? wave.Id, answer, wave.ClosesAt, wave.IsOpen(rounds.Now), wave.Anonymous));

    private async Task<JObject> CardAsync(Caller caller, ProjectCode code, Round wave, IReadOnlyList<int?>? scores, string? comment, CancellationToken cancellationToken, IReadOnlyList<string>? problems = null, string? phi = null)
    {
        var name = await projects.NameOfAsync(caller.Tenant, code, cancellationToken);
        return AdkarSurveyCard.Build(new AdkarSurveyModel(code.Value, name, wave.Id, wave.Name ?? wave.Id, wave.ClosesAt, wave.Anonymous, Scores: scores, Comment: comment, PhiFound: phi, Problems: problems));
    }
}
