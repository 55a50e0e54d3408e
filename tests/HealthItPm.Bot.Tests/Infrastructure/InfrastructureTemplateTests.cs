using System.Reflection;
using System.Text.Json.Nodes;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Storage;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Infrastructure;

/// <summary>
/// infra/main.bicep deploys what the README's deployment section describes, compiles and lints
/// clean, and sets every setting the bot validates at start-up: a new option in the code fails
/// here until the template sets it (or says why it must not).
/// </summary>
[Trait("Needs", "Processes")]
public class InfrastructureTemplateTests(BicepTemplates templates) : IClassFixture<BicepTemplates>
{
    /// <summary>Settings the bot validates that the template leaves unset on purpose, and why.</summary>
    private static readonly Dictionary<string, string> DeliberatelyUnset = new(StringComparer.Ordinal)
    {
        ["MicrosoftAppPassword"] = "the bot is a UserAssignedMSI app: Bot Service trusts its managed identity, there is no secret",
        ["Storage:ConnectionString"] = "storage is reached as the managed identity (Storage:AccountName); the account refuses shared keys",
    };

    [Fact]
    public void The_templates_compile()
    {
        Assert.True(templates.Build.ExitCode == 0, templates.Build.Output + templates.Build.Errors);
        Assert.True(templates.Build.Errors.Trim().Length == 0, "bicep build reported:\n" + templates.Build.Errors);
    }

    [Fact]
    public void The_linter_finds_nothing()
    {
        Assert.True(templates.Lint.ExitCode == 0, templates.Lint.Output + templates.Lint.Errors);
        Assert.True(templates.LintFindings.Count == 0, string.Join("\n", templates.LintFindings));
    }

    [Fact]
    public void Every_setting_the_bot_validates_at_start_up_is_set_by_the_web_app()
    {
        var set = TemplateSettings();

        var missing = ValidatedSettings()
            .Where(key => !DeliberatelyUnset.ContainsKey(key) && !set.Contains(key.Replace(":", "__", StringComparison.Ordinal)))
            .ToList();

        Assert.True(missing.Count == 0, "infra/main.bicep does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void What_the_template_leaves_unset_is_a_setting_the_bot_still_has_and_the_template_does_not_set()
    {
        var validated = ValidatedSettings();
        var set = TemplateSettings();

        Assert.All(DeliberatelyUnset.Keys, key =>
        {
            Assert.Contains(key, validated);
            Assert.DoesNotContain(key.Replace(":", "__", StringComparison.Ordinal), set);
        });
    }

    [Fact]
    public void The_settings_derived_from_the_code_include_the_known_ones()
    {
        // Guards the reflection itself: were it to find nothing, the check above would pass vacuously.
        Assert.Superset(
            new HashSet<string>(["MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppTenantId", "Storage:AccountName", "Tenants:AllowedTenantIds", "Access:AdminIds", "Scheduler:TickSeconds"]),
            ValidatedSettings().ToHashSet());
    }

    [Theory]
    [InlineData("poison-queue-not-empty", "healthitpm.queue.poison.depth", "GreaterThan", 0)]
    [InlineData("oldest-delivery-late", "healthitpm.queue.oldest_age", "GreaterThan", 600)]
    [InlineData("no-live-host", "healthitpm.hosts.live", "LessThan", 1)]
    [InlineData("messages-server-errors", "/api/messages", "GreaterThan", null)]
    public void Each_pipeline_alert_exists_with_its_threshold_and_mails_the_deployers_address(
        string name, string measured, string comparison, int? threshold)
    {
        var alerts = templates.Module("alerts")["properties"]!["template"]!.AsObject();
        var rule = alerts["variables"]!["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["name"] == name);
        var loop = Assert.Single(templates.ResourcesOf("alerts", "Microsoft.Insights/scheduledQueryRules"));
        var group = Assert.Single(templates.ResourcesOf("alerts", "Microsoft.Insights/actionGroups"));

        Assert.Contains(measured, (string?)rule["query"], StringComparison.Ordinal);
        Assert.Equal(comparison, (string?)rule["operator"]);
        Assert.Equal(
            threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "[json(parameters('serverErrorShare'))]",
            rule["threshold"]!.ToString());
        Assert.Equal("[length(variables('rules'))]", (string?)loop["copy"]!["count"]);
        Assert.Equal("[parameters('alertEmail')]", (string?)group["properties"]!["emailReceivers"]![0]!["emailAddress"]);
        Assert.Contains("actionGroups", loop["properties"]!["actions"]!["actionGroups"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('alertEmail')]", (string?)templates.ModuleParameter("alerts", "alertEmail"));
        Assert.Equal("[reference('monitoring').outputs.id.value]", (string?)templates.ModuleParameter("alerts", "applicationInsightsId"));
    }

    [Fact]
    public void The_bot_exports_through_the_distro_with_the_connection_string_and_the_app_service_agent_is_off()
    {
        var settings = templates.ModuleParameter("web", "appSettings").AsObject();

        Assert.Equal("[reference('monitoring').outputs.connectionString.value]", (string?)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("disabled", (string?)settings["ApplicationInsightsAgent_EXTENSION_VERSION"]);
        Assert.Equal("false", (string?)settings["Telemetry__Console"]);
    }

    [Fact]
    public void The_bot_runs_as_its_user_assigned_identity_in_production()
    {
        var settings = templates.ModuleParameter("web", "appSettings").AsObject();

        Assert.Equal("UserAssignedMSI", (string?)settings["MicrosoftAppType"]);
        Assert.Equal("Production", (string?)settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("[reference('identity').outputs.clientId.value]", (string?)settings["MicrosoftAppId"]);
        Assert.Equal((string?)settings["MicrosoftAppId"], (string?)settings["Storage__ManagedIdentityClientId"]);
    }

    [Fact]
    public void Storage_takes_only_azure_ad_over_tls_1_2_and_shows_no_blob_publicly()
    {
        var account = Assert.Single(templates.ResourcesOf("storage", "Microsoft.Storage/storageAccounts"))["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void The_identity_holds_the_table_and_queue_data_roles()
    {
        var storage = templates.Module("storage")["properties"]!["template"]!;
        var assignments = Assert.Single(templates.ResourcesOf("storage", "Microsoft.Authorization/roleAssignments"));
        var variables = storage["variables"]!;

        Assert.Equal("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", (string?)variables["storageTableDataContributor"]);
        Assert.Equal("974c5e8b-45b9-4653-ba55-5f855dd0fb88", (string?)variables["storageQueueDataContributor"]);
        Assert.Contains("createArray(variables('storageTableDataContributor'), variables('storageQueueDataContributor'))", (string?)assignments["name"], StringComparison.Ordinal);
        Assert.Equal("[reference('identity').outputs.principalId.value]", (string?)templates.ModuleParameter("storage", "principalId"));
    }

    [Fact]
    public void Every_table_the_bot_uses_is_created()
    {
        var tables = templates.Module("storage")["properties"]!["template"]!["variables"]!["tableNames"]!.AsArray().Select(t => (string)t!);

        Assert.Equal(StorageTables.All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_fixed_queue_the_bot_uses_is_created_and_no_tenants_queue_is()
    {
        var queues = templates.Module("storage")["properties"]!["template"]!["variables"]!["queueNames"]!.AsArray().Select(q => (string)q!);

        Assert.Equal(DeliveryQueues.Fixed.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(queues, q => q.StartsWith(DeliveryQueues.TenantQueuePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void The_web_app_is_dotnet_10_on_linux_https_only_always_on_and_probed_on_healthz()
    {
        var site = Assert.Single(templates.ResourcesOf("web", "Microsoft.Web/sites"));
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("/healthz", (string?)config["healthCheckPath"]);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Contains("'azd-service-name', 'bot'", (string?)site["tags"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_azure_bot_knows_the_identity_sends_to_api_messages_and_has_teams_on()
    {
        var bot = Assert.Single(templates.ResourcesOf("bot", "Microsoft.BotService/botServices"))["properties"]!;
        var teams = Assert.Single(templates.ResourcesOf("bot", "Microsoft.BotService/botServices/channels"))["properties"]!;

        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)bot["msaAppId"]);
        Assert.Equal("[parameters('identityId')]", (string?)bot["msaAppMSIResourceId"]);
        Assert.Equal("[format('https://{0}/api/messages', reference('web').outputs.defaultHostName.value)]", (string?)templates.ModuleParameter("bot", "endpoint"));
        Assert.Equal("MsTeamsChannel", (string?)teams["channelName"]);
        Assert.True((bool)teams["properties"]!["isEnabled"]!);
    }

    [Fact]
    public void The_deployment_outputs_the_app_id_and_the_endpoint()
    {
        var outputs = templates.Compiled["outputs"]!;

        Assert.Equal("[reference('identity').outputs.clientId.value]", (string?)outputs["MICROSOFT_APP_ID"]!["value"]);
        Assert.Equal("[reference('bot').outputs.endpoint.value]", (string?)outputs["BOT_ENDPOINT"]!["value"]);
    }

    [Fact]
    public void A_parameter_the_templates_require_comes_from_the_azd_environment_and_the_deployment_steps_name_it()
    {
        var parameters = templates.Compiled["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepTemplates.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var deployment = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "deployment.md"));
        var azd = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "azure.yaml"));
        string[] askedByAzd = ["environmentName", "location"];

        var required = parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Except(askedByAzd).ToList();

        Assert.Contains("alertEmail", required);
        Assert.All(required, name =>
        {
            var variable = ((string?)file[name]?["value"])?.Trim('$', '{', '}');
            Assert.True(variable is not null, $"main.parameters.json does not map the required '{name}'");
            Assert.Contains($"azd env set {variable} ", readme, StringComparison.Ordinal);
            Assert.Contains($"azd env set {variable} ", deployment, StringComparison.Ordinal);
            Assert.Contains(variable, azd, StringComparison.Ordinal);
            Assert.Contains($"{name}=<", deployment, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_parameter_is_a_secret_and_the_parameters_file_only_names_environment_values()
    {
        var parameters = templates.Compiled["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepTemplates.Infra, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.DoesNotContain(parameters, p => ((string?)p.Value!["type"])!.StartsWith("secure", StringComparison.OrdinalIgnoreCase));
        Assert.All(file, p => Assert.Matches(@"^\$\{[A-Z_]+(=[A-Za-z0-9]+)?\}$", (string?)p.Value!["value"]));
        Assert.All(file, p => Assert.True(parameters.ContainsKey(p.Key), $"main.parameters.json sets '{p.Key}', which main.bicep does not declare"));
    }

    [Fact]
    public void Azd_deploys_the_bot_project_to_app_service_from_these_templates()
    {
        var azure = File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "azure.yaml")).Select(l => l.TrimEnd()).ToList();

        Assert.Contains("  path: infra", azure);
        Assert.Contains("  module: main", azure);
        var bot = azure.IndexOf("  bot:");
        Assert.True(bot > 0, "azure.yaml has no service 'bot'");
        Assert.Equal(["    project: ./HealthItPm.Bot", "    language: dotnet", "    host: appservice"], azure.Skip(bot + 1).Take(3));
        Assert.True(File.Exists(Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot", "HealthItPm.Bot.csproj")));
    }

    /// <summary>Setting names (with "__") the template gives the web app: single values and lists (NAME__0, NAME__1, ...).</summary>
    private HashSet<string> TemplateSettings() =>
        templates.ModuleParameter("web", "appSettings").AsObject().Select(s => s.Key)
            .Concat(templates.ModuleParameter("web", "appSettingLists").AsObject().Select(s => s.Key))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Every setting of every options type the real host validates (an <see cref="IValidateOptions{TOptions}"/>
    /// is registered for it), read from the host's own composition: "Section:Property", or the
    /// property alone for options bound at the root (the Bot Framework's MicrosoftApp* settings).
    /// </summary>
    private static List<string> ValidatedSettings()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        using var host = HealthItPmHost.Build(builder);
        var validated = builder.Services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct();

        return validated.SelectMany(type => Keys(type, type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string)).ToList();
    }

    // A setting that is itself a group of settings (a rate limit's burst and rate) is set key by key.
    private static IEnumerable<string> Keys(Type type, string? prefix) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true })
        .SelectMany(p =>
        {
            var key = prefix is null ? p.Name : $"{prefix}:{p.Name}";
            var group = p.PropertyType.IsClass && p.PropertyType != typeof(string) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType);
            return group ? Keys(p.PropertyType, key) : [key];
        });
}
