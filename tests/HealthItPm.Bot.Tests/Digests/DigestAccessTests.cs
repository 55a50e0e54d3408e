using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Delivery;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using Newtonsoft.Json.Linq;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>
/// The digest reaches only whom the access table says, tried as an attacker would, through the real endpoint:
/// a stakeholder who is no leader, a leader removed from the project, an outsider and another project's PM
/// posting the card's action by hand. Each is refused with a sentence that says what to do, never a failed
/// turn, and never told to run a command that would be refused.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class DigestAccessTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string PharmacistChat = "a:pharmacist-chat";
    private const string CioChat = "a:cio-chat";
    private const string Digest = "Weekly digest";
    private const string WhatYouCanDo = "Type **help** to see what you can do.";
    private static readonly PersonId Cio = new(TestActivities.CioAadId);

    private readonly TwoHosts _hosts = new(azurite);

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private Task<string> SayAsync(string text, string chat, Microsoft.Bot.Schema.ChannelAccount from) => _hosts.SayAsync(text, chat, from);

    private Task<string> SubmitAsync(string verb, JObject data, string chat, Microsoft.Bot.Schema.ChannelAccount from) => _hosts.SubmitAsync(verb, data, chat, from);

    [Theory]
    [InlineData("digest subscribe", "the leaders")]
    [InlineData("digest preview", "the project managers or the leaders")]
    [InlineData("digest now", "the project managers")]
    [InlineData("digest unsubscribe", "the leaders")]
    [InlineData("digest settings", "the leaders")]
    public async Task A_stakeholder_who_leads_nothing_hears_who_may_and_where_to_see_what_she_can_do(string command, string who)
    {
        await _hosts.SetUpProjectAsync();

        var answer = await SayAsync(command, NurseChat, TestActivities.Nurse);

        Assert.Contains($"Only {who} of a project can do that, and you are not one on any project you are on. {WhatYouCanDo}", answer, StringComparison.Ordinal);
        Assert.Contains("Not allowed", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't work", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("**digest", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stakeholder_who_leads_nothing_cannot_preview_a_project_and_sees_no_figures_her_status_hides()
    {
        await _hosts.SetUpProjectAsync();

        var answer = await SayAsync("digest preview EHR", NurseChat, TestActivities.Nurse);

        Assert.Contains("Only the project managers of Epic EHR go-live or the leaders can do that.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Digest, answer, StringComparison.Ordinal);
        Assert.DoesNotContain("CPI", answer, StringComparison.Ordinal);
        Assert.Contains(Digest, await SayAsync("digest preview EHR", PmChat, TestActivities.Pm), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_removed_from_the_project_no_longer_previews_it_nor_gets_its_digest()
    {
        await _hosts.SetUpProjectAsync(pharmacistRole: ProjectRole.Leader);
        await _hosts.GiveChatAsync(Pharmacist, PharmacistChat);
        Assert.Contains("Leaders subscribed", await SubmitAsync(CardVerbs.SubscribeLeaders, new JObject { ["project"] = "EHR", ["leaders"] = Pharmacist.Value }, PmChat, TestActivities.Pm), StringComparison.Ordinal);
        Assert.Contains(Digest, await SayAsync("digest preview", PharmacistChat, TestActivities.Pharmacist), StringComparison.Ordinal);

        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(Pharmacist), default));

        // She still has her subscription, but it follows her membership: nothing of EHR to preview, nothing sent.
        Assert.NotNull(await _hosts.Get<IDigestStore>().GetAsync(Tenant, Pharmacist, default));
        Assert.Contains("You are not on a project with the code EHR.", await SayAsync("digest preview EHR", PharmacistChat, TestActivities.Pharmacist), StringComparison.Ordinal);
        var preview = await SayAsync("digest preview", PharmacistChat, TestActivities.Pharmacist);
        Assert.Contains("Only the project managers or the leaders of a project can do that", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(Digest, preview, StringComparison.Ordinal);
        Assert.Contains("Nobody to send to", await SayAsync("digest now", PmChat, TestActivities.Pm), StringComparison.Ordinal);

        // Monday 07:00 comes in her zone (Chicago, as her Teams reported): the job hands her week's digest to the pipeline, which sends nothing.
        var previewsShown = _hosts.CardsTo(PharmacistChat, Digest);
        await _hosts.AfterAsync(TimeSpan.FromHours(2));
        var record = await _hosts.Get<IDeliveryLedger>().GetAsync(Tenant, DeliveryTopics.DigestOf(new IsoWeek(2026, 49)), Pharmacist, default);
        Assert.Equal(DeliveryState.NotNeeded, record!.State);
        Assert.Equal(previewsShown, _hosts.CardsTo(PharmacistChat, Digest));
    }

    [Fact]
    public async Task The_leaders_form_posted_by_hand_by_anyone_but_its_pms_is_refused_and_names_no_leader()
    {
        await _hosts.SetUpProjectAsync(pharmacistRole: ProjectRole.Leader);
        // The CIO manages another project, not EHR.
        var creator = new ProjectMember(Pm, "Priya Shah", ProjectRole.ProjectManager, StakeholderRole.It, null);
        var today = DateOnly.FromDateTime(_hosts.Clock.GetUtcNow().UtcDateTime);
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().CreateAsync(Tenant, creator, new NewProject("LAB", Guarded.From("Lab system"), ProjectKind.Other, today, today.AddDays(30), today.AddDays(60), "UTC"), default));
        Assert.IsType<Outcome<Project>.Done>(await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode("LAB"), ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.ProjectManager, StakeholderRole.It, null)), default));

        foreach (var data in new[] { new JObject { ["project"] = "EHR" }, new JObject { ["project"] = "EHR", ["leaders"] = Pharmacist.Value } })
        {
            var otherPm = await SubmitAsync(CardVerbs.SubscribeLeaders, data, CioChat, TestActivities.Cio);
            var stakeholder = await SubmitAsync(CardVerbs.SubscribeLeaders, data, NurseChat, TestActivities.Nurse);

            Assert.Contains("You are not on a project with the code EHR.", otherPm, StringComparison.Ordinal);
            Assert.Contains("Only the project managers of Epic EHR go-live (Priya Shah) can do that.", stakeholder, StringComparison.Ordinal);
            Assert.All(new[] { otherPm, stakeholder }, answer =>
            {
                Assert.DoesNotContain("Grace Kim", answer, StringComparison.Ordinal);
                Assert.DoesNotContain(Pharmacist.Value, answer, StringComparison.Ordinal);
            });
        }

        Assert.Null(await _hosts.Get<IDigestStore>().GetAsync(Tenant, Pharmacist, default));
    }

    [Fact]
    public async Task The_settings_form_posted_by_hand_by_someone_who_leads_nothing_is_refused()
    {
        await _hosts.SetUpProjectAsync();

        var answer = await SubmitAsync(CardVerbs.DigestSettings, new JObject { ["day"] = "Friday", ["hour"] = "16" }, NurseChat, TestActivities.Nurse);

        Assert.Contains("Only the leaders of a project can do that", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("digest subscribe", answer, StringComparison.Ordinal);
        Assert.Null(await _hosts.Get<IDigestStore>().GetAsync(Tenant, Nurse, default));
    }
}
