using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Infrastructure;

/// <summary>
/// infra/main.bicep compiled and linted once for all the infrastructure tests, with the Bicep CLI
/// that the test project downloads from NuGet (Azure.Bicep.CommandLine.linux-x64): both run offline,
/// with Azure's resource types built in.
/// </summary>
public sealed class BicepTemplates : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "healthitpm-bicep-" + Guid.NewGuid().ToString("N"));

    public static string Infra => Path.Combine(RepositoryLayout.Root, "infra");

    public static string MainTemplate => Path.Combine(Infra, "main.bicep");

    public BicepRun Build { get; private set; } = BicepRun.NotRun;

    public BicepRun Lint { get; private set; } = BicepRun.NotRun;

    /// <summary>The compiled ARM template (modules nested as deployments).</summary>
    public JsonObject Compiled { get; private set; } = [];

    /// <summary>The linter's findings (SARIF results), each as "file(line): rule: message".</summary>
    public IReadOnlyList<string> LintFindings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var bicep = BicepExecutable();
        var compiled = Path.Combine(_folder, "main.json");
        var build = RunAsync(bicep, "build", MainTemplate, "--outfile", compiled);
        var lint = RunAsync(bicep, "lint", MainTemplate, "--diagnostics-format", "sarif");
        Build = await build;
        Lint = await lint;

        if (Build.ExitCode == 0)
        {
            Compiled = JsonNode.Parse(await File.ReadAllTextAsync(compiled))!.AsObject();
        }

        LintFindings = ReadSarif(Lint.Output, Lint.Errors);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A nested deployment (a module of main.bicep) by its name.</summary>
    public JsonObject Module(string name) =>
        Resources(Compiled).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    /// <summary>The resources a module deploys, of one type.</summary>
    public IEnumerable<JsonObject> ResourcesOf(string module, string type) =>
        Resources(Module(module)["properties"]!["template"]!.AsObject()).Where(r => (string?)r["type"] == type);

    /// <summary>A parameter value main.bicep hands a module (a literal, or an ARM expression as text).</summary>
    public JsonNode ModuleParameter(string module, string parameter) => Module(module)["properties"]!["parameters"]![parameter]!["value"]!;

    private static IEnumerable<JsonObject> Resources(JsonObject template) => template["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        JsonObject byName => byName.Select(r => r.Value!.AsObject()),
        _ => [],
    };

    private static List<string> ReadSarif(string output, string errors)
    {
        if (!output.TrimStart().StartsWith('{'))
        {
            return [$"no SARIF output: {output}{errors}"];
        }

        var sarif = JsonNode.Parse(output)!;
        return sarif["runs"]!.AsArray()
            .SelectMany(run => run!["results"]!.AsArray())
            .Select(r =>
            {
                var location = r!["locations"]?[0]?["physicalLocation"];
                return $"{location?["artifactLocation"]?["uri"]}({location?["region"]?["startLine"]}): {r["ruleId"]}: {r["message"]?["text"]}";
            })
            .ToList();
    }

    /// <summary>The bicep binary from the NuGet package folder, made executable (NuGet does not keep the run bit for everyone).</summary>
    private static string BicepExecutable()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new PlatformNotSupportedException("The test project downloads the Bicep CLI for linux-x64, the machines the project builds on.");
        }

        var path = typeof(BicepTemplates).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}; restore the test project (it downloads Azure.Bicep.CommandLine.linux-x64).");
        }

        var mode = File.GetUnixFileMode(path);
        var run = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & run) != run)
        {
            File.SetUnixFileMode(path, mode | run);
        }

        return path;
    }

    private static async Task<BicepRun> RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Infra,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Offline: no telemetry, no update checks.
        info.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new BicepRun(process.ExitCode, await output, await error);
    }
}

public sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    public static BicepRun NotRun { get; } = new(-1, "", "not run");
}
