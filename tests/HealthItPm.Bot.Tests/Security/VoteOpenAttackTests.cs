using System.Globalization;
using System.Reflection;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>
/// The open vote's line on the scorecard, "Back to my vote" and the one-vote-at-a-time rule attacked from inside the hospital,
/// through the real endpoint on Azurite: readers comparing scorecards around a known person's vote, the way back replayed by
/// people it was not shown to, card data of the wrong shape, a second vote opened beside one (by another PM, by a crafted
/// card, by two Sends at once across a minute), and a project created without its form by someone who may not.
/// Each is refused or shows only what the rules allow, with nothing stored and no failed turn.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class VoteOpenAttackTests(VoteOpenAttackTests.Environment env) : IClassFixture<VoteOpenAttackTests.Environment>
{
    private const string VoteNotYours = "This go/no-go vote was not sent to you or is no longer available.";
    private const string BackToMyVote = "Back to my vote";

    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    private static ChannelAccount Person(int n, string name) =>
        new($"29:open-{n}", name, aadObjectId: new Guid(n, 0x0be1, 0x4a11, 0x87, 0, 0, 0, 0, 0, 0, 0x31).ToString());

    private static readonly ChannelAccount Pm = TestActivities.Pm;
    private static readonly ChannelAccount SecondPm = Person(1, "Paula Second");
    private static readonly ChannelAccount Sponsor = Person(2, "Dr. Ada Okafor");
    private static readonly ChannelAccount Cmio = Person(3, "Dr. Ben Castillo");
    private static readonly ChannelAccount Leader = Person(4, "Carla Nguyen");
    private static readonly ChannelAccount Nurse = Person(5, "Gina Nurse");
    private static readonly ChannelAccount Former = Person(6, "Finn Security");

    private static readonly ChannelAccount[] Everyone = [Pm, SecondPm, Sponsor, Cmio, Leader, Nurse, Former];

    private readonly Dictionary<ChannelAccount, string> _chats =
        Everyone.ToDictionary(p => p, _ => "a:open-" + Guid.NewGuid().ToString("N"));

    private T Get<T>()
        where T : notnull => env.Get<T>();

    // ---- Differencing ----

    [Fact]
    public async Task Scorecards_read_around_a_known_persons_vote_differ_only_in_the_count_and_show_no_one_the_way_to_anothers_vote()
    {
        var code = await VoteAsync([Sponsor, Former]);
        var readers = new[] { Nurse, Leader, Pm, SecondPm, Sponsor, Former };
        var before = new Dictionary<ChannelAccount, string>();
        foreach (var reader in readers)
        {
            before[reader] = (await SayAsync(reader, "golive status " + code)).ToString();
        }

        var round = await LatestAsync(code);
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Order sets not signed off"));

        foreach (var reader in readers)
        {
            var after = (await SayAsync(reader, "golive status " + code)).ToString();
            // The only change a reader sees is the count; never the vote, its words, or a seat's name beside it.
            Assert.Contains("0 of the panel of 2 voted", before[reader], StringComparison.Ordinal);
            Assert.Equal(before[reader].Replace("0 of the panel", "1 of the panel", StringComparison.Ordinal), after);
            Assert.DoesNotContain("Order sets", after, StringComparison.Ordinal);
            Assert.Equal(reader == Sponsor || reader == Former, after.Contains(BackToMyVote, StringComparison.Ordinal));
            Assert.DoesNotContain("Go/no-go vote\"", after, StringComparison.Ordinal);
        }
    }

    // ---- Back to my vote ----

    [Theory]
    [InlineData("a stakeholder not on the panel")]
    [InlineData("a leader not on the panel")]
    [InlineData("the PM, not on the panel")]
    [InlineData("a panel member since removed")]
    [InlineData("the voter's id in another tenant")]
    public async Task Back_to_my_vote_copied_from_a_voters_scorecard_shows_nobody_else_that_vote(string who)
    {
        // The CMIO has not voted, so the vote stays open after the other two have.
        var code = await VoteAsync([Sponsor, Former, Cmio]);
        var round = await LatestAsync(code);
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Order sets not signed off"));
        await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "GoWithConditions", conditions: "Pharmacists at the elbow"));
        var back = BackData(await SayAsync(Sponsor, "golive status " + code));
        if (who == "a panel member since removed")
        {
            await SubmitAsync(Pm, CardVerbs.RemoveStakeholder, new JObject { ["project"] = code, ["person"] = Former.AadObjectId });
        }

        var (attacker, tenant) = who switch
        {
            "a stakeholder not on the panel" => (Nurse, TestActivities.Tenant),
            "a leader not on the panel" => (Leader, TestActivities.Tenant),
            "the PM, not on the panel" => (Pm, TestActivities.Tenant),
            "a panel member since removed" => (Former, TestActivities.Tenant),
            _ => (Sponsor, TestActivities.OtherTenant),
        };
        var stored = await StoredAsync();

        var shown = await SubmitAsync(attacker, GoLiveRoundKind.Change, back, tenant);

        Assert.Contains(VoteNotYours, CardText.Of(shown), StringComparison.Ordinal);
        Assert.DoesNotContain("Order sets", shown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pharmacists", shown.ToString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(stored);
    }

    [Fact]
    public async Task Back_to_my_vote_after_the_vote_closed_shows_the_voters_own_vote_closed_and_takes_no_vote()
    {
        var code = await VoteAsync([Sponsor, Former]);
        var round = await LatestAsync(code);
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Order sets not signed off"));
        var back = BackData(await SayAsync(Sponsor, "golive status " + code));
        await SubmitAsync(Former, GoLiveRoundKind.Submit, Vote(code, round, "Go"));
        var stored = await StoredAsync();

        var mine = (await SubmitAsync(Sponsor, GoLiveRoundKind.Change, back)).ToString();
        var again = await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "Go"));

        Assert.Contains("Order sets", mine, StringComparison.Ordinal);
        Assert.DoesNotContain(GoLiveRoundKind.Submit, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank", CardText.Of(again), StringComparison.OrdinalIgnoreCase);
        await AssertNothingStoredAsync(stored);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"project\":null,\"round\":null}")]
    [InlineData("{\"project\":[\"X\"],\"round\":{\"id\":1}}")]
    [InlineData("{\"project\":\"@code\",\"round\":[\"@round\"]}")]
    [InlineData("{\"project\":\"@code\",\"round\":12345}")]
    [InlineData("{\"project\":\"@huge\",\"round\":\"@round\"}")]
    [InlineData("{\"project\":\"@code\",\"round\":\"@huge\"}")]
    [InlineData("{\"project\":\"@code\",\"round\":\"../@round\"}")]
    [InlineData("{\"project\":\"@code\",\"round\":\"@round#x\"}")]
    public async Task Crafted_back_to_my_vote_data_never_fails_a_turn_nor_shows_or_stores_anything(string shape)
    {
        var code = await VoteAsync([Sponsor, Former]);
        var round = await LatestAsync(code);
        await SubmitAsync(Sponsor, GoLiveRoundKind.Submit, Vote(code, round, "NoGo", reason: "Order sets not signed off"));
        var data = JObject.Parse(shape
            .Replace("@code", code, StringComparison.Ordinal)
            .Replace("@round", round, StringComparison.Ordinal)
            .Replace("@huge", new string('A', 100_000), StringComparison.Ordinal));
        var stored = await StoredAsync();

        var shown = await SubmitAsync(Former, GoLiveRoundKind.Change, data);

        Assert.DoesNotContain("Order sets", shown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(GoLiveRoundKind.Submit, shown.ToString(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(stored);
    }

    // ---- One vote at a time ----

    [Theory]
    [InlineData("the same PM's crafted Send")]
    [InlineData("a second PM's crafted Send")]
    [InlineData("a second PM's Send a day later")]
    public async Task A_second_vote_while_one_is_open_is_refused_with_nothing_stored(string how)
    {
        var code = await VoteAsync([Sponsor, Former]);
        env.Clock.Advance(how.EndsWith("a day later", StringComparison.Ordinal) ? TimeSpan.FromDays(1) : TimeSpan.FromMinutes(3));
        var by = how.StartsWith("the same", StringComparison.Ordinal) ? Pm : SecondPm;
        var stored = await StoredAsync();

        var form = CardText.Of(await SayAsync(by, "golive vote " + code));
        var sent = CardText.Of(await SubmitAsync(by, "golive.vote.start", Start(code, [Nurse, Leader])));

        Assert.Contains($"A go/no-go vote on {code} is open until", form, StringComparison.Ordinal);
        Assert.Contains($"A go/no-go vote on {code} is open until", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("Sending the vote", sent, StringComparison.Ordinal);
        await AssertNothingStoredAsync(stored);
    }

    [Fact]
    public async Task Two_sends_at_once_across_a_minute_open_one_vote()
    {
        var code = await VoteAsync([Sponsor, Former], open: false);
        env.Clock.Advance(TimeSpan.FromSeconds(59 - env.Clock.GetUtcNow().Second));
        env.Adds.Hold(2);

        // The first Send has passed the check and waits at the add; the minute turns; the second passes the check too.
        var first = SubmitAsync(Pm, "golive.vote.start", Start(code, [Sponsor, Former]));
        await env.Adds.Arrived(1);
        env.Clock.Advance(TimeSpan.FromSeconds(2));
        var second = SubmitAsync(SecondPm, "golive.vote.start", Start(code, [Nurse, Leader]));
        await env.Adds.Arrived(2);
        env.Adds.Release();
        var answers = new[] { CardText.Of(await first), CardText.Of(await second) };

        var rounds = await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), GoLiveRounds.Kind, 4, default);
        Assert.Single(rounds, r => r.IsOpen(env.Clock.GetUtcNow()));
        Assert.Single(answers, a => a.Contains("Sending the vote", StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains($"A go/no-go vote on {code} is open until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_sends_of_other_panels_in_the_same_minute_open_one_vote_and_tell_the_second_it_was_not_sent()
    {
        var code = await VoteAsync([Sponsor, Former], open: false);
        env.Clock.Advance(TimeSpan.FromSeconds(50 - env.Clock.GetUtcNow().Second));
        env.Adds.Hold(2);

        // Both Sends pass the open-vote check and reach the add in the same minute: the second's round id is taken.
        var first = SubmitAsync(Pm, "golive.vote.start", Start(code, [Sponsor, Former]));
        await env.Adds.Arrived(1);
        var second = SubmitAsync(SecondPm, "golive.vote.start", Start(code, [Nurse, Leader]));
        await env.Adds.Arrived(2);
        env.Adds.Release();
        var answers = new[] { CardText.Of(await first), CardText.Of(await second) };

        var rounds = await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), GoLiveRounds.Kind, 4, default);
        var open = Assert.Single(rounds, r => r.IsOpen(env.Clock.GetUtcNow()));
        Assert.Equal(2, open.Audience.Count);
        Assert.Single(answers, a => a.Contains("Sending the vote", StringComparison.Ordinal));
        Assert.Single(answers, a => a.Contains($"A go/no-go vote on {code} is open until", StringComparison.Ordinal));
    }

    // ---- New project ----

    [Fact]
    public async Task Someone_who_may_not_create_projects_cannot_create_one_with_a_crafted_create_and_nothing_is_stored()
    {
        var code = "NP" + UniqueCodes.Letters(5);
        var stored = await StoredAsync();

        var form = CardText.Of(await SayAsync(Nurse, "project new"));
        var created = CardText.Of(await SubmitAsync(Nurse, CardVerbs.CreateProject, Project(code)));

        Assert.Contains("Ask your admin", form, StringComparison.Ordinal);
        Assert.Contains("Ask your admin", created, StringComparison.Ordinal);
        Assert.DoesNotContain("Created", created, StringComparison.Ordinal);
        await AssertNothingStoredAsync(stored);
    }

    // ---- Set-up and helpers ----

    /// <summary>A project with a gate, its people, and a vote open for <paramref name="panel"/> unless told not to.</summary>
    private async Task<string> VoteAsync(ChannelAccount[] panel, bool open = true)
    {
        var code = "VO" + UniqueCodes.Letters(5);
        var created = CardText.Of(await SubmitAsync(Pm, CardVerbs.CreateProject, Project(code)));
        Assert.Contains($"Created {code}", created, StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(
            Tenant, new PersonId(Pm.AadObjectId), new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
            {
                project.AddMember(new ProjectMember(
                    new PersonId(SecondPm.AadObjectId), SecondPm.Name, ProjectRole.ProjectManager, StakeholderRole.Other, null));
                foreach (var leader in new[] { Sponsor, Cmio, Leader })
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(leader.AadObjectId), leader.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
                }

                foreach (var (person, role) in new[] { (Nurse, StakeholderRole.Nurse), (Former, StakeholderRole.It) })
                {
                    project.AddMember(new ProjectMember(
                        new PersonId(person.AadObjectId), person.Name, ProjectRole.Stakeholder, role, null));
                }
            }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        await SubmitAsync(Pm, "golive.set", new JObject
        {
            ["project"] = code, ["date"] = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["checkpoints"] = "7",
        });
        if (open)
        {
            var sent = CardText.Of(await SubmitAsync(Pm, "golive.vote.start", Start(code, panel)));
            Assert.Contains("Sending the vote", sent, StringComparison.Ordinal);
        }

        return code;
    }

    private JObject Project(string code)
    {
        var today = DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);
        string Date(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JObject
        {
            ["code"] = code, ["name"] = "Epic EHR go-live", ["kind"] = "Ehr", ["start"] = Date(-60), ["golive"] = Date(30),
            ["end"] = Date(150), ["timezone"] = "UTC",
        };
    }

    private static JObject Start(string code, ChannelAccount[] panel) => new()
    {
        ["project"] = code, ["panel"] = string.Join(",", panel.Select(p => p.AadObjectId)), ["sponsor"] = "none", ["days"] = "2",
    };

    private static JObject Vote(string code, string round, string choice, string conditions = "", string reason = "") =>
        VoteData.Of(code, round, choice, conditions, reason);

    /// <summary>The data of the scorecard's "Back to my vote" button, as a copy of the card would carry it.</summary>
    private static JObject BackData(JObject scorecard)
    {
        var button = scorecard.SelectTokens("$..actions[*]").OfType<JObject>()
            .Single(a => (string?)a["title"] == BackToMyVote);
        Assert.Equal(GoLiveRoundKind.Change, (string?)button["verb"]);
        return (JObject)button["data"]!.DeepClone();
    }

    private async Task<string> LatestAsync(string code) =>
        (await Get<IRoundStore>().LatestRoundsAsync(Tenant, new ProjectCode(code), GoLiveRounds.Kind, 1, default)).Single().Id;

    private Task<JObject> SubmitAsync(ChannelAccount who, string verb, JObject data, string tenant = TestActivities.Tenant) =>
        env.SubmitAsync(who, _chats[who], verb, data, tenant);

    private Task<JObject> SayAsync(ChannelAccount who, string text) => env.SayAsync(who, _chats[who], text);

    private Task<SortedSet<string>> StoredAsync() => env.StoredAsync();

    private Task AssertNothingStoredAsync(SortedSet<string> before) => env.AssertNothingStoredAsync(before);

    /// <summary>
    /// Holds go/no-go rounds on their way into the real round table until as many as asked have come, so two Sends are
    /// both past their checks before either is added. Everything else goes straight through.
    /// </summary>
    public sealed class HeldAdds
    {
        private volatile TaskCompletionSource _release = Done();
        private readonly List<TaskCompletionSource> _arrived = [];
        private int _count;

        public void Hold(int adds)
        {
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_arrived)
            {
                _count = 0;
                _arrived.Clear();
                _arrived.AddRange(Enumerable.Range(0, adds)
                    .Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
            }
        }

        public Task Arrived(int n)
        {
            lock (_arrived)
            {
                return _arrived[n - 1].Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
        }

        public void Release() => _release.TrySetResult();

        internal async Task WaitAsync()
        {
            lock (_arrived)
            {
                if (_count < _arrived.Count)
                {
                    _arrived[_count++].TrySetResult();
                }
            }

            await _release.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }

        private static TaskCompletionSource Done()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }

    /// <summary>The real round table, its adds of go/no-go rounds held by <see cref="HeldAdds"/>.</summary>
    public class HeldRoundStore : DispatchProxy
    {
        internal IRoundStore Inner { get; set; } = null!;

        internal HeldAdds Adds { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name is nameof(IRoundStore.AddRoundAsync) or nameof(IRoundStore.AddRoundAloneAsync)
                && args?[1] is Round { Kind.Name: "GoLive" })
            {
                return targetMethod.ReturnType == typeof(Task<bool>)
                    ? HeldAsync<bool>(targetMethod, args)
                    : HeldAsync<(bool, Round?)>(targetMethod, args);
            }

            return targetMethod.Invoke(Inner, args);
        }

        private async Task<T> HeldAsync<T>(MethodInfo method, object?[] args)
        {
            await Adds.WaitAsync();
            return await (Task<T>)method.Invoke(Inner, args)!;
        }

        internal static IRoundStore Over(IRoundStore inner, HeldAdds adds)
        {
            var proxy = Create<IRoundStore, HeldRoundStore>();
            var held = (HeldRoundStore)(object)proxy;
            held.Inner = inner;
            held.Adds = adds;
            return proxy;
        }
    }

    /// <summary>The insiders' bot, its round store holding adds when told to (<see cref="HeldAdds"/>).</summary>
    public sealed class Environment : InsiderBot
    {
        public HeldAdds Adds { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) =>
            services.AddSingleton(sp => HeldRoundStore.Over(sp.GetRequiredService<RoundTable>(), Adds));
    }
}
