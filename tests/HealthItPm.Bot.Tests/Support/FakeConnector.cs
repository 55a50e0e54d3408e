using System.Collections.Concurrent;
using System.Net;
using HealthItPm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>One call the bot made to the connector, and whether the fake accepted it (not failed on purpose).</summary>
public sealed record ConnectorRequest(string Method, string Path, JObject? Body, bool Accepted = true);

/// <summary>
/// A Bot Connector on loopback: records what the bot sends and answers 200 with an id, or, when
/// told to, the failures Teams answers with (403, 429 with Retry-After, 5xx).
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(int Status, string? RetryAfter, string? PathContains)> _failures = [];
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();
    private readonly ConcurrentDictionary<string, Action> _before = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<Microsoft.Bot.Schema.ChannelAccount>> _rosters = new();
    private int _ids;

    private FakeConnector(WebApplication app, int port)
    {
        _app = app;
        ServiceUrl = $"http://127.0.0.1:{port}/";
    }

    public string ServiceUrl { get; }

    public IReadOnlyList<ConnectorRequest> Requests => [.. _requests];

    public static async Task<FakeConnector> StartAsync()
    {
        var port = ChildProcess.FreeTcpPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app, port);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        return connector;
    }

    /// <summary>The next calls (whose path contains <paramref name="pathContains"/>, when given) fail with these statuses, in order; later calls succeed.</summary>
    public void FailNext(int status, string? retryAfter = null, int times = 1, string? pathContains = null)
    {
        lock (_failures)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Add((status, retryAfter, pathContains));
            }
        }
    }

    private bool TryTakeFailure(string path, out (int Status, string? RetryAfter) failure)
    {
        lock (_failures)
        {
            var index = _failures.FindIndex(f => f.PathContains is null || path.Contains(f.PathContains, StringComparison.Ordinal));
            failure = index < 0 ? default : (_failures[index].Status, _failures[index].RetryAfter);
            if (index >= 0)
            {
                _failures.RemoveAt(index);
            }

            return index >= 0;
        }
    }

    /// <summary>
    /// The next call whose path contains <paramref name="pathContains"/> is never answered (as if Teams
    /// hung); the task completes when it arrives, so a test can kill the bot mid-send.
    /// </summary>
    public Task HoldNext(string pathContains)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holds[pathContains] = arrived;
        return arrived.Task;
    }

    /// <summary>The roster the connector serves, in pages, for this conversation (others get the demo hospital's).</summary>
    public void ServeRoster(string conversationId, IReadOnlyList<Microsoft.Bot.Schema.ChannelAccount> members) => _rosters[conversationId] = members;

    /// <summary>Runs <paramref name="action"/> when the next call whose path contains <paramref name="pathContains"/> arrives, before it is answered.</summary>
    public void BeforeAnswering(string pathContains, Action action) => _before[pathContains] = action;

    public async Task<ConnectorRequest> WaitForAsync(Func<ConnectorRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("The bot did not call the connector as expected. Calls: " +
            string.Join("; ", _requests.Select(r => $"{r.Method} {r.Path}")));
    }

    public IEnumerable<JObject> SentActivities(string conversationId) => _requests
        .Where(r => r.Accepted && r.Method == "POST" && r.Path.StartsWith($"/v3/conversations/{conversationId}/activities", StringComparison.Ordinal) && r.Body is not null)
        .Select(r => r.Body!);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        if (_holds.Keys.FirstOrDefault(k => path.Contains(k, StringComparison.Ordinal)) is { } held && _holds.TryRemove(held, out var arrived))
        {
            _requests.Enqueue(new ConnectorRequest(context.Request.Method, path, text.Length > 0 ? JObject.Parse(text) : null, Accepted: false));
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (_before.Keys.FirstOrDefault(k => path.Contains(k, StringComparison.Ordinal)) is { } hook && _before.TryRemove(hook, out var before))
        {
            before();
        }

        var failed = TryTakeFailure(path, out var failure);
        _requests.Enqueue(new ConnectorRequest(context.Request.Method, context.Request.Path.Value ?? "", text.Length > 0 ? JObject.Parse(text) : null, !failed));

        if (failed)
        {
            context.Response.StatusCode = failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            await context.Response.WriteAsJsonAsync(new { error = new { code = "Failure", message = ((HttpStatusCode)failure.Status).ToString() } });
            return;
        }

        if (context.Request.Method == "GET" && context.Request.Path.Value!.EndsWith("/pagedmembers", StringComparison.Ordinal))
        {
            var conversation = Uri.UnescapeDataString(path["/v3/conversations/".Length..^"/pagedmembers".Length]);
            if (_rosters.TryGetValue(conversation, out var roster))
            {
                // As Teams pages a large team: at most pageSize (up to 500) from where the token says, and a token while more remain.
                var size = Math.Clamp(int.TryParse(context.Request.Query["pageSize"], out var asked) ? asked : 200, 1, 500);
                var from = int.TryParse(context.Request.Query["continuationToken"], out var start) ? start : 0;
                var page = roster.Skip(from).Take(size).Select(m => new { id = m.Id, name = m.Name, aadObjectId = m.AadObjectId });
                var next = from + size < roster.Count ? (from + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                await context.Response.WriteAsync(JsonConvert.SerializeObject(new { continuationToken = next, members = page }));
                return;
            }

            await context.Response.WriteAsync(JsonConvert.SerializeObject(new { members = TestActivities.Roster.Select(m => new { id = m.Id, name = m.Name, aadObjectId = m.AadObjectId }) }));
            return;
        }

        var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var isCreate = context.Request.Path == "/v3/conversations";
        await context.Response.WriteAsJsonAsync(isCreate ? new { id = "a:created-" + id, activityId = "m" + id } : (object)new { id = "m" + id });
    }
}
