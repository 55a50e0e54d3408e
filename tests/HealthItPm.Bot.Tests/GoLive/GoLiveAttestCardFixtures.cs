using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// Every attestation card state: as sent (one criterion, and several attested before) and reminded, sent back with
/// problems and PHI, none of the criteria the owner's any more; answered, open and closed; the PMs' card at the end; and
/// the largest (an owner of every attested criterion of a full gate, every word at its longest).
/// </summary>
public sealed class GoLiveAttestCardFixtures : FeatureCardFixtures
{
    private static readonly DateTimeOffset Closes = new(2026, 12, 5, 16, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Owner = new(new Guid(1, 0x7a7a, 0x4a7a, 0x87, 0, 0, 0, 0, 0, 0, 8).ToString());
    private static readonly string Longest = new('w', Attestation.MaxEvidenceLength);

    private static AttestItem Item(int n, bool attested = false, bool longest = false) => new(
        n,
        longest ? ("Criterion " + n + " ").PadRight(GateCriterion.MaxNameLength, 'N') : $"Downtime procedures tested on unit {n}",
        n % 2 == 0 ? Importance.Should : Importance.Must,
        attested ? new Attestation(AttestedState.AtRisk, Guarded.From(longest ? Longest : "Two units left"), new DateOnly(2026, 11, 2), Owner) : null);

    private static AttestModel Model(IReadOnlyList<AttestItem> items) =>
        new("EHR", "Epic EHR go-live", "20261201T1600Z", Closes, items);

    public override IReadOnlyList<RoundKind> Kinds => [AttestRounds.Kind];

    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("golive-attest-one", typeof(AttestCard), () => AttestCard.Build(Model([Item(3)]))),
        new("golive-attest-several-reminder", typeof(AttestCard), () => AttestCard.Build(
            Model([Item(3, attested: true), Item(4), Item(7, attested: true)]) with { Reminder = true })),
        new("golive-attest-with-problems-and-phi", typeof(AttestCard), () => AttestCard.Build(Model([Item(3), Item(4)]) with
        {
            Choice = new AttestChoice(4, null),
            Evidence = "pt. ••• MRN ••• did not _convert_",
            Problems = ["Pick met, at risk or not met."],
            PhiFound = "Please remove patient information first \u2014 nothing was saved. It looks like your text has a medical record number (\u201cMR••••••13\u201d).",
            Refused = "Only the owner of criterion #4 may attest it.",
        })),
        new("golive-attest-none-yours", typeof(AttestCard), () => AttestCard.Build(Model([]) with { NoneYours = true })),
        new("golive-attest-answered-open", typeof(AttestCard), () => AttestCard.Answered(
            "EHR", "20261201T1600Z", AttestAnswer.Create(3, AttestedState.Met, Guarded.From("Drill passed on *all* units")), Closes, true)),
        new("golive-attest-answered-closed", typeof(AttestCard), () => AttestCard.Answered(
            "EHR", "20261201T1600Z", AttestAnswer.Create(3, AttestedState.NotMet, Guarded.From(Longest)), Closes, false)),
        new("golive-attest-result", typeof(AttestCard), () => AttestCard.Result(
            "EHR", "Epic EHR go-live", new AttestTally(5, 3), [Item(4), Item(7)])),
        new("golive-attest-largest", typeof(AttestCard), () => AttestCard.Build(
            Model([.. Enumerable.Range(1, GoLiveGate.MaxCriteria).Select(n => Item(n, attested: true, longest: true))]) with
            {
                Choice = new AttestChoice(1, AttestedState.AtRisk),
                Evidence = Longest,
                Problems = ["Pick met, at risk or not met."],
                Refused = "Only the owner of criterion #4 may attest it.",
            })),
    ];
}
