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
            var (ours, answered) = (false, false);
            foreach (var tag in tags)
            {
                ours |= tag.Key == "server.port" && tag.Value is int p && p == port;
                answered |= tag.Key == "http.response.status_code";
            }

            if (ours)
            {
                Interlocked.Increment(ref answered ? ref _answered : ref _unanswered);
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

    public void Dispose() => _listener.Dispose();
}
