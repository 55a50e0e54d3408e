using System.Diagnostics;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Telemetry;

/// <summary>The bot's one Meter is the process's: nothing else may count while these tests read it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryAlone
{
    public const string Name = "Telemetry, alone";
}

/// <summary>
/// What the host exports, caught by OpenTelemetry's in-memory exporter in host A: a check-in fanned out on Azurite to
/// a nurse whose first send Teams throttles (429, Retry-After 45 s) and whose answer is refused for a patient's name and
/// record number, a PM whose card Teams keeps failing until it is given up, and a pharmacist with no chat; then the PM's
/// <c>checkin status</c> and an admin's <c>health</c>.
/// </summary>
[Trait("Needs", "Azurite")]
[Collection(TelemetryAlone.Name)]
public sealed class PipelineTelemetryTests : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private static readonly RoundSettings WithPm = RoundSettings.Default with { Audience = Audience.Everyone with { ProjectManagers = true } };

    private const string Phi = "pt. Alvarez MRN 00482913 could not join the video visit";

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TwoHosts _hosts;

    public PipelineTelemetryTests(AzuriteFixture azurite)
    {
        _hosts = new TwoHosts(
            azurite,
            new Dictionary<string, string?> { ["Access:AdminIds:0"] = TestActivities.PmAadId },
            services => services
                .ConfigureOpenTelemetryTracerProvider(b => b.AddInMemoryExporter(_spans))
                .ConfigureOpenTelemetryMeterProvider(b => b.AddInMemoryExporter(_metrics)));
    }

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    [Fact]
    public async Task A_fan_out_with_a_429_and_a_card_given_up_is_counted_and_traced_without_a_person_in_it()
    {
        _hosts.Connector.FailNext(429, retryAfter: "45", pathContains: NurseChat);
        _hosts.Connector.FailNext(503, times: 8, pathContains: PmChat);
        await _hosts.SetUpProjectAsync();
        var round = Assert.IsType<Outcome<Round>.Done>(
            await _hosts.Get<CheckInService>().StartNowAsync(Tenant, Pm, Code, WithPm, default)).Value;
        await _hosts.Get<RoundSteps>().QueueCardsAsync(Tenant, Code, CheckInRounds.Kind, round.Id, default);

        await _hosts.BothDeliverAsync();
        await _hosts.AfterAsync(TimeSpan.FromSeconds(46));
        var refused = await _hosts.SubmitAsync(
            CardVerbs.SubmitCheckIn,
            JObject.FromObject(new { project = Code.Value, round = round.Id, status = "Blocked", impact = "4", blockers = Phi, training = "false" }),
            NurseChat,
            TestActivities.Nurse);
        for (var i = 0; i < 8; i++)
        {
            await _hosts.AfterAsync(TimeSpan.FromMinutes(20));
        }

        var status = await _hosts.SayAsync("checkin status", PmChat, TestActivities.Pm);
        var health = await _hosts.SayAsync("health", PmChat, TestActivities.Pm);
        Flush();

        Assert.Contains("Delivery pipeline", health, StringComparison.Ordinal);
        Assert.Contains("Teams kept failing", health, StringComparison.Ordinal);
        Assert.NotEmpty(status);
        Assert.Contains("00482913", Phi, StringComparison.Ordinal);
        Assert.DoesNotContain("00482913", refused, StringComparison.Ordinal);

        const string card = "checkin.card";
        Assert.Equal(1, Sum("healthitpm.deliveries.settled", ("kind", card), ("state", "Sent")));
        Assert.Equal(1, Sum("healthitpm.deliveries.settled", ("kind", card), ("state", "Unreachable")));
        Assert.Equal(1, Sum("healthitpm.deliveries.settled", ("kind", card), ("state", "NotDelivered")));
        Assert.Equal(1, Sum("healthitpm.teams.throttled", ("kind", card)));
        Assert.Equal((1, 45.0), Histogram("healthitpm.teams.retry_after", ("kind", card)));
        Assert.Equal(1, Gauge("healthitpm.queue.poison.depth"));
        Assert.Equal(0, Gauge("healthitpm.queue.depth"));
        Assert.Equal(0, Gauge("healthitpm.queue.oldest_age"));
        Assert.Equal(0, Gauge("healthitpm.hosts.live"));
        Assert.True(Histogram("healthitpm.scheduler.tick.duration").Count >= 20);
        Assert.True(Sum("healthitpm.scheduler.steps", ("outcome", "done")) > 0);
        Assert.Equal(2, Sum("healthitpm.turns", ("kind", "message"), ("outcome", "ok")));
        Assert.Equal(2, Histogram("healthitpm.turn.duration", ("kind", "message"), ("outcome", "ok")).Count);
        var phi = Assert.Single(Points(Latest("healthitpm.phi.refusals")));
        Assert.Equal(("field", (object?)"Blockers"), (Assert.Single(Tags(phi)).Key, Assert.Single(Tags(phi)).Value));
        Assert.Equal(1, phi.GetSumLong());

        var turns = _spans.Where(s => s.DisplayName == "turn message").ToList();
        Assert.Equal(["checkin status", "health"], turns.Select(s => s.GetTagItem("healthitpm.command")).Order().ToList());
        Assert.Contains(_spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));
        Assert.Contains(_spans, s => s.Source.Name.StartsWith("Azure.Storage.Queues", StringComparison.Ordinal));
        Assert.Contains(_spans, s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string)?.Contains(
            "/v3/conversations", StringComparison.Ordinal) == true);
        Assert.Contains(_spans, s => s.DisplayName == "scheduler.tick");

        string[] personal = [
            "Nina Patel", "Priya Shah", "Grace Kim", "Epic EHR go-live", "ICU", Phi, "Alvarez", "00482913",
            TestActivities.NurseAadId, TestActivities.PmAadId, TestActivities.PharmacistAadId, NurseChat, PmChat];
        var exported = _spans.SelectMany(s => s.TagObjects.Concat(s.Events.SelectMany(e => e.Tags))
                .Select(t => $"{s.Source.Name} {s.DisplayName} {t.Key}={t.Value}")
                .Append($"{s.Source.Name} {s.DisplayName} status={s.StatusDescription}"))
            .Concat(_metrics.SelectMany(m => Points(m).SelectMany(p => Tags(p)).Select(t => $"{m.Name} {t.Key}={t.Value}")))
            .ToList();
        Assert.NotEmpty(exported);
        var leaks = exported.Where(e => personal.Any(p => e.Contains(p, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "Personal data in exported telemetry:\n" + string.Join("\n", leaks.Take(20)));
    }

    private void Flush()
    {
        Assert.True(_hosts.HostA.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(_hosts.HostA.Services.GetRequiredService<MeterProvider>().ForceFlush());
    }

    private MetricSnapshot Latest(string name) => _metrics.Last(m => m.Name == name);

    private static IEnumerable<MetricPoint> Points(MetricSnapshot metric) => metric.MetricPoints;

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }

    private IEnumerable<MetricPoint> Matching(string name, (string Key, string Value)[] tags) =>
        Points(Latest(name)).Where(p => tags.All(t => Tags(p).Any(k => k.Key == t.Key && Equals(k.Value, t.Value))));

    private long Sum(string name, params (string Key, string Value)[] tags) => Matching(name, tags).Sum(p => p.GetSumLong());

    private (long Count, double Sum) Histogram(string name, params (string Key, string Value)[] tags)
    {
        var points = Matching(name, tags).ToList();
        return (points.Sum(p => p.GetHistogramCount()), points.Sum(p => p.GetHistogramSum()));
    }

    private double Gauge(string name)
    {
        var point = Assert.Single(Points(Latest(name)));
        return Latest(name).MetricType == MetricType.DoubleGauge ? point.GetGaugeLastValueDouble() : point.GetGaugeLastValueLong();
    }
}
