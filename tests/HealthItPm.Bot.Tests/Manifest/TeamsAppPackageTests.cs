using System.Diagnostics;
using System.IO.Compression;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Manifest;

/// <summary>
/// The Teams app package as the build step produces it: the manifest validates against the
/// official schema it names (from npm @microsoft/app-manifest), the icons are what Teams requires,
/// and every command the manifest suggests is one the bot knows. The package is built once
/// (<see cref="TeamsAppPackage"/>) for the tests that read it.
/// </summary>
[Trait("Needs", "Processes")]
public sealed class TeamsAppPackageTests(TeamsAppPackage package) : IClassFixture<TeamsAppPackage>
{
    private const string AppId = TeamsAppPackage.AppId;

    private Dictionary<string, byte[]> Files => package.Files;

    private JObject Manifest => JObject.Parse(System.Text.Encoding.UTF8.GetString(Files["manifest.json"]));

    [Fact]
    public void The_package_holds_the_manifest_and_icons_at_its_root() =>
        Assert.Equal(["color.png", "manifest.json", "outline.png"], Files.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public async Task The_manifest_validates_against_the_official_schema_it_names()
    {
        var version = (string)Manifest["manifestVersion"]!;
        Assert.EndsWith($"/v{version}/MicrosoftTeams.schema.json", (string)Manifest["$schema"]!, StringComparison.Ordinal);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryLayout.NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{version}", "MicrosoftTeams.schema.json"));

        var errors = schema.Validate(Manifest.ToString());

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_schema_check_catches_a_broken_manifest()
    {
        var broken = Manifest;
        broken.Remove("developer");
        broken["bots"]![0]!["scopes"] = new JArray("everywhere");
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryLayout.NodeModules, "@microsoft", "app-manifest", "build", "json-schemas", "teams", "v1.29", "MicrosoftTeams.schema.json"));

        var errors = schema.Validate(broken.ToString());

        Assert.Contains(errors, e => e.Kind == NJsonSchema.Validation.ValidationErrorKind.PropertyRequired);
        Assert.True(errors.Count >= 2, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public void The_app_id_is_filled_in_and_the_rest_is_the_source_manifest_byte_for_byte()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "manifest", "manifest.json")).Replace("${{MICROSOFT_APP_ID}}", AppId, StringComparison.Ordinal);

        Assert.Equal(source.TrimEnd(), System.Text.Encoding.UTF8.GetString(Files["manifest.json"]).TrimEnd());
        Assert.Equal(AppId, (string?)Manifest["id"]);
        Assert.Equal(AppId, (string?)Manifest["bots"]![0]!["botId"]);
    }

    [Fact]
    public void The_colour_icon_is_192_pixels_square()
    {
        var icon = Png.Read(Files["color.png"]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
    }

    [Fact]
    public void The_outline_icon_is_32_pixels_white_on_transparent()
    {
        var icon = Png.Read(Files["outline.png"]);
        var pixels = icon.RgbaPixels().ToList();

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Fact]
    public void Every_suggested_command_is_one_the_bot_knows_and_help_is_in_every_list()
    {
        var known = HostComposition.Services.GetServices<CommandDefinition>().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var bot = Manifest["bots"]![0]!;
        var lists = (JArray)bot["commandLists"]!;

        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.Values<string>().Order(StringComparer.Ordinal));
        foreach (var list in lists)
        {
            var titles = list["commands"]!.Select(c => (string)c["title"]!).ToList();
            Assert.All(titles, t => Assert.Contains(t, known));
            Assert.Contains("help", titles);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    public async Task Packaging_refuses_an_app_id_that_is_not_a_guid_and_names_the_setting(string appId)
    {
        var refused = Path.Combine(package.Folder, $"refused-{Guid.NewGuid():N}.zip");

        var (exitCode, output) = await TeamsAppPackage.PackageAsync($"-p:MicrosoftAppId={appId}", refused);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MicrosoftAppId must be the Azure Bot's app id", output, StringComparison.Ordinal);
        Assert.False(File.Exists(refused));
    }

    [Fact]
    public async Task The_app_id_can_come_from_the_deployment_outputs_azd_keeps()
    {
        const string deployed = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
        var outputs = Path.Combine(package.Folder, "outputs.env");
        await File.WriteAllTextAsync(outputs, $"AZURE_LOCATION=\"eastus2\"\nBOT_ENDPOINT=\"https://app-healthitpm.azurewebsites.net/api/messages\"\nMICROSOFT_APP_ID=\"{deployed}\"\n");
        var zip = Path.Combine(package.Folder, "from-outputs.zip");

        var (exitCode, output) = await TeamsAppPackage.PackageAsync($"-p:DeploymentOutputs={outputs}", zip);

        Assert.True(exitCode == 0, "Packaging failed:\n" + output);
        var manifest = JObject.Parse(System.Text.Encoding.UTF8.GetString(TeamsAppPackage.Read(zip)["manifest.json"]));
        Assert.Equal(deployed, (string?)manifest["id"]);
        Assert.Equal(deployed, (string?)manifest["bots"]![0]!["botId"]);
    }

    [Fact]
    public async Task Deployment_outputs_without_the_app_id_are_refused()
    {
        var outputs = Path.Combine(package.Folder, "no-app-id.env");
        await File.WriteAllTextAsync(outputs, "AZURE_LOCATION=\"eastus2\"\n");

        var (exitCode, output) = await TeamsAppPackage.PackageAsync($"-p:DeploymentOutputs={outputs}", Path.Combine(package.Folder, "refused-outputs.zip"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MICROSOFT_APP_ID=", output, StringComparison.Ordinal);
    }
}

/// <summary>The package, built once with <see cref="AppId"/> by the build step (dotnet msbuild -t:PackageTeamsApp), and read.</summary>
public sealed class TeamsAppPackage : IAsyncLifetime
{
    public const string AppId = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "healthitpm-package-" + Guid.NewGuid().ToString("N"));

    public Dictionary<string, byte[]> Files { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var package = Path.Combine(Folder, "HealthItPm.zip");
        var (exitCode, output) = await PackageAsync($"-p:MicrosoftAppId={AppId}", package);
        Assert.True(exitCode == 0, "Packaging failed:\n" + output);
        Files = Read(package);
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public static Dictionary<string, byte[]> Read(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static async Task<(int ExitCode, string Output)> PackageAsync(string appIdArgument, string package)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryLayout.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", Path.Combine("HealthItPm.Bot", "HealthItPm.Bot.csproj"), "-t:PackageTeamsApp", appIdArgument, $"-p:TeamsAppPackage={package}", "-nologo", "-v:m" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
