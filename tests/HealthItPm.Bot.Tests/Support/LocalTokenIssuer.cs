using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// A Bot Connector token service on loopback: OpenID metadata and signing keys, and tokens signed
/// here — valid ones, and the forgeries an attacker would try. Point the bot at it with
/// <c>ToBotFromChannelOpenIdMetadataUrl</c> = <see cref="MetadataUrl"/> and
/// <c>ToBotFromChannelTokenIssuer</c> = <see cref="Issuer"/>.
/// </summary>
public sealed class LocalTokenIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "local-signing-key";

    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] AuthMethods = ["private_key_jwt"];
    private static readonly string[] Endorsements = ["msteams"];

    private static readonly HttpClient Http = new();

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentQueue<string> _requests = new();

    private LocalTokenIssuer(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public const string MetadataPath = "/v1/.well-known/openidconfiguration";

    public string MetadataUrl => BaseUrl + MetadataPath;

    /// <summary>Where a forged token's <c>jku</c>/<c>x5u</c> points: the bot must never fetch it.</summary>
    public string AttackerKeysUrl => BaseUrl + "/attacker/keys";

    public IReadOnlyList<string> RequestedPaths => [.. _requests];

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        var port = ChildProcess.FreeTcpPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new LocalTokenIssuer(app, port);
        app.Run(issuer.HandleAsync);
        await app.StartAsync();
        issuer.AllowMetadataOverLoopbackHttp();
        return issuer;
    }

    /// <summary>A token the Bot Connector would send: RS256, the published key, the bot's app id as audience.</summary>
    public string Valid(string appId, string serviceUrl) => SignRs256(new { alg = "RS256", typ = "JWT", kid = KeyId }, Claims(appId, serviceUrl), _key);

    /// <summary>Signed with the published key, but for another bot: a token replayed from elsewhere.</summary>
    public string ForAnotherBot(string serviceUrl) => Valid("0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", serviceUrl);

    public static string AlgNone(string appId, string serviceUrl) =>
        $"{Segment(new { alg = "none", typ = "JWT" })}.{Segment(Claims(appId, serviceUrl))}.";

    /// <summary>HS256 keyed with the published public key: the classic algorithm-confusion forgery.</summary>
    public string Hs256WithPublicKey(string appId, string serviceUrl)
    {
        var input = $"{Segment(new { alg = "HS256", typ = "JWT", kid = KeyId })}.{Segment(Claims(appId, serviceUrl))}";
        var signature = HMACSHA256.HashData(_key.ExportSubjectPublicKeyInfo(), Encoding.ASCII.GetBytes(input));
        return input + "." + Base64Url(signature);
    }

    public static string UnknownKid(string appId, string serviceUrl)
    {
        using var other = RSA.Create(2048);
        return SignRs256(new { alg = "RS256", typ = "JWT", kid = "kid-nobody-published" }, Claims(appId, serviceUrl), other);
    }

    public string WithKeyUrls(string appId, string serviceUrl)
    {
        using var other = RSA.Create(2048);
        return SignRs256(new { alg = "RS256", typ = "JWT", kid = "attacker-key", jku = AttackerKeysUrl, x5u = AttackerKeysUrl }, Claims(appId, serviceUrl), other);
    }

    public static string RightKidWrongKey(string appId, string serviceUrl)
    {
        using var other = RSA.Create(2048);
        return SignRs256(new { alg = "RS256", typ = "JWT", kid = KeyId }, Claims(appId, serviceUrl), other);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private static Dictionary<string, object> Claims(string appId, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new() { ["iss"] = Issuer, ["aud"] = appId, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 3600 };
    }

    private static string SignRs256(object header, object claims, RSA key)
    {
        var input = $"{Segment(header)}.{Segment(claims)}";
        return input + "." + Base64Url(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    private static string Segment(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    // Left to itself, the Bot Framework reads OpenID metadata through IdentityModel's HttpDocumentRetriever,
    // which insists on HTTPS, and keeps one ConfigurationManager per metadata URL in a private static cache
    // of JwtTokenExtractor (4.23.1, the final release). The bot replaces that entry with its own retrieval
    // (SignInMetadata, which accepts HTTP on loopback) when an authenticated host starts; seeding the SDK's
    // own entry first, as it would be with loopback HTTP allowed, keeps what a test asserts about the
    // retrieval from passing on the SDK's behaviour alone: without the bot's, this entry is the one used.
    private void AllowMetadataOverLoopbackHttp() => AllowMetadataOverLoopbackHttp(MetadataUrl);

    /// <summary>
    /// The same for any loopback metadata address: one that refuses connections, or never answers, to stand for
    /// metadata that cannot be reached.
    /// </summary>
    public static void AllowMetadataOverLoopbackHttp(string metadataUrl)
    {
        var cache = (ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>>)typeof(JwtTokenExtractor)
            .GetField("_openIdMetadataCache", BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        cache[metadataUrl] = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(Http) { RequireHttps = false });
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        _requests.Enqueue(path);
        context.Response.ContentType = "application/json";
        if (path == MetadataPath)
        {
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = BaseUrl + "/v1/authorize",
                ["jwks_uri"] = BaseUrl + "/v1/keys",
                ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
                ["token_endpoint_auth_methods_supported"] = AuthMethods,
            }));
            return;
        }

        if (path == "/v1/keys")
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            await context.Response.WriteAsync(JsonSerializer.Serialize(new
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
            }));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
