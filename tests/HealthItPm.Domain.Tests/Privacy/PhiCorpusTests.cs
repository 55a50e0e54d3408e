using System.Globalization;
using HealthItPm.Domain.Privacy;
using Xunit.Abstractions;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Measures the guard on phi-corpus.txt: sentences with PHI in every Safe Harbor category and clean
/// project talk full of staff, vendors, products, units, dates, tickets and budgets. Recall is the
/// share of PHI sentences refused; the false-alarm rate is the share of clean sentences refused.
/// </summary>
public class PhiCorpusTests(ITestOutputHelper output)
{
    private const double MinimumRecall = 0.95;
    private const double MaximumFalseAlarms = 0.05;

    // The project team the bot knows, and the hospital's domain, as a deployment would configure them.
    private static readonly PhiContext Project = new(
        staffNames:
        [
            "Priya Shah", "Dana Ruiz", "Tom Becker", "Keisha Washington", "Dr. Marcus Lee", "Rahul Mehta", "Sofia Martinez",
            "Greg Olson", "Hannah Kim", "Jamal Carter", "Linda Torres", "Ben Fischer", "Erin O'Neill", "Ana Lucia Sobral",
        ],
        staffDomains: ["hospital.example"]);

    private sealed record Line(bool IsPhi, string Category, string Text);

    [Fact]
    public void The_corpus_holds_at_least_300_sentences_half_of_them_with_phi_in_every_category()
    {
        var lines = Corpus();

        Assert.True(lines.Count >= 300, $"{lines.Count} sentences");
        Assert.InRange(lines.Count(l => l.IsPhi), lines.Count * 0.4, lines.Count * 0.6);
        string[] categories =
        [
            "name", "ssn", "mrn", "dob", "date", "age", "phone", "fax", "email", "address", "zip", "plan", "account", "licence", "device",
            "url", "ip", "vehicle", "photo", "biometric", "other",
        ];
        Assert.All(categories, c => Assert.True(lines.Count(l => l.Category == c) >= 3, c));
    }

    [Fact]
    public void Recall_is_at_least_95_percent_and_false_alarms_at_most_5_percent()
    {
        var lines = Corpus();

        var (recall, falseAlarms) = Measure(lines, Project, "with the project roster and staff domain", detailed: true);
        Measure(lines, PhiContext.None, "without roster context (PhiGuard.Scan(text))", detailed: false);

        Assert.True(recall >= MinimumRecall, $"Recall {recall:P1} is below {MinimumRecall:P0}.");
        Assert.True(falseAlarms <= MaximumFalseAlarms, $"False alarms {falseAlarms:P1} are above {MaximumFalseAlarms:P0}.");
    }

    // Sentences written after the guard was tuned on the corpus: the figure to expect on new text.
    [Fact]
    public void On_held_out_sentences_recall_and_false_alarms_hold_too()
    {
        var lines = Corpus("phi-corpus-held-out.txt");

        var (recall, falseAlarms) = Measure(lines, Project, "held out, with the project roster and staff domain", detailed: true);
        Measure(lines, PhiContext.None, "held out, without roster context", detailed: false);

        Assert.True(recall >= MinimumRecall, $"Recall {recall:P1} is below {MinimumRecall:P0}.");
        Assert.True(falseAlarms <= MaximumFalseAlarms, $"False alarms {falseAlarms:P1} are above {MaximumFalseAlarms:P0}.");
    }

    // Each set written by someone who never saw the guard, its word lists or its corpora, with its own roster and staff domains in
    // its header. The kinds of sentence each set's misses were (never the sentences) were told to the guard's next tuning after
    // the set was measured, so only the newest set is still the figure to expect on text nobody here wrote. Floors sit
    // just under the figures measured when the guard last changed; the goal is 95 % and 5 %.
    [Theory]
    [InlineData("phi-corpus-unseen.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-2.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-3.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-4.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-5.txt", 0.99, 0.03)]
    [InlineData("phi-corpus-unseen-6.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-7.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-8.txt", 0.99, 0.015)]
    [InlineData("phi-corpus-unseen-9.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-10.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-11.txt", 0.98, 0.01)]
    [InlineData("phi-corpus-unseen-12.txt", 0.98, 0.01)]
    [InlineData("phi-corpus-unseen-13.txt", 0.99, 0.01)]
    [InlineData("phi-corpus-unseen-14.txt", 0.88, 0.035)]
    public void On_sentences_written_without_seeing_the_guard_recall_and_false_alarms_are_reported_and_hold_their_floor(
        string name, double recallFloor, double falseAlarmCeiling)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Privacy", name);
        var header = File.ReadLines(file).TakeWhile(l => l.StartsWith('#')).ToList();
        string[] Listed(string key) =>
            header.Single(l => l.StartsWith($"# {key}: ", StringComparison.Ordinal))[(key.Length + 4)..].Split("; ");
        var roster = new PhiContext(staffNames: Listed("roster"), staffDomains: Listed("staff-domains"));
        var lines = Corpus(name);

        var (recall, falseAlarms) = Measure(lines, roster, $"{name}, with its roster and staff domains", detailed: true);
        Measure(lines, PhiContext.None, $"{name}, without roster context", detailed: false);

        Assert.True(lines.Count >= 300 && Listed("roster").Length >= 20, $"{lines.Count} sentences");
        Assert.True(recall >= recallFloor, $"Recall {recall:P1} is below {recallFloor:P0}.");
        Assert.True(falseAlarms <= falseAlarmCeiling, $"False alarms {falseAlarms:P1} are above {falseAlarmCeiling:P0}.");
    }

    private (double Recall, double FalseAlarms) Measure(IReadOnlyList<Line> lines, PhiContext context, string label, bool detailed)
    {
        var phi = lines.Where(l => l.IsPhi).ToList();
        var clean = lines.Where(l => !l.IsPhi).ToList();
        var missed = phi.Where(l => PhiGuard.Scan(l.Text, context).Count == 0).ToList();
        var alarms = clean.Select(l => (l.Text, Findings: PhiGuard.Scan(l.Text, context))).Where(l => l.Findings.Count > 0).ToList();
        var recall = 1 - ((double)missed.Count / phi.Count);
        var falseAlarms = (double)alarms.Count / clean.Count;

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: recall {recall:P1} ({phi.Count - missed.Count}/{phi.Count}), "
            + $"false alarms {falseAlarms:P1} ({alarms.Count}/{clean.Count})"));
        if (!detailed)
        {
            return (recall, falseAlarms);
        }

        foreach (var category in phi.GroupBy(l => l.Category))
        {
            var caught = category.Count(l => PhiGuard.Scan(l.Text, context).Count > 0);
            output.WriteLine($"  {category.Key,-8} {caught}/{category.Count()}");
        }

        missed.ForEach(l => output.WriteLine($"  missed ({l.Category}): {l.Text}"));
        alarms.ForEach(a => output.WriteLine(
            $"  false alarm: {a.Text} -> "
            + string.Join(", ", a.Findings.Select(f => $"{f.Kind} \u201c{a.Text.Substring(f.Index, f.Length)}\u201d"))));
        return (recall, falseAlarms);
    }

    private static List<Line> Corpus(string file = "phi-corpus.txt") =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Privacy", file))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t', 2))
            .Select(p => p[0] == "clean" ? new Line(false, "", p[1]) : new Line(true, p[0]["phi ".Length..], p[1]))];
}
