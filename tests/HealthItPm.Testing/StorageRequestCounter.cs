using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HealthItPm.Testing;

/// <summary>
/// Counts the HTTP requests this process sends to one port (a private Azurite's table port), from the
/// runtime's own client metrics, which the Azure SDK's transport records: no hook in the bot is needed.
/// Only requests that complete after it starts are counted. A request that got no answer (it timed out
/// or the connection failed; the SDK tries it again) is counted apart, so a slow emulator's retries do
/// not read as more work.
/// </summary>
public sealed class StorageRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byMethod = new(StringComparer.Ordinal);
    private long _answered;
    private long _unanswered;

    public StorageRequestCounter(int port)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            var (ours, answered, method) = (false, false, "?");
            foreach (var tag in tags)
            {
                ours |= tag.Key == "server.port" && tag.Value is int p && p == port;
                answered |= tag.Key == "http.response.status_code";
                method = tag.Key == "http.request.method" && tag.Value is string m ? m : method;
            }

            if (ours)
            {
                Interlocked.Increment(ref answered ? ref _answered : ref _unanswered);
                _byMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
            }
        });
        _listener.Start();
    }

    /// <summary>How many requests <paramref name="work"/> sent that storage answered, and how many attempts got no answer.</summary>
    public async Task<(T Result, long Requests, long Unanswered)> MeasureAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (answered, unanswered) = (Interlocked.Read(ref _answered), Interlocked.Read(ref _unanswered));
        var result = await work();
        return (result, Interlocked.Read(ref _answered) - answered, Interlocked.Read(ref _unanswered) - unanswered);
    }

    /// <summary>
    /// Requests so far by HTTP method (answered or not): on the table service a point read is a GET, an upsert a PUT,
    /// an added row or a batch a POST.
    /// </summary>
    public IReadOnlyDictionary<string, long> ByMethod() => new Dictionary<string, long>(_byMethod, StringComparer.Ordinal);

    public void Dispose() => _listener.Dispose();
}
