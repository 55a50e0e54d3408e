using System.Diagnostics;
using System.Net;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// Issue 12, finding 7, to its end: sign-in metadata that accepts connections and never answers, and metadata that
/// stops answering after it was fetched. The bot fetches it itself (<see cref="SignInMetadata"/>), gives up within
/// seconds, and keeps the last good keys for a bounded time.
/// </summary>
public sealed partial class AdversarialEndpointTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_metadata_address_that_never_answers_is_given_up_within_seconds_and_a_token_answered_503_with_one_warning()
    {
        // Accepts every connection and never passes a byte on: a black-holed metadata endpoint.
        await using var blackHole = new PausableProxy(new Uri(_issuer.BaseUrl).Port);
        blackHole.Pause();
        var address = $"http://127.0.0.1:{blackHole.Port}{LocalTokenIssuer.MetadataPath}";
        LocalTokenIssuer.AllowMetadataOverLoopbackHttp(address);
        var logs = new LogCapture();
        using var host = AuthenticatedHost(logs, new() { ["ToBotFromChannelOpenIdMetadataUrl"] = address });
        var started = Stopwatch.StartNew();

        var genuine = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));
        var forged = await PostAsync(host, Activity("somethingNew"), LocalTokenIssuer.UnknownKid(AppId, ServiceUrl));

        Assert.True(started.Elapsed < Generous, $"took {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(genuine.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)genuine.StatusCode}\n{Logged(logs)}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, forged.StatusCode);
        Assert.True(genuine.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
        var refusals = RequestWarnings(logs);
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e =>
            Assert.Contains("with 503: sign-in metadata unavailable: no answer within 5 s", e.Message, StringComparison.Ordinal));
        AssertNoErrorOrStackTrace(logs);
    }

    [Fact]
    public async Task While_the_metadata_stops_answering_the_last_good_keys_check_tokens_for_a_bounded_time_then_503()
    {
        // The metadata document through a relay that can stop answering; its key set is read from the issuer itself.
        await using var metadata = new PausableProxy(new Uri(_issuer.BaseUrl).Port);
        var address = $"http://127.0.0.1:{metadata.Port}{LocalTokenIssuer.MetadataPath}";
        LocalTokenIssuer.AllowMetadataOverLoopbackHttp(address);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new LogCapture();
        using var host = AuthenticatedHost(
            logs,
            new() { ["ToBotFromChannelOpenIdMetadataUrl"] = address, ["SignInMetadata:Timeout"] = "00:00:01" },
            s => s.AddSingleton<TimeProvider>(clock));
        var defaults = new SignInMetadataOptions();

        var fresh = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));
        metadata.Pause();
        clock.Advance(defaults.RefreshAfter + TimeSpan.FromMinutes(1));
        var due = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));
        await UntilAsync(() => logs.Entries.Any(e => e.Category == typeof(SignInMetadata).FullName && e.Level == LogLevel.Warning));
        var kept = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));
        var forged = await PostAsync(host, Activity("somethingNew"), LocalTokenIssuer.RightKidWrongKey(AppId, ServiceUrl));
        clock.Advance(defaults.KeepLastGoodFor - defaults.RefreshAfter);
        var started = Stopwatch.StartNew();
        var expired = await PostAsync(host, Activity("somethingNew"), _issuer.Valid(AppId, ServiceUrl));

        Assert.True(fresh.StatusCode == HttpStatusCode.OK, $"{(int)fresh.StatusCode}\n{Logged(logs)}");
        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            [due.StatusCode, kept.StatusCode, forged.StatusCode]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, expired.StatusCode);
        Assert.True(started.Elapsed < Generous, $"took {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(expired.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "503 without Retry-After");
        var keeping = Assert.Single(logs.Entries, e => e.Category == typeof(SignInMetadata).FullName && e.Level == LogLevel.Warning);
        Assert.Contains("no answer within 1 s", keeping.Message, StringComparison.Ordinal);
        Assert.Equal(2, RequestWarnings(logs).Count);
        Assert.Contains(
            "with 503: sign-in metadata unavailable: no answer within 1 s; the keys fetched at",
            RequestWarnings(logs)[^1].Message,
            StringComparison.Ordinal);
        AssertNoErrorOrStackTrace(logs);
    }

    private static List<LogEntry> RequestWarnings(LogCapture logs) =>
        [.. logs.Entries.Where(e => e.Category == "HealthItPm.Bot.Messages" && e.Level == LogLevel.Warning)];

    private static void AssertNoErrorOrStackTrace(LogCapture logs)
    {
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
        // No stack trace from a request or the retrieval (the background services' storage warnings are another matter: no Azurite here).
        string[] requestPath = ["HealthItPm.Bot.Messages", "HealthItPm.Bot.Teams", "HealthItPm.Bot.Hosting", "Microsoft."];
        Assert.DoesNotContain(logs.Entries, e => e.Exception is not null
            && requestPath.Any(category => e.Category.StartsWith(category, StringComparison.Ordinal)));
    }

    private static string Logged(LogCapture logs) => string.Join("\n", logs.Entries.Select(e => e.All));

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Generous, "The condition did not come about within 15 s.");
            await Task.Delay(50);
        }
    }
}
