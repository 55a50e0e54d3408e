using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.CheckIns;

/// <summary>The weekly check-in in the bot: its card and answered card, summary, stored columns, words and help topic.</summary>
public sealed class CheckInRoundKind : RoundKindDescriptor<CheckInAnswer, CheckInTally, CheckInChoices>
{
    private static TextResource Texts => CheckInTexts.Cards;

    public override RoundKind<CheckInAnswer, CheckInTally> Kind => CheckInRounds.Kind;

    public override HelpTopic HelpTopic { get; } = new("checkins", () => Texts["Help_Topic"], ["checkin"]) { Help = Texts };

    public override IReadOnlyList<AuditKind> AuditKinds => [.. base.AuditKinds, CheckInRounds.Scheduled, CheckInRounds.Stopped];

    public override string SubmitVerb => CardVerbs.SubmitCheckIn;

    public override string ChangeVerb => CardVerbs.ChangeCheckIn;

    public override string RoundInput => CheckInInputs.Round;

    public override IReadOnlyDictionary<FreeText, string> FreeTextInputs { get; } =
        new Dictionary<FreeText, string> { [CheckInRounds.Blockers] = CheckInInputs.Blockers };

    public override string NotFoundTitle => Texts["Round_NotFound_Title"];

    public override string NotYours => Texts["Round_NotYours"];

    public override string ClosedTitle => Texts["Round_Closed_Title"];

    public override IReadOnlyList<Type> ProblemCodes { get; } = [typeof(CheckInProblem)];

    internal override TextResource Words => Texts;

    public override AnswerColumns<CheckInAnswer> Columns { get; } = new CheckInColumns();

    public override (RoundEntry<CheckInChoices> Entry, IReadOnlyList<string> Problems) Read(JObject data) => CheckInInputs.Read(data);

    public override RoundEntry<CheckInChoices> EntryOf(CheckInAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(
            new CheckInChoices(answer.Status, answer.Impact?.Value, answer.TrainingNeeded),
            // Words removed for patient details are not offered back: the marker is not text to submit again.
            answer.Blockers is { } blockers && !RemovedText.IsRemoved(blockers)
                ? new Dictionary<FreeText, string> { [CheckInRounds.Blockers] = blockers.Value }
                : new Dictionary<FreeText, string>());
    }

    public override CheckInAnswer Answer(CheckInChoices choices, Func<FreeText, GuardedText?> text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(text);
        return CheckInAnswer.Create(
            choices.Status ?? throw new ArgumentException("A check-in answer needs a status (reading reports none).", nameof(choices)),
            choices.Impact is { } impact ? new WorkflowImpact(impact) : null,
            text(CheckInRounds.Blockers),
            choices.TrainingNeeded);
    }

    public override JObject Card(Round round, string projectName, RoundCardView<CheckInChoices> view)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(view);
        var entered = view.Entry?.Choices;
        return CheckInCard.Build(new CheckInCardModel(
            round.Project.Value,
            projectName,
            round.Id,
            round.ClosesAt,
            view.Reminder,
            round.Anonymous,
            entered?.Status,
            entered?.Impact,
            view.Entry?.TextOf(CheckInRounds.Blockers),
            entered?.TrainingNeeded ?? false,
            view.PhiFound,
            view.Problems,
            view.Refused));
    }

    public override JObject Answered(Round round, CheckInAnswer answer, bool open)
    {
        ArgumentNullException.ThrowIfNull(round);
        return CheckInAnsweredCard.Build(
            new CheckInAnsweredModel(round.Project.Value, round.Id, answer, round.ClosesAt, open, round.Anonymous));
    }

    public override async Task<JObject> EndOfRoundAsync(
        IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var summary = await services.GetRequiredService<CheckInService>().SummaryOfAsync(tenant, round, cancellationToken);
        // Sent to the project's PMs, who may remove patient details from it.
        return RoundSummaryCard.Build(new RoundSummaryModel(round.Project.Value, project, summary) { CanRemovePatientDetails = true });
    }
}
