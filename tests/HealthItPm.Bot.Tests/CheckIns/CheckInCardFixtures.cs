using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Tests.CheckIns;

/// <summary>
/// Every check-in card state: as sent and reminded, with PHI pointed out, problems and the domain's refusal; answered (open,
/// anonymous, closed, after removal); and the PMs' round summary, small, at go-live scale and anonymous.
/// </summary>
public sealed class CheckInCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<RoundKind> Kinds => [CheckInRounds.Kind];

    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("check-in", typeof(CheckInCard), () => CheckInCard.Build(new CheckInCardModel("EHR", "Epic EHR go-live", "20261201T1600Z", CardFixtures.Closes, Reminder: false, Anonymous: false))),
        new("check-in-reminder-with-phi-pointed-out", typeof(CheckInCard), () => CheckInCard.Build(new CheckInCardModel("EHR", "Epic EHR go-live", "20261201T1600Z", CardFixtures.Closes, true, true, CheckInStatus.Blocked, 4, "pt. ••• MRN •••", false, "Please remove patient information first \u2014 nothing was saved. It looks like your text has a person's name (\u201cpt••••••ez\u201d); a medical record number (\u201cMR••••••13\u201d)."))),
        new("check-in-answered-open", typeof(CheckInAnsweredCard), () => CheckInAnsweredCard.Build(new CheckInAnsweredModel("EHR", "20261201T1600Z", CardFixtures.Answer(), CardFixtures.Closes, Open: true))),
        new("check-in-with-problems-kept-apart-from-phi", typeof(CheckInCard), () => CheckInCard.Build(new CheckInCardModel("EHR", "Epic EHR go-live", "20261201T1600Z", CardFixtures.Closes, false, false, CheckInStatus.Blocked, null, "Scanners drop", false, Problems: ["with concerns or a block, pick the impact on your workflow (1 to 5)"]))),
        new("check-in-refused-by-the-domain", typeof(CheckInCard), () => CheckInCard.Build(new CheckInCardModel(
            "EHR", "Epic EHR go-live", "20261201T1600Z", CardFixtures.Closes, false, false, CheckInStatus.Blocked, null, "Scanners drop", false,
            Refused: "With concerns or a block, say how much it affects your workflow (1–5)."))),
        new("check-in-answered-on-track-in-one-tap", typeof(CheckInAnsweredCard), () => CheckInAnsweredCard.Build(new CheckInAnsweredModel("EHR", "20261201T1600Z", CheckInAnswer.Create(CheckInStatus.OnTrack, null, null, false), CardFixtures.Closes, Open: true))),
        new("check-in-answered-anonymous", typeof(CheckInAnsweredCard), () => CheckInAnsweredCard.Build(
            new CheckInAnsweredModel("EHR", "20261201T1600Z", CardFixtures.Answer(), CardFixtures.Closes, Open: true, Anonymous: true))),
        new("check-in-answered-closed", typeof(CheckInAnsweredCard), () => CheckInAnsweredCard.Build(new CheckInAnsweredModel("EHR", "20261201T1600Z", CardFixtures.Answer(), CardFixtures.Closes, Open: false))),
        new("round-summary", typeof(RoundSummaryCard), () => RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", CardFixtures.Summary(anonymous: false), "America/Chicago"))),
        new("round-summary-go-live-scale", typeof(RoundSummaryCard), () => RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", CardFixtures.LargeRoundSummary(), "America/Chicago"))),
        new("round-summary-pm-can-remove", typeof(RoundSummaryCard), () => RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", CardFixtures.Summary(anonymous: false), "America/Chicago") { CanRemovePatientDetails = true })),
        new("check-in-answered-after-removal", typeof(CheckInAnsweredCard), () => CheckInAnsweredCard.Build(new CheckInAnsweredModel("EHR", "20261201T1600Z", CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(4), RemovedText.Marker, false), CardFixtures.Closes, Open: true))),
        new("round-summary-anonymous", typeof(RoundSummaryCard), () => RoundSummaryCard.Build(new RoundSummaryModel("EHR", "Epic EHR go-live", CardFixtures.Summary(anonymous: true), "America/Chicago"))),
    ];
}
