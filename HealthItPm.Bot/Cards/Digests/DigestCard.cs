using System.Globalization;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Domain.Digests;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Digests;

/// <summary>The digest card's state: the digest, and whether it is a preview (nothing was sent).</summary>
public sealed record DigestCardModel(PortfolioDigest Digest, bool Preview = false);

/// <summary>
/// The weekly leadership digest: a donut of projects by status and a bar of open high and critical
/// risks per project (each chart with a text fallback that says the same, for clients without
/// charts), what changed since last week, then each project most urgent first — status and reasons,
/// phase, go-live, SPI/CPI, milestones, check-ins, readiness, risks and who they wait on, KPIs — with a
/// button that shows its status card in place. Missing data is said to be missing. Up to
/// <see cref="MaxProjectsShown"/> projects in full and <see cref="MaxChangesShown"/> changes, then how
/// many more, so a 60-project portfolio stays under Teams' 28 KB.
/// </summary>
public static class DigestCard
{
    public const int MaxProjectsShown = 10;
    public const int MaxChangesShown = 12;
    private const int MaxBars = 8;

    public static JObject Build(DigestCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var digest = model.Digest;
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"Weekly digest · {digest.Week}")),
            CardElements.Text(
                Markdown.Of($"{Count(digest.Projects.Count, "project")} · as of {Markdown.When(digest.ComposedAt)}{(model.Preview ? " · preview, not sent" : "")}"),
                subtle: true,
                spacing: Spacing.None),
        };

        if (digest.Projects.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"No projects in this digest yet: it covers the projects you lead. Ask a project's PM to add you as a leader, or type **digest subscribe EHR** for one project.")));
            return new AdaptiveCard(body).ToJObject();
        }

        body.Add(ByRagChart(digest));
        if (digest.Projects.Count > 1 && digest.Projects.Any(p => p.Risks.Count > 0))
        {
            body.Add(RiskChart(digest));
        }

        body.Add(CardElements.Section(Markdown.Of($"What changed since last week")));
        if (digest.Changes.Count == 0)
        {
            body.Add(CardElements.Text(Markdown.Of($"Nothing recorded changed."), subtle: true));
        }

        body.AddRange(digest.Changes.Take(MaxChangesShown).Select(c => CardElements.UserText("• " + c.Text)));
        if (digest.Changes.Count > MaxChangesShown)
        {
            body.Add(CardElements.Text(Markdown.Of($"and {Count(digest.Changes.Count - MaxChangesShown, "more change")}"), subtle: true));
        }

        if (!digest.RagChangesKnown)
        {
            body.Add(CardElements.Text(
                Markdown.Of($"Status changes of {Count(digest.NoRecordOfLastWeek.Count, "project")} are not shown: no digest recorded their status last week."),
                subtle: true));
        }

        foreach (var project in digest.Projects.Take(MaxProjectsShown))
        {
            body.Add(Project(project));
        }

        if (digest.Projects.Count > MaxProjectsShown)
        {
            var rest = digest.Projects.Skip(MaxProjectsShown).ToList();
            var byRag = Enum.GetValues<DigestRag>().Select(r => (Rag: r, N: rest.Count(p => p.Rag == r))).Where(x => x.N > 0).Select(x => $"{x.N} {Label(x.Rag).ToLowerInvariant()}");
            body.Add(CardElements.Text(Markdown.Of($"and {Count(rest.Count, "more project")}: {string.Join(", ", byRag)}. Type **status CODE** for any of them.")));
        }

        return new AdaptiveCard(body).ToJObject();
    }

    public static string Label(DigestRag rag) => DigestComposer.Label(rag);

    private static DonutChart ByRagChart(PortfolioDigest digest)
    {
        var counts = Enum.GetValues<DigestRag>().Select(r => (Rag: r, N: digest.ByRag.GetValueOrDefault(r))).Where(x => x.N > 0).ToList();
        var text = "Projects by status: " + string.Join(", ", counts.Select(x => $"{x.N} {Label(x.Rag).ToLowerInvariant()}"));
        return new DonutChart("Projects by status", [.. counts.Select(x => new DonutSlice(Label(x.Rag), x.N, ChartColor(x.Rag)))], Fallback(text));
    }

    private static HorizontalBarChart RiskChart(PortfolioDigest digest)
    {
        var bars = digest.Projects.Where(p => p.Risks.Count > 0).OrderByDescending(p => p.Risks.Count).ThenBy(p => p.Code.Value, StringComparer.Ordinal).Take(MaxBars).ToList();
        var text = "Open high and critical risks: " + string.Join(", ", bars.Select(p => $"{p.Code} {p.Risks.Count}"));
        return new HorizontalBarChart("Open high and critical risks", [.. bars.Select(p => new BarPoint(p.Code.Value, p.Risks.Count))], Fallback(text));
    }

    /// <summary>What a chart says, in text, for clients that do not draw charts.</summary>
    private static TextBlock Fallback(string text) => CardElements.Text(Markdown.Literal(text));

    private static Container Project(ProjectDigest p)
    {
        var items = new List<Element>
        {
            // The name as the PM typed it (a TextRun shows it literally), after the code in bold.
            new RichTextBlock([new TextRun(p.Code.Value) { Weight = TextWeight.Bolder }, new TextRun(" · " + p.Name)]),
            new TextBlock(Markdown.Of($"{Label(p.Rag)} · {ProjectLabels.Phase(p.Phase)} · {ProjectFormat.GoLive(p.GoLive, p.GoLive.AddDays(-p.DaysToGoLive))}"))
            {
                Color = RagColor(p.Rag),
                Weight = TextWeight.Bolder,
                Spacing = Spacing.None,
            },
        };
        if (p.Reasons.Count > 0)
        {
            var reasons = Markdown.Join(Markdown.Of($"; "), p.Reasons.Take(3).Select(r => Markdown.Worded(ReasonText.Of(r))));
            items.Add(CardElements.Text(Markdown.Of($"{reasons}{(p.Reasons.Count > 3 ? $"; and {p.Reasons.Count - 3} more" : "")}"), subtle: true, spacing: Spacing.None));
        }

        items.Add(CardElements.Facts(
        [
            ("SPI / CPI", $"{ProjectFormat.Index(p.Spi)} / {ProjectFormat.Index(p.Cpi)}"),
            ("Milestones", Milestones(p)),
            ("Check-ins", CheckIns(p.CheckIns)),
            ("Readiness", Readiness(p.Readiness)),
            ("Risks", Risks(p)),
            ("KPIs", Kpis(p)),
        ]));
        items.Add(new ActionSet([CardElements.Command($"{p.Code} status", "status " + p.Code.Value)]));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static string Milestones(ProjectDigest p)
    {
        var parts = new List<string>();
        if (p.Missed.Count > 0)
        {
            parts.Add("missed: " + string.Join(", ", p.Missed.Take(3).Select(m => $"{m.Name} ({ProjectFormat.Days(m.DaysLate)} late)")) + (p.Missed.Count > 3 ? $" and {p.Missed.Count - 3} more" : ""));
        }

        if (p.DueSoon.Count > 0)
        {
            parts.Add("due in 14 days: " + string.Join(", ", p.DueSoon.Take(3).Select(m => $"{m.Name} ({m.Planned.ToString("d MMM", CultureInfo.InvariantCulture)})")) + (p.DueSoon.Count > 3 ? $" and {p.DueSoon.Count - 3} more" : ""));
        }

        return parts.Count == 0 ? "none due in 14 days, none missed" : string.Join("; ", parts);
    }

    private static string CheckIns(CheckInLine? line) => line switch
    {
        null => "No check-in yet",
        { ResponseRate: null } => "Last check-in had nobody to ask",
        { ResponseRate: { } rate } => $"{(rate * 100).ToString("0", CultureInfo.InvariantCulture)}% answered ({line.Answered} of {line.Audience}) · {Trend(line.Trend)}",
    };

    private static string Trend(CheckInTrend trend) => trend switch
    {
        CheckInTrend.FirstRound => "first round, no trend yet",
        CheckInTrend.Improving => "fewer blocked than the round before",
        CheckInTrend.Worsening => "more blocked than the round before",
        CheckInTrend.Steady => "about as many blocked as the round before",
        _ => "nobody answered, no trend",
    };

    private static string Readiness(ReadinessInput? readiness) => readiness switch
    {
        null => "No readiness survey yet",
        _ => $"{readiness.Wave}: "
            + (readiness.ShareWithoutBarrier is { } share ? $"{(share * 100).ToString("0", CultureInfo.InvariantCulture)}% without a barrier" : "share without a barrier not known")
            + (readiness.DominantBarrier is { } barrier ? $", dominant barrier {barrier}" : "")
            + (readiness.ChangeSincePreviousWave is { } change ? $" ({(change >= 0 ? "+" : "")}{(change * 100).ToString("0", CultureInfo.InvariantCulture)} points since the previous wave)" : " (first wave)"),
    };

    private static string Risks(ProjectDigest p) => p.Risks.Count == 0
        ? "no open high or critical risk"
        : string.Join("; ", p.Risks.Take(3).Select(r =>
            $"{r.Id} {r.Rating.Band.ToString().ToLowerInvariant()} {r.Rating.Score} {r.Title}, waits on {r.WaitingOn ?? "nobody (no owner yet)"}{(r.WaitingOn is null ? "" : " for " + r.WaitingFor)}"))
          + (p.Risks.Count > 3 ? $"; and {p.Risks.Count - 3} more" : "");

    private static string Kpis(ProjectDigest p) => p.Kpis.Count == 0
        ? "none set"
        : string.Join("; ", p.Kpis.Take(3).Select(k => k.Latest is { } latest
            ? $"{k.Name} {ProjectFormat.Number(latest)} {k.Unit} (target {ProjectFormat.Number(k.Target)}): {ProjectFormat.Percent(k.Progress)} of the way"
            : $"{k.Name}: no measurement yet"))
          + (p.Kpis.Count > 3 ? $"; and {p.Kpis.Count - 3} more" : "");

    private static TextColor RagColor(DigestRag rag) => rag switch
    {
        DigestRag.Red => TextColor.Attention,
        DigestRag.Amber => TextColor.Warning,
        DigestRag.Green => TextColor.Good,
        _ => TextColor.Default,
    };

    private static ChartColor ChartColor(DigestRag rag) => rag switch
    {
        DigestRag.Red => Elements.ChartColor.Red,
        DigestRag.Amber => Elements.ChartColor.Marigold,
        DigestRag.Green => Elements.ChartColor.Green,
        _ => Elements.ChartColor.Lavender,
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
