using System.Net;
using System.Net.Sockets;

namespace HealthItPm.Bot.Tests.Support;

/// <summary>
/// A TCP relay on loopback in front of one storage endpoint. Paused, it stops passing bytes either
/// way (connections stay open), so a bot host's calls to that service hang as in an outage, at a
/// moment the test chooses; dropping, it also loses them.
/// </summary>
public sealed class PausableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private readonly CancellationTokenSource _stop = new();
    private volatile TaskCompletionSource _running = Started();

    public PausableProxy(int targetPort)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    private volatile bool _dropping;
    private volatile string? _pauseBefore;
    private volatile string[] _heldLines = [];
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _pausedBefore = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the request named to <see cref="PauseBefore"/> came and the relay paused.</summary>
    public Task PausedBefore => _pausedBefore.Task;

    /// <summary>
    /// Passes everything until a request whose first line starts with <paramref name="requestLine"/> (a method and a path)
    /// comes; pauses before passing it on, so the host's call hangs at that step and at every one after it.
    /// </summary>
    public void PauseBefore(string requestLine) => _pauseBefore = requestLine;

    /// <summary>
    /// Holds every request whose first line starts with <paramref name="requestLine"/> until <see cref="Resume"/>, while
    /// everything else passes: the host never gets an answer to that kind of call before the test lets it.
    /// </summary>
    public void HoldEvery(string requestLine) => _heldLines = [.. _heldLines, requestLine];

    public void Pause() => _running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Paused, and what is sent meanwhile is lost on the way (a request never arrives), not held until <see cref="Resume"/>.</summary>
    public void Drop()
    {
        _dropping = true;
        Pause();
    }

    public void Resume()
    {
        _dropping = false;
        _heldLines = [];
        _running.TrySetResult();
        _released.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        await _stop.CancelAsync();
        _listener.Stop();
        _stop.Dispose();
    }

    private static TaskCompletionSource Started()
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running.SetResult();
        return running;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), upstream.GetStream(), client.Client),
                    PumpAsync(upstream.GetStream(), client.GetStream(), sender: null));
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Relays bytes; <paramref name="sender"/> is the caller's socket when these are its requests.</summary>
    private async Task PumpAsync(Stream from, Stream to, Socket? sender)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (_dropping)
            {
                continue;
            }

            var held = false;
            if (sender is not null && _pauseBefore is { } line && Starts(buffer, read, line))
            {
                _pauseBefore = null;
                held = true;
                Pause();
                _pausedBefore.TrySetResult();
            }

            if (sender is not null && _heldLines.Any(l => Starts(buffer, read, l)))
            {
                held = true;
                await _released.Task.WaitAsync(_stop.Token);
            }

            await _running.Task.WaitAsync(_stop.Token);

            // A request held while its sender died never reaches the service: a killed process's call was never made.
            if (held && Closed(sender!))
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private static bool Starts(byte[] buffer, int read, string line) =>
        read >= line.Length && System.Text.Encoding.ASCII.GetString(buffer, 0, line.Length) == line;

    private static bool Closed(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }
}
