using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Digests;

/// <summary>The digest card's state: the digest, and whether it is a preview (nothing was sent).</summary>
public sealed record DigestCardModel(PortfolioDigest Digest, bool Preview = false);

/// <summary>
/// The weekly leadership digest, titled by the week's dates: a donut of projects by status (from two
/// projects on) and a bar of open high and critical risks per project (each chart with a text fallback
/// that says the same, for clients without charts), what changed since last week (a risk's steps said
/// once, with its title), then each project most urgent first — status and reasons,
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

    private static TextResource Texts => DigestTexts.Cards;

    public static JObject Build(DigestCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var digest = model.Digest;
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown("Title", WeekOf(digest.Week))),
            CardElements.Text(
                Texts.Markdown(
                    model.Preview ? "Line_Preview" : "Line",
                    Texts.Count("Projects", digest.Projects.Count),
                    Markdown.When(digest.ComposedAt)),
                subtle: true,
                spacing: Spacing.None),
        };

        if (digest.Projects.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("None")));
            return new AdaptiveCard(body).ToJObject();
        }

        // One project's status is said in its own section: a chart of one slice would only take room.
        if (digest.Projects.Count > 1)
        {
            body.Add(ByRagChart(digest));
        }

        if (digest.Projects.Count > 1 && digest.Projects.Any(p => p.Risks.Count > 0))
        {
            body.Add(RiskChart(digest));
        }

        body.Add(CardElements.Section(Texts.Markdown("Changes")));
        if (digest.Changes.Count == 0)
        {
            body.Add(CardElements.Text(Texts.Markdown("Changes_None"), subtle: true));
        }

        var changes = DigestChangeText.Lines(digest.Changes);
        body.AddRange(changes.Take(MaxChangesShown).Select(line => CardElements.UserText(Texts.Format("Change", line))));
        if (changes.Count > MaxChangesShown)
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Changes_More", Texts.Count("MoreChanges", changes.Count - MaxChangesShown)), subtle: true));
        }

        if (!digest.RagChangesKnown)
        {
            body.Add(CardElements.Text(
                Texts.Markdown("Changes_Unknown", Texts.Count("Projects", digest.NoRecordOfLastWeek.Count)),
                subtle: true));
        }

        foreach (var project in digest.Projects.Take(MaxProjectsShown))
        {
            body.Add(Project(project));
        }

        if (digest.Projects.Count > MaxProjectsShown)
        {
            var rest = digest.Projects.Skip(MaxProjectsShown).ToList();
            var byRag = Enum.GetValues<DigestRag>()
                .Select(r => (Rag: r, N: rest.Count(p => p.Rag == r)))
                .Where(x => x.N > 0)
                .Select(x => Texts.Format($"RagCount_{x.Rag}", x.N));
            body.Add(CardElements.Text(Texts.Markdown(
                "MoreProjects", Texts.Count("MoreProjects", rest.Count), string.Join(CardTexts.Common["Separator"], byRag))));
        }

        return new AdaptiveCard(body).ToJObject();
    }

    public static string Label(DigestRag rag) => rag switch
    {
        DigestRag.Red => ProjectLabels.Rag(Rag.Red),
        DigestRag.Amber => ProjectLabels.Rag(Rag.Amber),
        DigestRag.Green => ProjectLabels.Rag(Rag.Green),
        _ => Texts["Rag_Unknown"],
    };

    /// <summary>
    /// The week's days, Monday to Sunday, with month names in the
    /// reader's culture: "7–13 Dec 2026", "30 Nov – 6 Dec 2026".
    /// </summary>
    public static string WeekOf(IsoWeek week)
    {
        var (monday, sunday) = (week.Monday, week.Monday.AddDays(6));
        var pattern = monday.Month == sunday.Month ? "Format_WeekInMonth"
            : monday.Year == sunday.Year ? "Format_WeekAcrossMonths"
            : "Format_WeekAcrossYears";
        return string.Format(
            CultureInfo.CurrentCulture, Texts[pattern], monday.ToDateTime(TimeOnly.MinValue), sunday.ToDateTime(TimeOnly.MinValue));
    }

    /// <summary>A risk's band as a word in a sentence ("high").</summary>
    internal static string Band(RiskBand band) => Texts[$"Band_{band}"];

    /// <summary>Someone as the project knows them, or as someone no longer on it.</summary>
    internal static string Name(DigestPerson person) => person.Name ?? Texts["FormerMember"];

    private static DonutChart ByRagChart(PortfolioDigest digest)
    {
        var counts = Enum.GetValues<DigestRag>().Select(r => (Rag: r, N: digest.ByRag.GetValueOrDefault(r))).Where(x => x.N > 0).ToList();
        var text = Texts.Format(
            "ByRag_Text", string.Join(CardTexts.Common["Separator"], counts.Select(x => Texts.Format($"RagCount_{x.Rag}", x.N))));
        return new DonutChart(
            Texts["ByRag"], [.. counts.Select(x => new DonutSlice(Label(x.Rag), x.N, ChartColor(x.Rag)))], Fallback(text));
    }

    private static HorizontalBarChart RiskChart(PortfolioDigest digest)
    {
        var bars = digest.Projects
            .Where(p => p.Risks.Count > 0)
            .OrderByDescending(p => p.Risks.Count)
            .ThenBy(p => p.Code.Value, StringComparer.Ordinal)
            .Take(MaxBars)
            .ToList();
        var text = Texts.Format(
            "RiskChart_Text",
            string.Join(CardTexts.Common["Separator"], bars.Select(p => Texts.Format("RiskChart_Bar", p.Code.Value, p.Risks.Count))));
        return new HorizontalBarChart(Texts["RiskChart"], [.. bars.Select(p => new BarPoint(p.Code.Value, p.Risks.Count))], Fallback(text));
    }

    /// <summary>What a chart says, in text, for clients that do not draw charts.</summary>
    private static TextBlock Fallback(string text) => CardElements.Text(Markdown.Literal(text));

    private static Container Project(ProjectDigest p)
    {
        var items = new List<Element>
        {
            // The name as the PM typed it (a TextRun shows it literally), after the code in bold.
            new RichTextBlock(
                [new TextRun(p.Code.Value) { Weight = TextWeight.Bolder }, new TextRun(Texts.Format("Project_Name", p.Name))]),
            CardElements.Badge(
                Texts.Markdown(
                    "Project_Line",
                    Label(p.Rag),
                    ProjectLabels.Phase(p.Phase),
                    CardFormat.GoLive(p.GoLive, p.GoLive.AddDays(-p.DaysToGoLive))),
                SeverityOf(p.Rag)) with
            {
                Spacing = Spacing.None,
            },
        };
        if (p.Reasons.Count > 0)
        {
            var reasons = Markdown.Join(
                Markdown.Literal(CardTexts.Common["ListSeparator"]), p.Reasons.Take(3).Select(r => Markdown.Worded(ReasonText.Of(r))));
            items.Add(CardElements.Text(
                p.Reasons.Count > 3 ? Texts.Markdown("AndMore", reasons, p.Reasons.Count - 3) : reasons,
                subtle: true,
                spacing: Spacing.None));
        }

        items.Add(CardElements.Facts(
        [
            (Texts["Fact_SpiCpi"], Texts.Format("Fact_SpiCpi_Value", CardFormat.Index(p.Spi), CardFormat.Index(p.Cpi))),
            (DigestTexts.Cards["Project_Milestones"], Milestones(p)),
            (Texts["Fact_CheckIns"], CheckIns(p.CheckIns)),
            (Texts["Fact_Readiness"], Readiness(p.Readiness)),
            (Texts["Fact_Risks"], Risks(p)),
            (DigestTexts.Cards["Project_Kpis"], Kpis(p)),
            .. p.Gate is { } gate ? [(Texts["Fact_Gate"], Gate(gate))] : Array.Empty<(string, string)>(),
        ]));
        items.Add(new ActionSet([CardElements.Command(Texts.Format("StatusButton", p.Code.Value), "status " + p.Code.Value)]));
        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    // The recommendation and days to go; the criteria whose state changed since last week (the first three); the last decision.
    private static string Gate(GateLine gate)
    {
        var parts = new List<string>
        {
            Texts.Format(
                "Gate_Recommendation",
                Texts[$"Gate_{gate.Recommendation}"],
                gate.DaysToGo < 0 ? Texts["Gate_Passed"] : CardFormat.Days(gate.DaysToGo)),
            gate.Changed switch
            {
                null => Texts["Gate_NoRecord"],
                { Count: 0 } => Texts["Gate_Unchanged"],
                var moved => Texts.Format("Gate_Changed", Phrases(
                    moved.Select(m => Texts.Format(
                        "Gate_Move",
                        m.Criterion.Number,
                        m.Before is { } before ? Texts[$"Gate_State_{before}"] : Texts["Gate_New"],
                        Texts[$"Gate_State_{m.After}"])),
                    moved.Count)),
            },
        };
        if (gate.LastDecision is { } decision && gate.DecidedAt is { } at)
        {
            var on = CardFormat.Date(DateOnly.FromDateTime(at.UtcDateTime));
            parts.Add(Texts.Format("Gate_Decision", Texts[$"Gate_Decision_{decision}"], on));
        }

        return string.Join(CardTexts.Common["ListSeparator"], parts);
    }

    private static string Milestones(ProjectDigest p)
    {
        var parts = new List<string>();
        if (p.Missed.Count > 0)
        {
            parts.Add(Texts.Format(
                "Milestones_Missed",
                Names(p.Missed.Select(m => Texts.Format("Milestones_Late", m.Name, CardFormat.Days(m.DaysLate))), p.Missed.Count)));
        }

        if (p.DueSoon.Count > 0)
        {
            parts.Add(Texts.Format(
                "Milestones_DueSoon",
                Names(
                    p.DueSoon.Select(m =>
                        Texts.Format("Milestones_Due", m.Name, m.Planned.ToString(Texts["Format_Day"], CultureInfo.CurrentCulture))),
                    p.DueSoon.Count)));
        }

        return parts.Count == 0 ? Texts["Milestones_None"] : string.Join(CardTexts.Common["ListSeparator"], parts);
    }

    // The first three of a list of names, and how many more.
    private static string Names(IEnumerable<string> names, int count)
    {
        var shown = string.Join(CardTexts.Common["Separator"], names.Take(3));
        return count > 3 ? Texts.Format("AndMoreNames", shown, count - 3) : shown;
    }

    // The first three of a list of phrases, and how many more.
    private static string Phrases(IEnumerable<string> phrases, int count)
    {
        var shown = string.Join(CardTexts.Common["ListSeparator"], phrases.Take(3));
        return count > 3 ? Texts.Format("AndMore", shown, count - 3) : shown;
    }

    private static string CheckIns(CheckInLine? line) => line switch
    {
        null => Texts["CheckIns_None"],
        { ResponseRate: null } => Texts["CheckIns_NobodyToAsk"],
        { ResponseRate: { } rate } =>
            Texts.Format("CheckIns_Line", CardFormat.Percent(rate), line.Answered, line.Audience, Texts[$"Trend_{line.Trend}"]),
    };

    private static string Readiness(ReadinessInput? readiness)
    {
        if (readiness is null)
        {
            return Texts["Readiness_None"];
        }

        var share = readiness.ShareWithoutBarrier is { } known
            ? Texts.Format("Readiness_Share", CardFormat.Percent(known))
            : Texts["Readiness_ShareUnknown"];
        if (readiness.DominantBarrier is { } barrier)
        {
            share = Texts.Format("Readiness_Barrier", share, ReasonText.Of(barrier));
        }

        var change = readiness.ChangeSincePreviousWave is { } delta
            ? Texts.Format("Readiness_Change", (delta >= 0 ? "+" : string.Empty) + (delta * 100).ToString("0", CultureInfo.CurrentCulture))
            : Texts["Readiness_FirstWave"];
        return Texts.Format("Readiness_Line", readiness.Wave, share, change);
    }

    private static string Risks(ProjectDigest p) => p.Risks.Count == 0
        ? Texts["Risks_None"]
        : Phrases(p.Risks.Select(r => r.WaitingOn is { } person
            ? Texts.Format(
                "Risks_WaitsOn",
                r.Id,
                Band(r.Rating.Band),
                r.Rating.Score,
                r.Title,
                Name(person),
                Texts.Format($"WaitsFor_{r.WaitingFor}", r.EscalationLevel))
            : Texts.Format("Risks_NoOwner", r.Id, Band(r.Rating.Band), r.Rating.Score, r.Title)), p.Risks.Count);

    private static string Kpis(ProjectDigest p) => p.Kpis.Count == 0
        ? Texts["Kpis_None"]
        : Phrases(p.Kpis.Select(k => k.Latest is { } latest
            ? Texts.Format(
                "Kpis_Line", k.Name, CardFormat.Number(latest), k.Unit, CardFormat.Number(k.Target), CardFormat.Percent(k.Progress))
            : Texts.Format("Kpis_NotMeasured", k.Name)), p.Kpis.Count);

    private static Severity SeverityOf(DigestRag rag) => rag switch
    {
        DigestRag.Red => Severity.High,
        DigestRag.Amber => Severity.Medium,
        DigestRag.Green => Severity.Low,
        _ => Severity.Unknown,
    };

    private static ChartColor ChartColor(DigestRag rag) => rag switch
    {
        DigestRag.Red => Cards.Elements.ChartColor.Red,
        DigestRag.Amber => Cards.Elements.ChartColor.Marigold,
        DigestRag.Green => Cards.Elements.ChartColor.Green,
        _ => Cards.Elements.ChartColor.Lavender,
    };
}

