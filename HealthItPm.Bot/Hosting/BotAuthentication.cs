using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace HealthItPm.Bot.Hosting;

/// <summary>How a Bot Connector token is checked: by the Bot Framework, with sign-in metadata the bot fetches itself.</summary>
public static class BotAuthentication
{
    public static IServiceCollection AddHealthItPmBotAuthentication(this IServiceCollection services)
    {
        services.AddOptions<SignInMetadataOptions>()
            .BindConfiguration(SignInMetadataOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient(SignInMetadata.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<SignInMetadataOptions>>().Value.Timeout;
                client.MaxResponseContentBufferSize = SignInMetadata.MaxDocumentBytes;
            })
            .RemoveAllLoggers();
        services.AddSingleton<SignInMetadata>();
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            // Validated first: whoever resolves the adapter early gets our message naming the setting, not the SDK's.
            var authentication = sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
            var configuration = sp.GetRequiredService<IConfiguration>();
            if (!authentication.AuthenticationDisabled)
            {
                var metadata = sp.GetRequiredService<SignInMetadata>();
                foreach (var address in SignInMetadata.AddressesIn(configuration))
                {
                    BotFrameworkMetadataCaches.Install(address, metadata);
                }
            }

            return new DeferredUserTokens(new ConfigurationBotFrameworkAuthentication(
                configuration,
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        });
        return services;
    }
}
