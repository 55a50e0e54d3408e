using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HealthItPm.Bot.Hosting;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys (with each key's channel endorsements), fetched by the bot
/// itself for each metadata address the Bot Framework checks tokens against (<see cref="BotFrameworkMetadataCaches"/>
/// hands them to it). A fetch gives up after <see cref="SignInMetadataOptions.Timeout"/>; the last keys fetched are
/// used until <see cref="SignInMetadataOptions.RefreshAfter"/>, then fetched again in the background while they are
/// kept, at most until <see cref="SignInMetadataOptions.KeepLastGoodFor"/>. Without keys that young a check waits for
/// one fetch at most, and not at all while a fetch has just failed, before it fails with
/// <see cref="SignInMetadataUnavailableException"/> (the endpoint answers 503).
/// </summary>
internal sealed partial class SignInMetadata(
    IHttpClientFactory httpClients,
    IOptions<SignInMetadataOptions> options,
    TimeProvider time,
    ILogger<SignInMetadata> logger)
{
    public const string HttpClientName = "SignInMetadata";

    /// <summary>Metadata and keys are a few kilobytes; a larger answer is not read.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    // A failed fetch is not tried again for this long: meanwhile requests are answered at once (with the
    // last good keys, or 503) instead of each waiting out the time-out on an address that does not answer.
    private static readonly TimeSpan RetryFailedFetchAfter = TimeSpan.FromSeconds(10);

    private const string NotHttps = "not HTTPS";

    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    private SignInMetadataOptions Options => options.Value;

    /// <summary>The metadata addresses the Bot Framework reads with this configuration: the channel's and the emulator's.</summary>
    public static IReadOnlyList<string> AddressesIn(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var government = string.Equals(
            configuration["ChannelService"], GovernmentAuthenticationConstants.ChannelService, StringComparison.Ordinal);
        return
        [
            Configured(configuration, "ToBotFromChannelOpenIdMetadataUrl") ?? (government
                ? GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl
                : AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl),
            Configured(configuration, "ToBotFromEmulatorOpenIdMetadataUrl") ?? (government
                ? GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl
                : AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl),
        ];
    }

    /// <summary>Keys young enough to check a token with: fetched now if need be (within the time-out), else the last good ones.</summary>
    public async Task<SigningKeys> KeysAsync(string address)
    {
        var source = _sources.GetOrAdd(address, a => new Source(a));
        var now = time.GetUtcNow();
        var lastGood = source.LastGood;
        if (lastGood is not null && now - lastGood.FetchedAt < Options.RefreshAfter)
        {
            return lastGood;
        }

        var fetching = FetchUnlessJustFailed(source, now);
        if (lastGood is not null && now - lastGood.FetchedAt < Options.KeepLastGoodFor)
        {
            return lastGood;
        }

        return (fetching is null ? null : await fetching)
            ?? throw new SignInMetadataUnavailableException(Problem(source, lastGood));
    }

    /// <summary>Fetches again in the background (unless a fetch is under way or has just failed).</summary>
    public void Refresh(string address) =>
        _ = FetchUnlessJustFailed(_sources.GetOrAdd(address, a => new Source(a)), time.GetUtcNow());

    /// <summary>HTTPS, or plain HTTP to this machine (a token service on loopback): keys never cross a network in clear.</summary>
    public static bool MayFetchFrom(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback);
    }

    private static string? Configured(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : null;

    private Task<SigningKeys?>? FetchUnlessJustFailed(Source source, DateTimeOffset now)
    {
        lock (source.Gate)
        {
            if (source.Fetching is { } running)
            {
                return running;
            }

            if (now < source.RetryAt)
            {
                return null;
            }

            // On the thread pool: a request that finds its keys still young returns without waiting for it.
            return source.Fetching = Task.Run(() => FetchAsync(source));
        }
    }

    private async Task<SigningKeys?> FetchAsync(Source source)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Options.Timeout);
            var documents = new Documents(httpClients);
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(source.Address, documents, timeout.Token);

            // The endorsements are read from the key set just fetched, by the Bot Framework's own reader.
            IDictionary<string, HashSet<string>> endorsements = string.IsNullOrEmpty(configuration.JwksUri)
                ? new Dictionary<string, HashSet<string>>()
                : await new EndorsementsRetriever(documents.Client).GetConfigurationAsync(configuration.JwksUri, documents, timeout.Token);

            var keys = new SigningKeys(configuration, endorsements, time.GetUtcNow());
            Fetched(source, keys);
            return keys;
        }
        // Whatever stops a fetch (network, time-out, a document that does not parse) is a failed fetch: the last good keys stay.
        catch (Exception e)
        {
            Failed(source, Reason(e));
            return null;
        }
        finally
        {
            lock (source.Gate)
            {
                source.Fetching = null;
            }
        }
    }

    private void Fetched(Source source, SigningKeys keys)
    {
        bool recovered;
        lock (source.Gate)
        {
            source.LastGood = keys;
            recovered = source.Failure is not null;
            source.Failure = null;
            source.RetryAt = DateTimeOffset.MinValue;
        }

        if (recovered)
        {
            LogFetchedAgain(logger, source.Address);
        }
    }

    private void Failed(Source source, string reason)
    {
        SigningKeys? kept;
        bool firstFailure;
        lock (source.Gate)
        {
            firstFailure = source.Failure is null;
            source.Failure = reason;
            source.RetryAt = time.GetUtcNow() + RetryFailedFetchAfter;
            kept = source.LastGood;
        }

        // Once per outage, and only while keys are kept: without them every request is refused and the endpoint logs each.
        if (firstFailure && kept is not null)
        {
            LogKeepingLastGood(logger, source.Address, reason, kept.FetchedAt, kept.FetchedAt + Options.KeepLastGoodFor);
        }
    }

    private string Problem(Source source, SigningKeys? lastGood)
    {
        var failure = source.Failure ?? "not fetched yet";
        return lastGood is null
            ? $"{failure} ({source.Address})"
            : $"{failure}; the keys fetched at {lastGood.FetchedAt:u} are older than {Options.KeepLastGoodFor} ({source.Address})";
    }

    private string Reason(Exception e)
    {
        var chain = new List<Exception>();
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            chain.Add(inner);
        }

        if (chain.Any(inner => inner is OperationCanceledException))
        {
            return $"no answer within {Options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s";
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault(inner => inner.StatusCode is not null) is { StatusCode: { } status })
        {
            return $"HTTP {(int)status}";
        }

        return chain[^1] switch
        {
            SocketException socket => $"{nameof(SocketException)} ({socket.SocketErrorCode})",
            InvalidOperationException { Message: NotHttps } => NotHttps,
            var innermost => innermost.GetType().Name,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not refresh the sign-in metadata at {Address} ({Reason}); "
            + "the signing keys fetched at {FetchedAt} are used until {Until}")]
    private static partial void LogKeepingLastGood(
        ILogger logger, string address, string reason, DateTimeOffset fetchedAt, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched the sign-in metadata at {Address} again")]
    private static partial void LogFetchedAgain(ILogger logger, string address);

    private sealed class Source(string address)
    {
        public string Address { get; } = address;

        public Lock Gate { get; } = new();

        public SigningKeys? LastGood { get; set; }

        public Task<SigningKeys?>? Fetching { get; set; }

        public DateTimeOffset RetryAt { get; set; } = DateTimeOffset.MinValue;

        /// <summary>Why the last fetch failed, while no fetch has succeeded since.</summary>
        public string? Failure { get; set; }
    }

    /// <summary>The documents of one fetch, each read once: the metadata, then the key set it names.</summary>
    private sealed class Documents(IHttpClientFactory httpClients) : IDocumentRetriever
    {
        private readonly Dictionary<string, string> _read = new(StringComparer.Ordinal);

        public HttpClient Client { get; } = httpClients.CreateClient(HttpClientName);

        public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (_read.TryGetValue(address, out var known))
            {
                return known;
            }

            var uri = new Uri(address, UriKind.Absolute);
            if (!MayFetchFrom(uri))
            {
                throw new InvalidOperationException(NotHttps);
            }

            using var response = await Client.GetAsync(uri, cancel);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    HttpRequestError.Unknown, $"HTTP {(int)response.StatusCode}", statusCode: response.StatusCode);
            }

            var document = await response.Content.ReadAsStringAsync(cancel);
            _read[address] = document;
            return document;
        }
    }
}

/// <summary>What a token is checked with: the metadata with its signing keys, and each key's endorsements (channel ids).</summary>
internal sealed record SigningKeys(
    OpenIdConnectConfiguration Configuration,
    IDictionary<string, HashSet<string>> Endorsements,
    DateTimeOffset FetchedAt);
