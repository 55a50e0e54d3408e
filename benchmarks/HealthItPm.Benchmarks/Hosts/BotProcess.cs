using System.Globalization;
using HealthItPm.Testing;

namespace HealthItPm.Benchmarks.Hosts;

/// <summary>
/// A bot host as production runs it: its own OS process (<c>dotnet HealthItPm.Bot.dll</c>) on a
/// loopback port, so that killing it is a real process kill (SIGKILL), not a cancellation.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private long _peakKb;
    private double _cpuSeconds;
    private bool _stopped;

    private BotProcess(string name, ChildProcess process, Uri url)
    {
        Name = name;
        _process = process;
        Url = url;
        Id = process.Id;
    }

    public string Name { get; }

    public Uri Url { get; }

    public int Id { get; }

    public bool HasExited => _stopped || _process.HasExited;

    public string Output => _process.Output;

    /// <summary>The host's peak resident memory (VmHWM) so far, or when it was killed.</summary>
    public long PeakRssKb => HasExited ? _peakKb : Math.Max(_peakKb, ReadPeakRssKb());

    /// <summary>CPU time the host used (user and system), so far or until it was killed.</summary>
    public double CpuSeconds => HasExited ? _cpuSeconds : Math.Max(_cpuSeconds, ReadCpuSeconds());

    /// <summary>
    /// Starts the bot built in Release with <paramref name="settings"/> as environment variables; returns once it answers its
    /// health check.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string name, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folder = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot", "bin", "Release", "net10.0");
        var port = ChildProcess.FreeTcpPort();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string?>(settings) { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        var process = ChildProcess.Start(
            "dotnet", [Path.Combine(folder, "HealthItPm.Bot.dll"), "--urls", url.ToString().TrimEnd('/')], folder, environment);
        var bot = new BotProcess(name, process, url);
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        await process.WaitUntilAsync(
            async () =>
            {
                try
                {
                    using var response = await client.GetAsync(new Uri("healthz", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or too busy starting to answer within the timeout.
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            name);
        return bot;
    }

    /// <summary>Kills the process (SIGKILL, by its own id) after reading its peak memory.</summary>
    public async Task KillAsync()
    {
        if (_stopped)
        {
            return;
        }

        _peakKb = PeakRssKb;
        _cpuSeconds = CpuSeconds;
        _stopped = true;
        await _process.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private double ReadCpuSeconds() => ChildProcess.CpuSecondsOf(Id);

    private long ReadPeakRssKb()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status")
                .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
