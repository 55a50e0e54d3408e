using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// Where the Bot Framework (4.23.1, its final release) gets the OpenID metadata and endorsements it checks a token
/// with: two private static caches of <see cref="JwtTokenExtractor"/>, one entry per metadata address, each filled on
/// first use with IdentityModel's <see cref="ConfigurationManager{T}"/> on the SDK's own static HttpClient (a 100 s
/// time-out, no way to pass another) — a manager that keeps its last configuration forever once refreshing fails.
/// No public API replaces these entries, so the bot puts its own there (<see cref="SignInMetadata"/> behind the same
/// type) before the first token is checked; everything else about the check stays the SDK's. The only reflection on
/// the SDK in the bot: a missing field stops the start-up with this class's message rather than leaving the SDK's
/// entries in place unnoticed.
/// </summary>
internal static class BotFrameworkMetadataCaches
{
    /// <summary>
    /// From now on, a token checked against <paramref name="address"/> is checked with the keys <paramref name="metadata"/> holds.
    /// </summary>
    public static void Install(string address, SignInMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Cache<OpenIdConnectConfiguration>("_openIdMetadataCache")[address] =
            new FromSignInMetadata<OpenIdConnectConfiguration>(address, metadata, keys => keys.Configuration);
        Cache<IDictionary<string, HashSet<string>>>("_endorsementsCache")[address] =
            new FromSignInMetadata<IDictionary<string, HashSet<string>>>(address, metadata, keys => keys.Endorsements);
    }

    private static ConcurrentDictionary<string, ConfigurationManager<T>> Cache<T>(string field)
        where T : class =>
        typeof(JwtTokenExtractor).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            as ConcurrentDictionary<string, ConfigurationManager<T>>
        ?? throw new InvalidOperationException(
            $"JwtTokenExtractor.{field} is not the cache of Microsoft.Bot.Connector 4.23.1: the sign-in metadata cannot be fetched " +
            "with the bot's time-out and bound. Check the Bot Framework version in build/BotFramework.props.");

    private sealed class FromSignInMetadata<T>(string address, SignInMetadata metadata, Func<SigningKeys, T> part)
        : ConfigurationManager<T>(address, new NoRetrieval<T>(), new NoRetrieval<T>())
        where T : class
    {
        public override async Task<T> GetConfigurationAsync(CancellationToken cancel) => part(await metadata.KeysAsync(MetadataAddress));

        public override void RequestRefresh() => metadata.Refresh(MetadataAddress);
    }

    /// <summary>
    /// What the base class would fetch with, were it to fetch: both ways into its own retrieval are overridden above,
    /// and should IdentityModel ever find a third, a check fails loudly instead of going around the bound.
    /// </summary>
    private sealed class NoRetrieval<T> : IConfigurationRetriever<T>, IDocumentRetriever
        where T : class
    {
        public Task<T> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel) =>
            throw new InvalidOperationException("The sign-in metadata is fetched by SignInMetadata only.");

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            throw new InvalidOperationException("The sign-in metadata is fetched by SignInMetadata only.");
    }
}
