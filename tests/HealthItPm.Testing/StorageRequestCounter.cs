using System.Diagnostics.Metrics;

namespace HealthItPm.Testing;

/// <summary>
/// Counts the HTTP requests this process sends to one port (a private Azurite's table port), from the
/// runtime's own client metrics, which the Azure SDK's transport records: no hook in the bot is needed.
/// Only requests that complete after it starts are counted.
/// </summary>
public sealed class StorageRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

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
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int p && p == port)
                {
                    Interlocked.Increment(ref _count);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>How many requests <paramref name="work"/> sent.</summary>
    public async Task<(T Result, long Requests)> MeasureAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var before = Count;
        var result = await work();
        return (result, Count - before);
    }

    public void Dispose() => _listener.Dispose();
}
