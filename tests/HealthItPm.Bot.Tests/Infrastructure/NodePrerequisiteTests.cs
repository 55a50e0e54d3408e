using System.Diagnostics;
using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Infrastructure;

/// <summary>
/// The Node.js the README asks for is one every npm package pinned in tools/package-lock.json declares
/// it runs on (so a fresh <c>npm ci</c> prints no engine warning), and the tools say clearly when the
/// machine's Node.js is older.
/// </summary>
[Trait("Needs", "Processes")]
public partial class NodePrerequisiteTests
{
    private static readonly string Prerequisites = Path.Combine(RepositoryLayout.Tools, "lib", "prerequisites.sh");

    private static string Minimum => MinimumLine().Match(File.ReadAllText(Prerequisites)).Groups[1].Value;

    [Fact]
    public async Task Every_pinned_npm_package_runs_on_the_node_the_readme_asks_for()
    {
        var minimum = Version.Parse(Minimum);
        Assert.Contains($"Node.js {minimum.Major}.{minimum.Minor}+", await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "README.md")), StringComparison.Ordinal);

        // npm's own range rules (the semver package npm uses) over every package's declared engines.
        const string Script = """
            const semver = require('./node_modules/semver');
            const lock = require('./package-lock.json');
            for (const [name, p] of Object.entries(lock.packages))
              if (p.engines && p.engines.node && !semver.satisfies(process.argv[1], p.engines.node)) console.log(name + ' wants node ' + p.engines.node);
            """;
        var (exit, output) = await RunAsync("node", ["-e", Script, Minimum], RepositoryLayout.Tools);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output.Trim());
    }

    [Theory]
    [InlineData("18.19.0", false)]
    [InlineData("20.5.1", false)]
    [InlineData("20.6.0", true)]
    [InlineData("22.11.0", true)]
    public async Task A_node_older_than_the_readme_says_is_named_clearly(string version, bool accepted)
    {
        var bin = Directory.CreateTempSubdirectory("fake-node-");
        try
        {
            // A node on the PATH that answers --version as that release would.
            var (exit, output) = await RunAsync(
                "bash",
                ["-c", $"printf '#!/bin/sh\\necho v{version}\\n' > '{bin.FullName}/node' && chmod +x '{bin.FullName}/node' && PATH='{bin.FullName}':\"$PATH\"; "
                    + $"source '{Prerequisites}'; prerequisites::node_version && echo accepted"],
                RepositoryLayout.Root);

            if (accepted)
            {
                Assert.Equal((0, "accepted"), (exit, output.Trim()));
            }
            else
            {
                Assert.NotEqual(0, exit);
                Assert.Equal($"HealthItPm needs Node.js {Minimum} or later; this machine has {version} (see README, Prerequisites).", output.Trim());
            }
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments, string directory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"PREREQUISITES_NODE_MINIMUM=(\d+\.\d+\.\d+)")]
    private static partial Regex MinimumLine();
}
