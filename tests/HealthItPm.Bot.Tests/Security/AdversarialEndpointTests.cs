using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Azure;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The real <c>/api/messages</c> and <c>/healthz</c> driven as an attacker would: forged tokens signed
/// here against local OpenID metadata, bodies that never end, bursts, tenants that disagree, a
/// storage failure with details to leak, and a start-up that would expose an unauthenticated bot.
/// One case per finding of the security review (issue 12, findings 3, 4, 5, 7, 8, 9). None of these
/// needs storage: every request is refused before a turn would read or write anything.
/// </summary>
public sealed partial class AdversarialEndpointTests : IAsyncLifetime
{
    private const string AppId = "6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b";
    private const string ServiceUrl = "http://127.0.0.1:9/";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private LocalTokenIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalTokenIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    // Finding 3: memory before authentication.
    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-token")]
    public async Task Without_a_bearer_token_the_body_is_not_read(string? authorization)
    {
        await using var app = StandaloneHost("Production", "http://127.0.0.1:0", AuthenticatedSettings());
        await app.StartAsync();

        // A body that never ends: an endpoint that reads before it checks never answers.
        var status = await StatusForEndlessBodyAsync(new Uri(app.Urls.Single()), authorization, contentLength: null);

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    [Theory]
    [InlineData(27L * 1024 * 1024)]
    [InlineData(null)]
    public async Task A_body_over_256_KB_is_refused_413_without_reading_it_all(long? contentLength)
    {
        await using var app = StandaloneHost("Development", "http://127.0.0.1:0");
        await app.StartAsync();

        var status = await StatusForEndlessBodyAsync(new Uri(app.Urls.Single()), authorization: null, contentLength);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
    }

    // Finding 4: forged signed tokens answer 401 with one warning line, not 500 with a stack trace.
    public static TheoryData<string> Forgeries => ["alg none", "HS256 keyed with the public key", "RS256 with an unknown kid", "jku and x5u to the attacker's keys", "right kid, wrong key", "genuine, for another bot"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_answered_401_with_one_warning_and_no_token_in_the_log(string forgery)
    {
        var logs = new LogCapture();
        using var host = AuthenticatedHost(logs);
        var token = forgery switch
        {
            "alg none" => LocalTokenIssuer.AlgNone(AppId, ServiceUrl),
            "HS256 keyed with the public key" => _issuer.Hs256WithPublicKey(AppId, ServiceUrl),
            "RS256 with an unknown kid" => LocalTokenIssuer.UnknownKid(AppId, ServiceUrl),
            "jku and x5u to the attacker's keys" => _issuer.WithKeyUrls(AppId, ServiceUrl),
            "genuine, for another bot" => _issuer.ForAnotherBot(ServiceUrl),
            _ => LocalTokenIssuer.RightKidWrongKey(AppId, ServiceUrl),
        };

        var response = await PostAsync(host, Activity("somethingNew"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(logs.Entries, e => e.Category == "HealthItPm.Bot.Messages" && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.All.Contains(token.Split('.')[1], StringComparison.Ordinal));
        Assert.DoesNotContain(_issuer.AttackerKeysUrl[_issuer.BaseUrl.Length..], _issuer.RequestedPaths);
    }

    [Fact]
    public async Task The_genuine_token_from_the_same_metadata_is_accepted()
    {
        var logs = new LogCapture();
        using var host = AuthenticatedHost(logs);

        var response = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.OK, string.Join("\n", logs.Entries.Select(e => e.All)));
    }

    // Finding 5: rate limits, per address before authentication and per person after it.
    [Fact]
    public async Task A_burst_from_one_address_gets_429_with_retry_after_before_authentication()
    {
        using var host = AuthenticatedHost(new LogCapture(), new() { ["Messages:PerAddress:Burst"] = "3", ["Messages:PerAddress:PerSecond"] = "1" });

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await PostAsync(host, Activity("somethingNew"), token: null);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
    }

    [Fact]
    public async Task A_burst_from_one_person_gets_429_with_retry_after_and_others_still_get_through()
    {
        using var host = DevelopmentHost(new() { ["Messages:PerCaller:Burst"] = "2", ["Messages:PerCaller:PerSecond"] = "1" });

        var first = await PostAsync(host, Activity("somethingNew"), token: null);
        var second = await PostAsync(host, Activity("somethingNew"), token: null);
        var third = await PostAsync(host, Activity("somethingNew"), token: null);
        var invoke = await PostAsync(host, Activity(ActivityTypes.Invoke), token: null);
        var someoneElse = await PostAsync(host, Activity("somethingNew", from: TestActivities.Pm), token: null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
        Assert.Equal(HttpStatusCode.TooManyRequests, invoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    // Finding 7: /healthz answers status only.
    [Fact]
    public async Task Health_answers_status_only_and_keeps_storage_details_for_the_log()
    {
        var logs = new LogCapture();
        using var host = DevelopmentHost(logs: logs, services: s => s.AddHealthChecks().AddCheck("storage-key", () =>
            throw new RequestFailedException(403, "Server failed to authenticate the request. ErrorCode: AuthenticationFailed x-ms-request-id: 5f1c-secret-request", "AuthenticationFailed", null)));

        var response = await host.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("{\"status\":\"unhealthy\"}", body);
        Assert.Contains(logs.Entries, e => e.All.Contains("AuthenticationFailed", StringComparison.Ordinal));
    }

    // Finding 8: tenants that disagree.
    [Fact]
    public async Task Tenants_that_disagree_are_refused_even_when_both_are_allowed()
    {
        using var host = DevelopmentHost(new() { ["Tenants:AllowedTenantIds:1"] = TestActivities.OtherTenant });
        var activity = Activity(ActivityTypes.Invoke);
        activity.ChannelData = JObject.FromObject(new Microsoft.Bot.Schema.Teams.TeamsChannelData { Tenant = new Microsoft.Bot.Schema.Teams.TenantInfo(TestActivities.OtherTenant) });

        var response = await PostAsync(host, activity, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // Finding 9: no authentication means loopback only.
    [Theory]
    [InlineData("http://192.0.2.10:0")]
    [InlineData("http://127.0.0.1:0;http://192.0.2.10:0")]
    public async Task Without_authentication_the_bot_refuses_to_start_on_an_address_beyond_loopback(string urls)
    {
        await using var app = StandaloneHost(urls);

        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
        Assert.Contains("192.0.2.10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://[::1]:0")]
    public async Task Without_authentication_the_bot_starts_on_loopback(string urls)
    {
        await using var app = StandaloneHost(urls);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://bot.contoso-health.example:3978", false)]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("https://localhost:5001", true)]
    [InlineData("http://[::1]:3978", true)]
    public void Addresses_that_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackOnlyWithoutAuthentication.IsLoopback(address));

    private static Task<HttpResponseMessage> SendAsync(WebApplicationFactory<Program> host, HttpRequestMessage request) =>
        SendAsync(request, host.CreateClient());

    private static async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpClient? client = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var own = client is null ? new HttpClient() : null;
        try
        {
            return await (client ?? own!).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer within {Patience.TotalSeconds} s: the endpoint is reading a body it should have refused, "
                + "or waiting on a service that does not answer.");
            throw;
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(WebApplicationFactory<Program> host, Activity activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TestActivities.Json(activity), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(host, request);
    }

    private static Activity Activity(string type, ChannelAccount? from = null)
    {
        var activity = TestActivities.Base(type, ServiceUrl, "a:adversary-" + Guid.NewGuid().ToString("N"), TestActivities.Tenant, from: from);
        if (type == ActivityTypes.Invoke)
        {
            activity.Name = "adaptiveCard/action";
            activity.Value = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = "command.run", ["data"] = new JObject { ["command"] = "help" } } };
        }

        return activity;
    }

    private WebApplicationFactory<Program> AuthenticatedHost(
        LogCapture logs, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = AuthenticatedSettings();
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return Derived(new BotHost("UseDevelopmentStorage=true", all, "Production"), logs, services ?? (_ => { }));
    }

    private Dictionary<string, string?> AuthenticatedSettings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppPassword"] = "secret",
        ["Tenants:AllowedTenantIds:0"] = TestActivities.Tenant,
        ["ToBotFromChannelOpenIdMetadataUrl"] = _issuer.MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = LocalTokenIssuer.Issuer,
        ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
        ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
        ["OAuthUrl"] = "https://api.botframework.com",
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
        ["CallerId"] = "urn:botframework:azure",
        ["ValidateAuthority"] = "true",
        ["Scheduler:Enabled"] = "false",
    };

    private static WebApplicationFactory<Program> DevelopmentHost(Dictionary<string, string?>? settings = null, LogCapture? logs = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return Derived(new BotHost("UseDevelopmentStorage=true", all), logs ?? new LogCapture(), services ?? (_ => { }));
    }

    // The derived factory owns the base one and is disposed by the test.
    private static WebApplicationFactory<Program> Derived(BotHost host, LogCapture logs, Action<IServiceCollection> services) =>
        host.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information))
            .ConfigureTestServices(services));

    // The real composition (the one Program.cs runs), bound by Kestrel, with authentication off.
    private static WebApplication StandaloneHost(string urls) => StandaloneHost("Development", urls);

    private static WebApplication StandaloneHost(string environment, string urls, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "",
            ["Tenants:AllowedTenantIds:0"] = TestActivities.Tenant,
            ["Scheduler:Enabled"] = "false",
        });
        builder.Configuration["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        return HealthItPmHost.Build(builder);
    }

    /// <summary>
    /// Sends 320 KB of a body that never ends (declaring <paramref name="contentLength"/>, or chunked)
    /// over a raw loopback connection, and returns the status of whatever answer comes first.
    /// </summary>
    private static async Task<int> StatusForEndlessBodyAsync(Uri server, string? authorization, long? contentLength)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        var head = new StringBuilder($"POST /api/messages HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n");
        if (authorization is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }

        head.Append(contentLength is { } length ? $"Content-Length: {length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n" : "Transfer-Encoding: chunked\r\n\r\n");
        using var timeout = new CancellationTokenSource(Patience);
        var sending = Task.Run(async () =>
        {
            var chunk = Encoding.ASCII.GetBytes("{\"type\":\"message\",\"text\":\"" + new string('x', 64 * 1024));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), timeout.Token);
            for (var i = 0; i < 5; i++)
            {
                await stream.WriteAsync(contentLength is null ? [.. Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"), .. chunk, .. "\r\n"u8] : chunk, timeout.Token);
            }
        });

        var answer = new byte[64];
        var read = 0;
        try
        {
            while (read < 12)
            {
                var n = await stream.ReadAsync(answer.AsMemory(read), timeout.Token);
                Assert.True(n > 0, "The connection closed without an answer.");
                read += n;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No answer within {Patience.TotalSeconds} s: the endpoint is reading a body it should have refused.");
        }

        await Task.WhenAny(sending);
        // "HTTP/1.1 413 ..."
        return int.Parse(Encoding.ASCII.GetString(answer, 9, 3), CultureInfo.InvariantCulture);
    }
}
