using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The bot's own retrieval of the sign-in metadata, on a fake clock against a scripted metadata service: fetched
/// once, refreshed in the background, the last good keys kept for a bounded time, failures not retried at once,
/// and keys never read in clear over a network.
/// </summary>
public sealed class SignInMetadataTests : IDisposable
{
    private const string Address = "https://login.example/v1/.well-known/openidconfiguration";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly MetadataService _service = new();
    private readonly LogCapture _logs = new();
    private readonly SignInMetadataOptions _options = new();
    private readonly ILoggerFactory _loggers;

    public SignInMetadataTests() => _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));

    public void Dispose()
    {
        _loggers.Dispose();
        _service.Dispose();
    }

    [Fact]
    public async Task Keys_are_fetched_once_with_their_endorsements_and_used_until_they_are_due_for_refresh()
    {
        var metadata = Metadata();

        var first = await metadata.KeysAsync(Address);
        _clock.Advance(_options.RefreshAfter - TimeSpan.FromSeconds(1));
        var later = await metadata.KeysAsync(Address);

        Assert.Same(first, later);
        Assert.Equal(2, _service.Requests);
        Assert.Equal(MetadataService.KeyId, Assert.Single(first.Configuration.SigningKeys).KeyId);
        Assert.Contains("msteams", first.Endorsements[MetadataService.KeyId]);
    }

    [Fact]
    public async Task Keys_due_for_refresh_are_answered_at_once_while_the_refresh_waits_for_an_answer()
    {
        var metadata = Metadata();
        var fetched = await metadata.KeysAsync(Address);
        _service.Silent = true;
        _clock.Advance(_options.RefreshAfter);

        var due = metadata.KeysAsync(Address);

        Assert.True(due.IsCompletedSuccessfully, "A check waited for a refresh while it had keys young enough.");
        Assert.Same(fetched, await due);
        await UntilAsync(() => _service.Requests == 3);
    }

    [Fact]
    public async Task When_refreshing_fails_the_last_good_keys_are_kept_until_the_bound_and_not_after()
    {
        var metadata = Metadata();
        var fetched = await metadata.KeysAsync(Address);
        _service.Status = HttpStatusCode.ServiceUnavailable;

        _clock.Advance(_options.RefreshAfter);
        var due = await metadata.KeysAsync(Address);
        await UntilAsync(() => _logs.Entries.Any(e => e.Level == LogLevel.Warning));
        _clock.Advance(_options.KeepLastGoodFor - _options.RefreshAfter - TimeSpan.FromSeconds(1));
        var last = await metadata.KeysAsync(Address);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => metadata.KeysAsync(Address));

        Assert.Same(fetched, due);
        Assert.Same(fetched, last);
        Assert.StartsWith(
            "HTTP 503; the keys fetched at 2026-12-07 09:00:00Z are older than 1.00:00:00", expired.Reason, StringComparison.Ordinal);
        var warning = Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("(HTTP 503); the signing keys fetched at", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_fetch_is_not_tried_again_for_ten_seconds_and_a_later_one_is_used()
    {
        var metadata = Metadata();
        _service.Status = HttpStatusCode.NotFound;

        var failed = await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => metadata.KeysAsync(Address));
        var refusedAtOnce = metadata.KeysAsync(Address);
        _service.Status = HttpStatusCode.OK;
        _clock.Advance(TimeSpan.FromSeconds(9));
        await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => metadata.KeysAsync(Address));
        var requestsMeanwhile = _service.Requests;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var keys = await metadata.KeysAsync(Address);

        Assert.Equal($"HTTP 404 ({Address})", failed.Reason);
        Assert.True(refusedAtOnce.IsFaulted, "A check waited on an address that had just failed.");
        await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => refusedAtOnce);
        Assert.Equal(1, requestsMeanwhile);
        Assert.Equal(MetadataService.KeyId, Assert.Single(keys.Configuration.SigningKeys).KeyId);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Checks_that_arrive_together_share_one_fetch()
    {
        var metadata = Metadata();
        _service.Held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var checks = Enumerable.Range(0, 20).Select(_ => metadata.KeysAsync(Address)).ToList();
        _service.Held.SetResult();
        var keys = await Task.WhenAll(checks);

        Assert.All(keys, k => Assert.Same(keys[0], k));
        Assert.Equal(2, _service.Requests);
    }

    [Fact]
    public async Task A_fetch_with_no_answer_gives_up_after_the_time_out()
    {
        _options.Timeout = TimeSpan.FromSeconds(1);
        var metadata = Metadata();
        _service.Silent = true;
        var started = Stopwatch.StartNew();

        var failed = await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => metadata.KeysAsync(Address));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed.TotalSeconds:0.0} s");
        Assert.StartsWith("no answer within 1 s", failed.Reason, StringComparison.Ordinal);
    }

    // The one reflection on the Bot Framework: its token check reads the metadata the bot installed for an address.
    [Fact]
    public async Task The_Bot_Framework_checks_a_token_with_the_keys_the_bot_fetched_for_the_address()
    {
        var address = $"https://login.example/{Guid.NewGuid():N}/v1/.well-known/openidconfiguration";
        BotFrameworkMetadataCaches.Install(address, Metadata());
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = MetadataService.Issuer,
            ValidateAudience = false,
            ValidateLifetime = true,
        };
        // The client the SDK would fetch with, were the entry its own.
        using var sdkClient = new HttpClient();
        var extractor = new JwtTokenExtractor(sdkClient, parameters, address, AuthenticationConstants.AllowedSigningAlgorithms);

        var identity = await extractor.GetIdentityAsync("Bearer " + _service.Token(), "msteams");
        _service.Status = HttpStatusCode.ServiceUnavailable;
        var elsewhere = address.Replace("/v1/", "/v2/", StringComparison.Ordinal);
        BotFrameworkMetadataCaches.Install(elsewhere, Metadata());
        var unavailable = new JwtTokenExtractor(sdkClient, parameters, elsewhere, AuthenticationConstants.AllowedSigningAlgorithms);
        var failed = await Assert.ThrowsAsync<SignInMetadataUnavailableException>(
            () => unavailable.GetIdentityAsync("Bearer " + _service.Token(), "msteams"));

        Assert.True(identity.IsAuthenticated);
        Assert.Equal(3, _service.Requests);
        Assert.StartsWith("HTTP 503", failed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://127.0.0.1:5001/v1/.well-known/openidconfiguration", true)]
    [InlineData("http://localhost:5001/keys", true)]
    [InlineData("http://[::1]:5001/keys", true)]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration", false)]
    [InlineData("http://10.0.0.5/v1/keys", false)]
    [InlineData("ftp://127.0.0.1/keys", false)]
    public void Keys_are_read_over_HTTPS_or_on_loopback_only(string address, bool allowed) =>
        Assert.Equal(allowed, SignInMetadata.MayFetchFrom(new Uri(address)));

    [Theory]
    [InlineData("http://login.example/v1/.well-known/openidconfiguration", 0)]
    [InlineData(Address, 1)]
    public async Task Metadata_or_keys_offered_in_clear_over_a_network_are_not_read(string address, int requests)
    {
        // The second case: metadata over HTTPS that names a key set over plain HTTP.
        _service.KeysAddress = "http://login.example/v1/keys";
        var metadata = Metadata();

        var failed = await Assert.ThrowsAsync<SignInMetadataUnavailableException>(() => metadata.KeysAsync(address));

        Assert.StartsWith("not HTTPS", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(requests, _service.Requests);
    }

    public static TheoryData<string, string, string, string> InvalidOptions => new()
    {
        { "00:00:00.500", "12:00:00", "1.00:00:00", "SignInMetadata:Timeout must be between" },
        { "00:01:00", "12:00:00", "1.00:00:00", "SignInMetadata:Timeout must be between" },
        { "00:00:05", "00:00:30", "1.00:00:00", "SignInMetadata:RefreshAfter must be at least" },
        { "00:00:05", "12:00:00", "06:00:00", "SignInMetadata:KeepLastGoodFor must be at least SignInMetadata:RefreshAfter" },
        { "00:00:05", "12:00:00", "30.00:00:00", "and at most 5.00:00:00" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Settings_that_would_wait_too_long_or_trust_old_keys_too_long_are_refused(
        string timeout, string refreshAfter, string keepLastGoodFor, string expected)
    {
        var options = new SignInMetadataOptions
        {
            Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture),
            RefreshAfter = TimeSpan.Parse(refreshAfter, System.Globalization.CultureInfo.InvariantCulture),
            KeepLastGoodFor = TimeSpan.Parse(keepLastGoodFor, System.Globalization.CultureInfo.InvariantCulture),
        };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains(expected, StringComparison.Ordinal));
        var defaults = new SignInMetadataOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), [], validateAllProperties: true));
    }

    public static TheoryData<Dictionary<string, string?>, string[]> Configurations => new()
    {
        { new(), [AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl] },
        {
            new() { ["ChannelService"] = GovernmentAuthenticationConstants.ChannelService },
            [
                GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
                GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
            ]
        },
        {
            new()
            {
                ["ToBotFromChannelOpenIdMetadataUrl"] = "https://login.example/channel",
                ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.example/emulator",
            },
            ["https://login.example/channel", "https://login.example/emulator"]
        },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void The_addresses_fetched_are_the_ones_the_Bot_Framework_reads_for_the_configuration(
        Dictionary<string, string?> settings, string[] expected) =>
        Assert.Equal(expected, SignInMetadata.AddressesIn(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

    private SignInMetadata Metadata()
    {
        var clients = new Mock<IHttpClientFactory>();
        clients.Setup(f => f.CreateClient(SignInMetadata.HttpClientName)).Returns(() => new HttpClient(_service, disposeHandler: false));
        return new SignInMetadata(clients.Object, Options.Create(_options), _clock, _loggers.CreateLogger<SignInMetadata>());
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(15), "The condition did not come about within 15 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>The metadata document and its key set, as the Bot Connector's sign-in service serves them, or not.</summary>
    private sealed class MetadataService : HttpMessageHandler
    {
        public const string KeyId = "key-1";
        public const string Issuer = "https://api.botframework.com";

        private static readonly string[] Algorithms = ["RS256"];
        private static readonly string[] Endorsements = ["msteams"];

        private readonly RSA _key = RSA.Create(2048);
        private int _requests;

        public int Requests => _requests;

        public string KeysAddress { get; set; } = "https://login.example/v1/keys";

        public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

        /// <summary>Accepts the request and never answers.</summary>
        public bool Silent { get; set; }

        /// <summary>Answers once this completes.</summary>
        public TaskCompletionSource? Held { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (Held is { } held)
            {
                await held.Task.WaitAsync(cancellationToken);
            }

            if (Status != HttpStatusCode.OK)
            {
                return new HttpResponseMessage(Status);
            }

            var body = request.RequestUri!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal) ? Keys() : Document();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        /// <summary>A token the Bot Connector would send, signed with the published key.</summary>
        public string Token()
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
            var claims = Base64Url(JsonSerializer.SerializeToUtf8Bytes(
                new { iss = Issuer, aud = "bot", nbf = now - 60, exp = now + 3600 }));
            var signature = _key.SignData(
                Encoding.ASCII.GetBytes($"{header}.{claims}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return $"{header}.{claims}.{Base64Url(signature)}";
        }

        protected override void Dispose(bool disposing)
        {
            _key.Dispose();
            base.Dispose(disposing);
        }

        private string Document() => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = KeysAddress,
            ["id_token_signing_alg_values_supported"] = Algorithms,
        });

        private string Keys()
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            return JsonSerializer.Serialize(new
            {
                keys = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["kty"] = "RSA",
                        ["use"] = "sig",
                        ["kid"] = KeyId,
                        ["n"] = Base64Url(parameters.Modulus!),
                        ["e"] = Base64Url(parameters.Exponent!),
                        ["endorsements"] = Endorsements,
                    },
                },
            });
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
