namespace HealthItPm.Bot.Hosting;

/// <summary>
/// The standard Bot Framework settings, read from the configuration root under the names Azure Bot
/// Service and App Service use, so that a deployment needs no renaming.
/// </summary>
public sealed class BotAuthenticationOptions
{
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool AuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
