using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.Audit;
using HealthItPm.Bot.Features.Projects;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Storage;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;
using static HealthItPm.Bot.Tests.Support.HostProcesses;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace HealthItPm.Bot.Tests.Rounds;

/// <summary>
/// The answer path across bot processes on one Azurite: a person removed from a project on one host can no longer
/// answer on another after the bound the README states (<see cref="ProjectTable.MembersKeptFor"/>); and a host killed
/// with SIGKILL while answers pour in loses no answer, and how many audit entries it held is measured and reported.
/// </summary>
[Trait("Needs", "Azurite")]
[Trait("Needs", "Processes")]
public sealed class AnswerPathHostTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly HostProcesses _hosts = new();
    private HttpClient Http { get; } = new();

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _hosts.DisposeAsync();
    }

    [Fact]
    public async Task A_person_removed_on_one_host_can_no_longer_answer_there_at_once_nor_on_another_host_after_the_bound()
    {
        var round = (await _hosts.OpenRoundAsync()).Id;
        var (_, a) = await _hosts.StartTurnHostAsync();
        var (_, b) = await _hosts.StartTurnHostAsync();
        // Each host reads the project's members for the nurse's answer, and keeps them.
        Assert.True(await AnswerAsync(b, TestActivities.Nurse, Code, round, default));
        Assert.True(await AnswerAsync(a, TestActivities.Nurse, Code, round, default));

        var removal = TestActivities.Invoke(
            CardVerbs.RemoveStakeholder,
            new JObject { ["project"] = Code.Value, ["person"] = TestActivities.NurseAadId },
            _hosts.Connector.ServiceUrl,
            PmChat,
            from: TestActivities.Pm);
        await PostAsync(a, removal, default);
        var removed = Stopwatch.StartNew();
        Assert.Null(await _hosts.Get<IProjectRepository>().RoleOfAsync(Tenant, Code, new PersonId(TestActivities.NurseAadId), default));
        Assert.False(await AnswerAsync(a, TestActivities.Nurse, Code, round, default));

        var bound = ProjectTable.MembersKeptFor;
        while (await AnswerAsync(b, TestActivities.Nurse, Code, round, default))
        {
            Assert.True(
                removed.Elapsed < bound + TimeSpan.FromSeconds(3), $"Still answering on host B {removed.Elapsed} after the removal.");
            await Task.Delay(100);
        }

        var refusedAfter = removed.Elapsed;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Refused on the other host {refusedAfter.TotalSeconds:0.0} s after the removal (bound {bound.TotalSeconds} s)."));
        Assert.True(refusedAfter <= bound + TimeSpan.FromSeconds(1), $"Refused {refusedAfter} after the removal; the bound is {bound}.");
        Assert.False(await AnswerAsync(a, TestActivities.Nurse, Code, round, default));
    }

    [Fact]
    public async Task A_host_killed_under_load_loses_no_answer_and_the_audit_entries_it_held_are_counted()
    {
        const int People = 1500;
        const int KillAfter = 400;
        var code = new ProjectCode("LOAD");
        var (round, people) = await LoadRoundAsync(code, People);
        var (host, messages) = await _hosts.StartTurnHostAsync();
        Assert.True(await AnswerAsync(messages, people[0], code, round, default));

        var acknowledged = new ConcurrentBag<string>([people[0].AadObjectId]);
        var next = 0;
        using var stop = new CancellationTokenSource();
        var callers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < People && !stop.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                try
                {
                    if (await AnswerAsync(messages, people[i], code, round, stop.Token))
                    {
                        acknowledged.Add(people[i].AadObjectId);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    return;
                }
            }
        })).ToArray();

        var load = Stopwatch.StartNew();
        while (acknowledged.Count < KillAfter && load.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(5);
        }

        await host.KillAsync();
        var killedAt = acknowledged.Count;
        var rate = killedAt / load.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(callers);

        var answered = await AnsweredAsync(code, round);
        var audited = await AuditedAsync(round);
        var lost = answered.Count - audited.Count;
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"SIGKILL after {killedAt} acknowledged answers at {rate:0}/s ({AuditWriter.FlushEvery.TotalMilliseconds} ms flush window): "
            + $"{answered.Count} answers stored, {audited.Count} audit entries, {lost} entries lost "
            + $"({100.0 * lost / Math.Max(1, answered.Count):0.0} % of the answers).");
        output.WriteLine(report);
        var file = Path.Combine(RepositoryLayout.TestOutput("answer-path"), "sigkill.txt");
        await File.AppendAllTextAsync(file, report + Environment.NewLine);

        Assert.True(killedAt >= KillAfter, $"The load did not reach {KillAfter} answers before the kill.");
        // No answer the host acknowledged is lost, and no entry is written without its answer.
        Assert.Empty(acknowledged.Except(answered));
        Assert.Empty(audited.Except(answered));
    }

    private async Task<(string Round, ChannelAccount[] People)> LoadRoundAsync(ProjectCode code, int count)
    {
        var pm = new PersonId(TestActivities.PmAadId);
        var projects = _hosts.Get<ProjectService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var people = Enumerable.Range(0, count)
            .Select(i => new ChannelAccount(
                $"29:load-{i}", $"Nurse {i}", aadObjectId: new Guid(i, 0x10ad, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 3).ToString()))
            .ToArray();
        Assert.IsType<Outcome<Project>.Done>(await projects.CreateAsync(
            Tenant,
            new ProjectMember(pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null),
            new NewProject(
                code.Value, Guarded.From("Bedside barcode scanning"), ProjectKind.Ehr, today, today.AddDays(60), today.AddDays(120), "UTC"),
            default));
        foreach (var batch in people.Chunk(250))
        {
            Assert.IsType<Outcome<Project>.Done>(await projects.ChangeAsync(Tenant, pm, code, ProjectAction.ManageStakeholders, (p, _) =>
            {
                foreach (var person in batch)
                {
                    p.AddMember(new ProjectMember(
                        new PersonId(person.AadObjectId),
                        person.Name,
                        ProjectRole.Stakeholder,
                        StakeholderRole.Nurse,
                        Guarded.From("3 East")));
                }
            }, default));
        }

        var project = (await _hosts.Get<IProjectRepository>().GetAsync(Tenant, code, default))!.Project;
        var now = DateTimeOffset.UtcNow;
        var round = new Round(code, new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero),
            TimeSpan.FromHours(24), TimeSpan.FromHours(48), false, Audience.Everyone.Select(project), CheckInRounds.Kind);
        Assert.True(await _hosts.Get<IRoundStore>().AddRoundAsync(Tenant, round, default));
        return (round.Id, people);
    }

    private async Task<HashSet<string>> AnsweredAsync(ProjectCode code, string round)
    {
        var table = new TableClient(_hosts.ConnectionString, RoundTable.Name);
        var prefix = $"checkin|answer|{round}|";
        var people = new HashSet<string>(StringComparer.Ordinal);
        var filter = StorageTables.PrefixFilter($"{Tenant.Value}|{code.Value}|checkin|{round}", prefix);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            people.Add(row.RowKey[prefix.Length..]);
        }

        return people;
    }

    private async Task<HashSet<string>> AuditedAsync(string round)
    {
        var table = new TableClient(_hosts.ConnectionString, AuditTable.Name);
        var people = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            foreach (var entry in AuditTable.Entries(row).Where(e => e.Kind == CheckInRounds.Answered && e.Subject == round))
            {
                Assert.True(people.Add(entry.By.Value), "An answer's audit entry was written twice.");
            }
        }

        return people;
    }

    private async Task<bool> AnswerAsync(
        Uri host, ChannelAccount person, ProjectCode code, string round, CancellationToken cancellationToken)
    {
        var data = new JObject
        {
            ["project"] = code.Value, ["round"] = round, ["status"] = "OnTrack", ["impact"] = "1", ["training"] = "false",
        };
        var body = await PostAsync(
            host,
            TestActivities.Invoke(CardVerbs.SubmitCheckIn, data, _hosts.Connector.ServiceUrl, "a:" + person.Id, from: person),
            cancellationToken);
        return body.Contains("check-in is in", StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(Uri host, Activity activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(TestActivities.Json(activity), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(host, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
