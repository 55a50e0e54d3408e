using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Digests;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>The digest commands through the bot: a PM subscribes the project's leaders from a form; a leader sets the day and hour, in their zone; bad input says what to type.</summary>
[Trait("Needs", "Azurite")]
public sealed class DigestCommandTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string CioChat = "a:cio-chat";
    private static readonly PersonId Cio = new(TestActivities.CioAadId);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private Task<string> SayAsync(string text, string chat, Microsoft.Bot.Schema.ChannelAccount from) => _hosts.SayAsync(text, chat, from);

    private Task<string> SubmitAsync(string verb, JObject data, string chat, Microsoft.Bot.Schema.ChannelAccount from) => _hosts.SubmitAsync(verb, data, chat, from);

    [Fact]
    public async Task A_pm_subscribes_the_projects_leaders_from_a_form_and_a_leader_sets_the_day_and_hour()
    {
        await _hosts.SetUpProjectAsync(pharmacistRole: ProjectRole.Leader);
        await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive"))), default);
        await _hosts.GiveChatAsync(Cio, CioChat);
        await _hosts.GiveChatAsync(Pharmacist, "a:pharmacist-chat", "Europe/London");

        var form = await SayAsync("digest leaders EHR", PmChat, TestActivities.Pm);
        Assert.Contains("Weekly digest for its leaders", form, StringComparison.Ordinal);
        Assert.Contains("Grace Kim", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Nina Patel", form, StringComparison.Ordinal);

        // A nurse on the project (not a leader) cannot be slipped in through the card's data.
        var refused = await SubmitAsync(CardVerbs.SubscribeLeaders, new JObject { ["project"] = "EHR", ["leaders"] = Nurse.Value }, PmChat, TestActivities.Pm);
        Assert.Contains("Pick leaders from the list", refused, StringComparison.Ordinal);

        var done = await SubmitAsync(CardVerbs.SubscribeLeaders, new JObject { ["project"] = "EHR", ["leaders"] = $"{Cio.Value},{Pharmacist.Value}" }, PmChat, TestActivities.Pm);
        Assert.Contains("Leaders subscribed", done, StringComparison.Ordinal);
        var cio = (await _hosts.Get<IDigestStore>().GetAsync(Tenant, Cio, default))!.Subscription;
        Assert.Equal((false, "EHR", DayOfWeek.Monday, 7, "UTC"), (cio.Portfolio, string.Join(",", cio.Projects), cio.Day, cio.Hour, cio.TimeZone));

        // The pharmacist's Teams reported London time in her chat with the bot: her digest follows it.
        Assert.Equal("Europe/London", (await _hosts.Get<IDigestStore>().GetAsync(Tenant, Pharmacist, default))!.Subscription.TimeZone);

        // The nurse is no PM of EHR: the form refuses her.
        Assert.Contains("Only the project managers of Epic EHR go-live (Priya Shah) can do that.", await SayAsync("digest leaders EHR", NurseChat, TestActivities.Nurse), StringComparison.Ordinal);

        // The CIO moves it to Friday 16:00; his Teams reports Chicago time, which the digest now follows.
        Assert.Contains("When your digest arrives", await SayAsync("digest settings", CioChat, TestActivities.Cio), StringComparison.Ordinal);
        var wrong = await SubmitAsync(CardVerbs.DigestSettings, new JObject { ["day"] = "Someday", ["hour"] = "16" }, CioChat, TestActivities.Cio);
        Assert.Contains("Pick day from the list", wrong, StringComparison.Ordinal);
        var saved = await SubmitAsync(CardVerbs.DigestSettings, new JObject { ["day"] = "Friday", ["hour"] = "16" }, CioChat, TestActivities.Cio);
        Assert.Contains("every Friday at 16:00 (America/Chicago)", saved, StringComparison.Ordinal);

        Assert.Contains("is not a project code", await SayAsync("digest subscribe not a code!", CioChat, TestActivities.Cio), StringComparison.Ordinal);
        Assert.Contains("You still get the portfolio you lead", await SayAsync("digest subscribe", CioChat, TestActivities.Cio) + await SayAsync("digest unsubscribe EHR", CioChat, TestActivities.Cio), StringComparison.Ordinal);
        Assert.Contains("You will get no more weekly digests", await SayAsync("digest unsubscribe", CioChat, TestActivities.Cio), StringComparison.Ordinal);
        Assert.Null(await _hosts.Get<IDigestStore>().GetAsync(Tenant, Cio, default));

        // Each saved change is in the audit log by kind, project and the leader's id (never the day, hour or zone);
        // the refused form, the wrong day and the bad code left nothing. Entries in the same instant have no order.
        var today = DateOnly.FromDateTime(_hosts.Clock.GetUtcNow().UtcDateTime);
        var log = (await _hosts.Get<IAuditLog>().ReadAsync(Tenant, new AuditQuery(null, today, today), 50, default))!;
        string Line(PersonId by, AuditKind kind, string? project, string? subject) => $"{by.Value} {kind} {project} {subject}";
        Assert.Equal(
            new[]
            {
                Line(Pm, DigestAudit.DigestLeaderSubscribed, "EHR", Cio.Value),
                Line(Pm, DigestAudit.DigestLeaderSubscribed, "EHR", Pharmacist.Value),
                Line(Cio, DigestAudit.DigestScheduleChanged, null, null),
                Line(Cio, DigestAudit.DigestSubscribed, null, null),
                Line(Cio, DigestAudit.DigestUnsubscribed, "EHR", null),
                Line(Cio, DigestAudit.DigestUnsubscribed, null, null),
            }.Order(StringComparer.Ordinal),
            log.Entries.Where(e => e.Kind.ToString().StartsWith("Digest", StringComparison.Ordinal)).Select(e => Line(e.By, e.Kind, e.Project?.Value, e.Subject)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_closed_readiness_wave_is_in_the_digest_and_before_one_closes_the_digest_says_there_is_none_and_the_next_wave_is_said_as_a_move()
    {
        await _hosts.SetUpProjectAsync();
        await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive"))), default);
        var digests = _hosts.Get<DigestService>();
        async Task<PortfolioDigest> PreviewAsync() => Assert.IsType<Outcome<PortfolioDigest>.Done>(await digests.PreviewAsync(Tenant, Cio, Code, "UTC", default)).Value;

        var wave = Assert.IsType<Outcome<Domain.Rounds.Round>.Done>(await _hosts.Get<AdkarService>().StartAsync(Tenant, Pm, Code, "pre go-live", TimeSpan.FromDays(7), anonymous: false, Domain.Rounds.Audience.Everyone, default)).Value;
        // The nurse knows why and wants it, but does not yet know how: her barrier point is Knowledge.
        var answer = AdkarAnswer.Create([new AdkarScore(5), new AdkarScore(4), new AdkarScore(2), new AdkarScore(2), new AdkarScore(3)], comment: null);
        Assert.IsType<Outcome<(Domain.Rounds.Round, Domain.Rounds.GivenAnswer<AdkarAnswer>)>.Done>(
            await _hosts.Get<Domain.Rounds.RoundEngine>().SubmitAsync(Tenant, Nurse, Code, AdkarRounds.Kind, wave.Id, answer, default));
        Assert.Null(Assert.Single((await PreviewAsync()).Projects).Readiness);

        _hosts.Clock.Advance(TimeSpan.FromDays(8));

        var first = await PreviewAsync();
        var readiness = Assert.Single(first.Projects).Readiness!;
        Assert.Equal(("pre go-live", 0m, (AdkarElement?)AdkarElement.Knowledge, (decimal?)null), (readiness.Wave, readiness.ShareWithoutBarrier!.Value, readiness.DominantBarrier, readiness.ChangeSincePreviousWave));
        Assert.Contains("EHR: first readiness wave (pre go-live) closed: 0 % without a barrier, dominant barrier Knowledge", first.Changes.Select(DigestChangeText.Of));

        // A second wave a week later, with the nurse now ready on every element: the move is news the week it closes.
        var second = Assert.IsType<Outcome<Domain.Rounds.Round>.Done>(await _hosts.Get<AdkarService>().StartAsync(Tenant, Pm, Code, "go-live week", TimeSpan.FromDays(7), anonymous: false, Domain.Rounds.Audience.Everyone, default)).Value;
        var ready = AdkarAnswer.Create([new AdkarScore(5), new AdkarScore(5), new AdkarScore(4), new AdkarScore(4), new AdkarScore(4)], comment: null);
        Assert.IsType<Outcome<(Domain.Rounds.Round, Domain.Rounds.GivenAnswer<AdkarAnswer>)>.Done>(
            await _hosts.Get<Domain.Rounds.RoundEngine>().SubmitAsync(Tenant, Nurse, Code, AdkarRounds.Kind, second.Id, ready, default));
        _hosts.Clock.Advance(TimeSpan.FromDays(8));

        var moved = await PreviewAsync();
        Assert.Equal(("go-live week", 1m, (AdkarElement?)null, (decimal?)1m), (moved.Projects[0].Readiness!.Wave, moved.Projects[0].Readiness!.ShareWithoutBarrier!.Value, moved.Projects[0].Readiness!.DominantBarrier, moved.Projects[0].Readiness!.ChangeSincePreviousWave));
        Assert.Equal(
            ["EHR: readiness 0 % → 100 % without a barrier (pre go-live → go-live week), dominant barrier Knowledge → none"],
            moved.Changes.Where(c => c.Kind == DigestChangeKind.ReadinessMoved).Select(DigestChangeText.Of));
    }
}
