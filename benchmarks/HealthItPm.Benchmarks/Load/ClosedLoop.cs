using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace HealthItPm.Benchmarks.Load;

/// <summary>What one scenario sustained: completed turns per second and their latency.</summary>
public sealed record LoadResult(string Scenario, int Turns, int Failures, double TurnsPerSecond, double P50Ms, double P95Ms, double P99Ms);

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers each post a turn, wait for the answer, and post the
/// next, for a warm-up (not counted) and then the measured period. A turn counts when the bot answers
/// 200 and, where the scenario says what to expect, the answer contains it.
/// </summary>
public sealed class ClosedLoop(int concurrency, TimeSpan warmUp, TimeSpan measured)
{
    /// <summary>
    /// Posts activities to a bot; a turn counts when it answers 200 and, where given, the answer contains
    /// <paramref name="expect"/>.
    /// </summary>
    public async Task<LoadResult> RunAsync(string scenario, Uri endpoint, Func<int, string> body, string? expect)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        using var client = new HttpClient(handler) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };
        return await RunAsync(scenario, async n =>
        {
            using var content = new StringContent(body(n), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("api/messages", UriKind.Relative), content);
            var answer = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode && (expect is null || answer.Contains(expect, StringComparison.Ordinal));
        });
    }

    /// <summary>Runs any operation as the turn (a baseline that is not a bot); it returns whether it succeeded.</summary>
    public async Task<LoadResult> RunAsync(string scenario, Func<int, Task<bool>> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var sequence = 0;
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[concurrency];
        var failures = new int[concurrency];

        async Task CallerAsync(int caller)
        {
            latencies[caller] = [];
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                var succeeded = await turn(Interlocked.Increment(ref sequence));
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!Volatile.Read(ref measuring))
                {
                    continue;
                }

                if (succeeded)
                {
                    latencies[caller].Add(elapsed);
                }
                else
                {
                    failures[caller]++;
                }
            }
        }

        var callers = Enumerable.Range(0, concurrency).Select(c => Task.Run(() => CallerAsync(c))).ToArray();
        await Task.Delay(warmUp);
        Volatile.Write(ref measuring, true);
        var clock = Stopwatch.StartNew();
        await Task.Delay(measured);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(callers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(
            scenario,
            all.Length,
            failures.Sum(),
            all.Length / seconds,
            Percentile(all, 0.50),
            Percentile(all, 0.95),
            Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
