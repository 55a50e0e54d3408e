using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HealthItPm.Testing;

/// <summary>
/// A process a test started, with its output captured, stopped by its own id (with its children)
/// when disposed. Standard input stays open: Azurite and the Playground exit when it closes.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Processor time the process has used so far (user and system), in seconds; 0 where <c>/proc</c> is not.</summary>
    public double CpuSeconds => CpuSecondsOf(Id);

    /// <summary>Processor time process <paramref name="id"/> has used (user and system), in seconds; 0 once it is gone or where <c>/proc</c> is not.</summary>
    public static double CpuSecondsOf(int id)
    {
        try
        {
            // /proc/PID/stat: after the command's closing parenthesis, utime and stime are the 12th and 13th fields, in clock
            // ticks of 1/100 s (USER_HZ) on every platform .NET runs on.
            var stat = File.ReadAllText($"/proc/{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until <paramref name="ready"/> holds, failing early with the output if the process exits.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> ready, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{what}: the process exited with code {_process.ExitCode}.\n{Output}");
            }

            if (await ready())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{what}: not ready after {timeout.TotalSeconds} s.\n{Output}");
    }

    /// <summary>Kills the process and its children at once (SIGKILL: no graceful stop, nothing flushed), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
