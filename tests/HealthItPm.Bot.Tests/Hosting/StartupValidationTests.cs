using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Tests.Hosting;

/// <summary>Invalid configuration stops the host at start-up with a message that names the setting.</summary>
public class StartupValidationTests
{
    // Start-up validation fails before storage is touched, so no Azurite is needed here.
    private const string Storage = "UseDevelopmentStorage=true";
    private const string AppId = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    private const string TenantId = "4d6f8a3c-1b2e-4c5d-9e7f-0a1b2c3d4e5f";

    public static TheoryData<string, Dictionary<string, string?>, string> InvalidSettings => new()
    {
        { "Production", new() { ["MicrosoftAppId"] = "" }, "MicrosoftAppId is empty" },
        { "Development", new() { ["MicrosoftAppType"] = "MultiTennant" }, "MicrosoftAppType 'MultiTennant' is not recognised" },
        { "Production", new() { ["MicrosoftAppId"] = "not-a-guid", ["MicrosoftAppPassword"] = "secret" }, "MicrosoftAppId must be" },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "", ["MicrosoftAppPassword"] = "secret" }, "MicrosoftAppType is required" },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppPassword"] = "" }, "MicrosoftAppPassword is required" },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppPassword"] = "secret" }, "MicrosoftAppTenantId must be" },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = "contoso" }, "MicrosoftAppTenantId must be" },
        { "Development", new() { ["Storage:ConnectionString"] = "" }, "Storage:ConnectionString is required" },
        { "Development", new() { ["Storage:ConnectionString"] = "this is not a connection string" }, "Storage:ConnectionString is not an Azure Storage connection string" },
        { "Development", new() { ["Tenants:AllowedTenantIds:0"] = "contoso.onmicrosoft.com" }, "Tenants:AllowedTenantIds contains 'contoso.onmicrosoft.com'" },
        { "Development", new() { ["Storage:AccountName"] = "Contoso_Health", ["Storage:ManagedIdentityClientId"] = AppId }, "Storage:AccountName 'Contoso_Health' is not a storage account name" },
        { "Development", new() { ["Storage:AccountName"] = "sthealthitpm" }, "Storage:ManagedIdentityClientId must be the client id" },
        { "Development", new() { ["Storage:AccountName"] = "sthealthitpm", ["Storage:ManagedIdentityClientId"] = AppId, ["Storage:EndpointSuffix"] = "https://core.windows.net/" }, "Storage:EndpointSuffix 'https://core.windows.net/' is not a DNS suffix" },
        { "Development", new() { ["Hospital:Currency"] = "dollars" }, "Hospital:Currency is 'dollars'; use an ISO 4217 code" },
        { "Development", new() { ["Access:BudgetViewerRoles:0"] = "Nurse" }, "Access:BudgetViewerRoles contains 'Nurse'" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task The_host_refuses_to_start_and_names_the_setting(string environment, Dictionary<string, string?> settings, string expected)
    {
        await using var host = Host(environment, WithTenant(settings));

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_allowed_tenants_refuses_to_start()
    {
        await using var host = Host("Production", new Dictionary<string, string?> { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" });

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Tenants:AllowedTenantIds must name at least one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_id_that_is_not_an_object_id_refuses_to_start()
    {
        await using var host = Host("Development", WithTenant(new() { ["Access:AdminIds:0"] = "priya@contoso-health.example" }));

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Access:AdminIds contains 'priya@contoso-health.example'", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Dictionary<string, string?>> ValidSettings => new()
    {
        { "Development", new() { ["MicrosoftAppId"] = "", ["MicrosoftAppType"] = "" } },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "multitenant", ["MicrosoftAppPassword"] = "secret" } },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppPassword"] = "secret", ["MicrosoftAppTenantId"] = TenantId } },
        { "Production", new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = TenantId } },
    };

    [Theory]
    [MemberData(nameof(ValidSettings))]
    public async Task Valid_settings_start_the_host(string environment, Dictionary<string, string?> settings)
    {
        await using var host = Host(environment, WithTenant(settings));

        await host.StartAsync();
        await host.StopAsync();
    }

    // The real composition (the one Program.cs runs) on a loopback port of its own.
    private static WebApplication Host(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Storage:ConnectionString"] = settings.GetValueOrDefault("Storage:ConnectionString", Storage) });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return HealthItPmHost.Build(builder);
    }

    private static Dictionary<string, string?> WithTenant(Dictionary<string, string?> settings) =>
        new(settings) { ["Tenants:AllowedTenantIds:0"] = settings.GetValueOrDefault("Tenants:AllowedTenantIds:0", TenantId) };
}

/// <summary>
/// A storage account reached as the bot's managed identity (what infra/main.bicep deploys: shared
/// keys off). Checked without a host: a started host would call Azure, and tests call only loopback.
/// </summary>
public class ManagedIdentityStorageTests
{
    private static StorageOptions Options(string? accountName) => new()
    {
        AccountName = accountName,
        ManagedIdentityClientId = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b",
        ConnectionString = "",
    };

    [Fact]
    public void An_account_name_means_the_managed_identity_and_the_connection_string_is_not_needed()
    {
        var options = Options("sthealthitpm");

        Assert.True(options.UsesManagedIdentity);
        Assert.Empty(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Equal(new Uri("https://sthealthitpm.table.core.windows.net"), options.ServiceUri("table"));
        Assert.Equal(new Uri("https://sthealthitpm.queue.core.windows.net"), options.ServiceUri("queue"));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(options.ManagedIdentity());
    }

    [Fact]
    public void A_sovereign_cloud_has_its_own_suffix()
    {
        var options = Options("sthealthitpm");
        options.EndpointSuffix = "core.usgovcloudapi.net";

        Assert.Equal(new Uri("https://sthealthitpm.table.core.usgovcloudapi.net"), options.ServiceUri("table"));
    }

    [Fact]
    public void Without_an_account_name_the_connection_string_is_required()
    {
        var options = Options(null);

        Assert.False(options.UsesManagedIdentity);
        var error = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Contains("Storage:ConnectionString is required", error.ErrorMessage, StringComparison.Ordinal);
    }
}
