using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Tests.Audit;

/// <summary>
/// An entry about a round names it by the moment it opened, in the reader's zone and format (a Teams date function, as the
/// entry's own time), for every kind of round; other subjects stay as they are.
/// </summary>
public class AuditCardRoundTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);
    private static readonly DateTimeOffset At = new(2026, 12, 7, 21, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_rounds_id_reads_as_the_moment_it_opened_for_every_kind_of_round()
    {
        using var _ = new InCulture("en-US");
        Assert.NotEmpty(RoundKinds.All);
        foreach (var kind in RoundKinds.All)
        {
            // A row's runs, read as one line.
            var text = CardText.Of(AuditCard.Build(new AuditCardModel("EHR", Today.AddDays(-30), Today, [
                new AuditRow(At, "Gina Nurse", kind.Answered, "EHR", "20261207T2107Z"),
                new AuditRow(At, "Priya Shah", kind.Started, "EHR", "20261207T2107Z+05"),
            ], null))).Replace("\n", string.Empty, StringComparison.Ordinal);

            Assert.DoesNotContain("20261207T2107Z", text, StringComparison.Ordinal);
            Assert.Contains("EHR · {{DATE(2026-12-07T21:07:00Z, SHORT)}} {{TIME(2026-12-07T21:07:00Z)}}", text, StringComparison.Ordinal);
            Assert.Contains("EHR · {{DATE(2026-12-07T21:07:05Z, SHORT)}} {{TIME(2026-12-07T21:07:05Z)}}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Another_subject_is_shown_as_it_is()
    {
        using var _ = new InCulture("en-US");

        var text = CardText.Of(AuditCard.Build(new AuditCardModel("EHR", Today.AddDays(-30), Today, [
            new AuditRow(At, "Priya Shah", RiskAudit.RiskLogged, "EHR", "EHR-R3"),
            new AuditRow(At, "Priya Shah", RiskAudit.RiskLogged, "EHR", "20261207T2107Z"),
        ], null)));

        Assert.Contains("EHR · EHR-R3", text, StringComparison.Ordinal);
        Assert.Contains("EHR · 20261207T2107Z", text, StringComparison.Ordinal);
    }
}
