using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Digests;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;

using static HealthItPm.Bot.Tests.Support.TwoHosts;

namespace HealthItPm.Bot.Tests.Digests;

/// <summary>
/// A portfolio subscription follows the projects its leader leads now: one made before they lead anything
/// is kept, and covers a project they become a leader of later, in their settings, in <c>digest now</c> and in
/// the digest itself.
/// </summary>
[Trait("Needs", "Azurite")]
public sealed class PortfolioSubscriptionTests(AzuriteFixture azurite) : IAsyncLifetime, IClassFixture<AzuriteFixture>
{
    private const string CioChat = "a:cio-chat";
    private static readonly PersonId Cio = new(TestActivities.CioAadId);

    private readonly TwoHosts _hosts = new(azurite, new Dictionary<string, string?> { ["Access:AdminIds:0"] = TestActivities.CioAadId });

    public Task InitializeAsync() => _hosts.InitializeAsync();

    public Task DisposeAsync() => _hosts.DisposeAsync();

    private Task<string> SayAsync(string text, string chat, Microsoft.Bot.Schema.ChannelAccount from) => _hosts.SayAsync(text, chat, from);

    [Fact]
    public async Task An_admin_who_subscribes_to_his_portfolio_before_leading_a_project_gets_the_project_he_leads_later()
    {
        await _hosts.SetUpProjectAsync();
        await _hosts.GiveChatAsync(Cio, CioChat);

        // He leads nothing yet: told so, not "subscribed to the portfolio you lead"; the subscription is kept.
        var subscribed = await SayAsync("digest subscribe", CioChat, TestActivities.Cio);
        Assert.DoesNotContain("Subscribed to the weekly digest", subscribed, StringComparison.Ordinal);
        Assert.Contains("You lead no project yet, so there is nothing to send. Your subscription is kept", subscribed, StringComparison.Ordinal);
        Assert.Contains("you get it every Monday at 07:00 (America/Chicago)", subscribed, StringComparison.Ordinal);
        Assert.True((await _hosts.Get<IDigestStore>().GetAsync(Tenant, Cio, default))!.Subscription.Portfolio);

        await _hosts.Get<ProjectService>().ChangeAsync(Tenant, Pm, Code, Domain.Security.ProjectAction.ManageStakeholders, (p, _) =>
            p.AddMember(new ProjectMember(Cio, "Dr. Marcus Lee", ProjectRole.Leader, StakeholderRole.Leader, Guarded.From("Executive"))), default);

        Assert.Contains("When your digest arrives", await SayAsync("digest settings", CioChat, TestActivities.Cio), StringComparison.Ordinal);
        var now = await SayAsync("digest now", PmChat, TestActivities.Pm);
        Assert.DoesNotContain("Nobody to send to", now, StringComparison.Ordinal);
        await _hosts.BothDeliverAsync();
        Assert.Equal(1, _hosts.CardsTo(CioChat, "Epic EHR go-live"));

        // Leading a project now, a second subscribe says what he gets.
        Assert.Contains("You will get the portfolio you lead every Monday", await SayAsync("digest subscribe", CioChat, TestActivities.Cio), StringComparison.Ordinal);
    }
}
