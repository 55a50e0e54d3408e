using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace HealthItPm.Testing;

/// <summary>
/// A private Azurite (table, queue and blob services) for a test collection or class: its own free port and a fresh
/// data folder, so test runs never see a developer's local data or each other's, and nothing is left
/// running afterwards. Tests that need Azurite start it; they never skip. Starting one costs
/// seconds on a busy machine, so tests share one where they can and clear it
/// (<see cref="ClearTablesAsync"/>) where they need a blank store.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "healthitpm-azurite-" + Guid.NewGuid().ToString("N"));
    private static readonly SemaphoreSlim StartGate = new(1, 1);

    private readonly bool _inMemory;
    private ChildProcess? _process;
    private bool _started;

    public AzuriteFixture()
    {
    }

    private AzuriteFixture(bool inMemory)
    {
        _inMemory = inMemory;
    }

    /// <summary>
    /// An Azurite that keeps data in memory only (<c>--inMemoryPersistence</c>), for benchmarks: the
    /// emulator then does not save its whole database to disk every few seconds, which real Azure
    /// Storage does not do either. Data does not survive <see cref="StopAsync"/>.
    /// </summary>
    public static AzuriteFixture InMemory(bool inMemory = true) => new(inMemory);

    /// <summary>Processor time the emulator has used so far, in seconds (benchmarks report it: it is one Node.js process).</summary>
    public double CpuSeconds => _process?.CpuSeconds ?? 0;

    public int TablePort { get; private set; } = ChildProcess.FreeTcpPort();

    public int QueuePort { get; private set; } = ChildProcess.FreeTcpPort();

    public int BlobPort { get; private set; } = ChildProcess.FreeTcpPort();

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";

    public TableServiceClient TableService => new(ConnectionString);

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts Azurite on the fixture's port (again, after <see cref="StopAsync"/>: an outage ending).</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        // One Azurite starts at a time in a test process: several Node start-ups at once on two busy
        // cores each take far longer than one after another, and a slow start is a failed fixture.
        await StartGate.WaitAsync();
        try
        {
            await StartProcessAsync();
        }
        finally
        {
            StartGate.Release();
        }
    }

    private async Task StartProcessAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnPortsAsync();
                _started = true;
                return;
            }
            catch (InvalidOperationException e) when (!_started && attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another process bound a port between its pick and Azurite's start (ports are picked free, then
                // given back): before anyone holds this fixture's connection string, new ports are as good.
                await _process!.DisposeAsync();
                (TablePort, QueuePort, BlobPort) = (ChildProcess.FreeTcpPort(), ChildProcess.FreeTcpPort(), ChildProcess.FreeTcpPort());
            }
        }
    }

    private async Task StartOnPortsAsync()
    {
        Directory.CreateDirectory(_dataFolder);
        _process = ChildProcess.Start(
            "node",
            [
                Path.Combine(RepositoryLayout.NodeModules, "azurite", "dist", "src", "azurite.js"),
                "--disableTelemetry", "--skipApiVersionCheck",
                .. _inMemory ? ["--inMemoryPersistence"] : new[] { "--location", _dataFolder },
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            ],
            RepositoryLayout.Tools);
        // Azurite's own word that it listens, not only a port that answers: another process on the port answers too.
        var process = _process;
        await process.WaitUntilAsync(
            () => Task.FromResult(process.Output.Contains("Table service is successfully listening", StringComparison.Ordinal) && process.Output.Contains("Queue service is successfully listening", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(90),
            "Azurite");
    }

    /// <summary>Deletes every table and every queue's messages: the next test on this Azurite starts from a blank store.</summary>
    public async Task ClearTablesAsync()
    {
        var service = TableService;
        await foreach (var table in service.QueryAsync())
        {
            await service.DeleteTableAsync(table.Name);
        }

        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            await queues.GetQueueClient(queue.Name).ClearMessagesAsync();
        }
    }

    /// <summary>Stops Azurite, as a storage outage would. Data stays in the folder for the restart.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
