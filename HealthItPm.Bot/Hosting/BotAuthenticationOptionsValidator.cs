using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Refuses a configuration that would silently weaken authentication: an empty app id (which turns
/// Bot Framework authentication off) outside Development, and an app type the Bot Framework would
/// quietly treat as multi-tenant.
/// </summary>
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment)
    : IValidateOptions<BotAuthenticationOptions>
{
    private static readonly string[] KnownAppTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var failures = new List<string>();
        var appType = options.MicrosoftAppType?.Trim();

        if (!string.IsNullOrEmpty(appType) && !KnownAppTypes.Contains(appType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType '{appType}' is not recognised; use one of {string.Join(", ", KnownAppTypes)}.");
        }

        if (options.AuthenticationDisabled)
        {
            if (!environment.IsDevelopment())
            {
                failures.Add(
                    "MicrosoftAppId is empty, which turns Bot Framework authentication off; that is allowed only when " +
                    "ASPNETCORE_ENVIRONMENT is Development. Set MicrosoftAppId to the Azure Bot's app id.");
            }

            return Result(failures);
        }

        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the Azure Bot's app id, a GUID.");
        }

        if (string.IsNullOrEmpty(appType))
        {
            failures.Add("MicrosoftAppType is required when MicrosoftAppId is set; use MultiTenant, SingleTenant or UserAssignedMSI.");
        }

        var isManagedIdentity = string.Equals(appType, "UserAssignedMSI", StringComparison.OrdinalIgnoreCase);
        if (!isManagedIdentity && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword is required for a MultiTenant or SingleTenant bot.");
        }

        var needsTenant = isManagedIdentity || string.Equals(appType, "SingleTenant", StringComparison.OrdinalIgnoreCase);
        if (needsTenant && !Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add($"MicrosoftAppTenantId must be the tenant's id (a GUID) for a {appType} bot.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
