using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>An ADKAR wave in the bot: its survey card and answered card, results, stored columns, words and help topic.</summary>
public sealed class AdkarRoundKind : RoundKindDescriptor<AdkarAnswer, WaveTally, AdkarChoices>
{
    private static TextResource Texts => ReadinessTexts.Cards;

    public override RoundKind<AdkarAnswer, WaveTally> Kind => AdkarRounds.Kind;

    public override HelpTopic HelpTopic { get; } = new("readiness", () => Texts["Help_Topic"], ["adkar"]) { Help = Texts };

    public override IReadOnlyList<FreeText> FreeTexts => [.. base.FreeTexts, AdkarRounds.WaveName];

    public override string SubmitVerb => CardVerbs.SubmitSurvey;

    public override string ChangeVerb => CardVerbs.ChangeSurvey;

    public override string RoundInput => AdkarSurveyInputs.Wave;

    public override IReadOnlyDictionary<FreeText, string> FreeTextInputs { get; } =
        new Dictionary<FreeText, string> { [AdkarRounds.Comment] = AdkarSurveyInputs.Comment };

    public override string NotFoundTitle => Texts["Round_NotFound_Title"];

    public override string NotYours => Texts["Round_NotYours"];

    public override string ClosedTitle => Texts["Round_Closed_Title"];

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(ReadinessProblem)];

    internal override TextResource Words => Texts;

    public override AnswerColumns<AdkarAnswer> Columns { get; } = new AdkarColumns();

    public override (RoundEntry<AdkarChoices> Entry, IReadOnlyList<string> Problems) Read(JObject data) => AdkarSurveyInputs.Read(data);

    public override RoundEntry<AdkarChoices> EntryOf(AdkarAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(
            new AdkarChoices([.. answer.Scores.Select(s => (int?)s.Value)]),
            answer.Comment is { } comment && !RemovedText.IsRemoved(comment)
                ? new Dictionary<FreeText, string> { [AdkarRounds.Comment] = comment.Value }
                : new Dictionary<FreeText, string>());
    }

    public override AdkarAnswer Answer(AdkarChoices choices, Func<FreeText, GuardedText?> text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(text);
        return AdkarAnswer.Create([.. choices.Scores.OfType<int>().Select(s => new AdkarScore(s))], text(AdkarRounds.Comment));
    }

    public override JObject Card(Round round, string projectName, RoundCardView<AdkarChoices> view)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(view);
        return AdkarSurveyCard.Build(new AdkarSurveyModel(
            round.Project.Value,
            projectName,
            round.Id,
            round.Name ?? round.Id,
            round.ClosesAt,
            round.Anonymous,
            view.Reminder,
            view.Entry?.Choices.Scores,
            view.Entry?.TextOf(AdkarRounds.Comment),
            view.PhiFound,
            view.Problems,
            view.Refused));
    }

    public override JObject Answered(Round round, AdkarAnswer answer, bool open)
    {
        ArgumentNullException.ThrowIfNull(round);
        return AdkarAnsweredCard.Build(
            new AdkarAnsweredModel(round.Project.Value, round.Id, round.Name ?? round.Id, answer, round.ClosesAt, open, round.Anonymous));
    }

    public override async Task<JObject> EndOfRoundAsync(
        IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var results = await services.GetRequiredService<AdkarService>().ResultsOfAsync(tenant, round, cancellationToken);
        // Sent to the project's PMs, who may remove patient details from the wave's comments.
        return AdkarResultsCard.Build(new AdkarResultsModel(round.Project.Value, project, results) { CanRemovePatientDetails = true });
    }
}
