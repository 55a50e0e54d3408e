using System.Globalization;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// Production code reads without scrolling sideways: no line of the bot, the domain or the benchmarks is longer than
/// .editorconfig's <c>max_line_length</c> for C#, which editors show but the build does not enforce. Counted in
/// characters (Unicode code points), as an editor's column counts them, not in UTF-8 bytes.
/// </summary>
public class LineLengthTests
{
    private static readonly string[] Scanned = ["HealthItPm.Bot", "HealthItPm.Domain", "benchmarks"];

    [Fact]
    public void No_production_line_is_longer_than_the_editorconfig_limit()
    {
        var limit = MaxLineLength();
        var root = RepositoryLayout.Root;
        var files = Scanned
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var offences = files
            .SelectMany(f => File.ReadLines(Path.Combine(root, f))
                .Select((line, i) => (Line: i + 1, Length: line.EnumerateRunes().Count()))
                .Where(l => l.Length > limit)
                .Select(l => $"{f.Replace(Path.DirectorySeparatorChar, '/')}:{l.Line} ({l.Length} characters)"))
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(
            offences.Count == 0,
            $"{offences.Count} lines are longer than {limit} characters; wrap them:\n" + string.Join("\n", offences));
    }

    // The value in the [*.cs] section, where the editors read it.
    private static int MaxLineLength()
    {
        string? section = null;
        int? limit = null;
        foreach (var raw in File.ReadLines(Path.Combine(RepositoryLayout.Root, ".editorconfig")))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
            }
            else if (section == "*.cs" && line.Split('=', 2) is [var key, var value] && key.Trim() == "max_line_length")
            {
                limit = int.Parse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        Assert.True(limit is > 0, ".editorconfig names no max_line_length for [*.cs]");
        return limit.Value;
    }
}
