using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Risks;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>
/// The digest's changes arrive as data and are worded by the bot from DigestCards.resx, each line as the
/// digest says it in English, names people typed kept as written (the card shows them in a TextRun).
/// </summary>
public class DigestChangeTextTests
{
    private static readonly ProjectCode Ehr = new("EHR");
    private static readonly RiskId R7 = new(Ehr, 7);
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 28);
    private static readonly DigestPerson Priya = new(new PersonId("7c9e6679-7425-40de-944b-e07fc1f90ae7"), "Priya Shah");
    private static readonly DigestPerson Gone = new(new PersonId("1b4e28ba-2fa1-41d2-883f-0016d3cca427"), null);

    [Fact]
    public void Each_change_reads_as_a_line_in_the_readers_words()
    {
        using var _ = new InCulture("en-US");
        var title = Guarded.From("Interface *engine* late");
        var milestone = Guarded.From("Conversion");
        var wave1 = new ReadinessInput("Wave 1", At.AddDays(-30), 0.40m, AdkarElement.Knowledge, null);
        (DigestChange Change, string Line)[] lines =
        [
            (new DigestChange.RagChanged(Ehr, DigestRag.Green, DigestRag.Red), "EHR: Green → Red"),
            (new DigestChange.RagChanged(Ehr, DigestRag.Unknown, DigestRag.Amber), "EHR: Not enough data → Amber"),
            (new DigestChange.RiskLogged(R7, title, At, new RiskRating(3, 4)), "EHR-R7 logged: Interface *engine* late (high, score 12)"),
            (new DigestChange.RiskLogged(R7, title, At, null), "EHR-R7 logged: Interface *engine* late (rating not recorded)"),
            (new DigestChange.RiskEscalated(R7, title, At, 2), "EHR-R7 escalated to level 2: Interface *engine* late"),
            (new DigestChange.RiskEscalated(R7, title, At, 1, Priya), "EHR-R7 escalated to Priya Shah (level 1): Interface *engine* late"),
            (new DigestChange.RiskAcknowledged(R7, title, At, Priya), "EHR-R7 acknowledged by Priya Shah: Interface *engine* late"),
            (new DigestChange.RiskAcknowledged(R7, title, At, null), "EHR-R7 acknowledged by a leader: Interface *engine* late"),
            (new DigestChange.RiskAccepted(R7, title, At, Gone), "EHR-R7 accepted by someone no longer on the project: Interface *engine* late"),
            (new DigestChange.RiskAccepted(R7, title, At, null), "EHR-R7 accepted: Interface *engine* late"),
            (new DigestChange.RiskClosed(R7, title, At, Priya), "EHR-R7 closed by Priya Shah: Interface *engine* late"),
            (new DigestChange.RiskClosed(R7, title, At, null), "EHR-R7 closed: Interface *engine* late"),
            (new DigestChange.MilestoneCompleted(Ehr, milestone, Day.AddDays(-2), Day), "EHR: milestone “Conversion” done 2026-11-28, 2 days late"),
            (new DigestChange.MilestoneCompleted(Ehr, milestone, Day.AddDays(-1), Day), "EHR: milestone “Conversion” done 2026-11-28, 1 day late"),
            (new DigestChange.MilestoneCompleted(Ehr, milestone, Day.AddDays(1), Day), "EHR: milestone “Conversion” done 2026-11-28"),
            (new DigestChange.MilestoneSlipped(Ehr, milestone, Day), "EHR: milestone “Conversion” slipped: planned 2026-11-28, not done"),
            (new DigestChange.ReadinessMoved(Ehr, new ReadinessInput("Pilot", At, null, null, null)), "EHR: first readiness wave (Pilot) closed: an unknown share without a barrier, no dominant barrier"),
            (new DigestChange.ReadinessMoved(Ehr, wave1), "EHR: first readiness wave (Wave 1) closed: 40 % without a barrier, dominant barrier Knowledge"),
            (new DigestChange.ReadinessMoved(Ehr, new ReadinessInput("Wave 2", At, 0.40m, AdkarElement.Ability, wave1)), "EHR: readiness 40 % → 40 % without a barrier (Wave 1 → Wave 2), dominant barrier Knowledge → Ability"),
            (new DigestChange.ReadinessMoved(Ehr, new ReadinessInput("Wave 2", At, 0.55m, AdkarElement.Knowledge, wave1)), "EHR: readiness 40 % → 55 % without a barrier (Wave 1 → Wave 2), dominant barrier still Knowledge"),
            (new DigestChange.ReadinessMoved(Ehr, new ReadinessInput("Wave 2", At, 1m, null, wave1)), "EHR: readiness 40 % → 100 % without a barrier (Wave 1 → Wave 2), dominant barrier Knowledge → none"),
            (new DigestChange.ReadinessMoved(Ehr, new ReadinessInput("Wave 2", At, 0.5m, null, wave1 with { DominantBarrier = null })), "EHR: readiness 40 % → 50 % without a barrier (Wave 1 → Wave 2), still no dominant barrier"),
        ];

        Assert.Equal(lines.Select(l => l.Line), lines.Select(l => DigestChangeText.Of(l.Change)));
    }

    [Fact]
    public void The_card_shows_each_change_as_worded_with_what_people_typed_as_written()
    {
        var risk = new DigestChange.RiskLogged(R7, Guarded.From("**Go-live** [now](#top) <b>late</b>"), At, new RiskRating(5, 5));
        var digest = DigestFixtures.Portfolio(1) with { Changes = [risk] };

        var runs = DigestCard.Build(new DigestCardModel(digest)).SelectTokens("$..inlines[*]").Where(i => (string?)i["type"] == "TextRun").Select(i => (string?)i["text"]);

        Assert.Contains("• EHR-R7 logged: **Go-live** [now](#top) <b>late</b> (critical, score 25)", runs);
    }
}
