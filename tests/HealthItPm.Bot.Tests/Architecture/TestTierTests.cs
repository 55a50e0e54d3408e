using System.Diagnostics;
using HealthItPm.Bot.Tests.CardChecks;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// tools/test --fast leaves out the classes that say they start Azurite, a process or Chromium; this
/// holds what they say to what their code does (TestTiers), and shows the check sees each way in.
/// </summary>
public class TestTierTests
{
    [Fact]
    public void Every_test_class_says_what_it_starts_outside_the_test_process()
    {
        var offences = TestTiers.Offences(typeof(TestTierTests).Assembly);

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }

    [Fact]
    public void Azurite_started_inside_an_async_lambda_is_seen()
    {
        var needs = TestTiers.Needs(typeof(StartsAzuriteInALambda));

        Assert.Equal([TestTiers.Azurite], needs.Keys);
        Assert.EndsWith("AzuriteFixture.new", needs[TestTiers.Azurite], StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_fixture_that_starts_azurite_is_seen() =>
        Assert.Equal([TestTiers.Azurite], TestTiers.Needs(typeof(OnTheSharedBot)).Keys);

    [Fact]
    public void A_class_fixture_that_launches_chromium_is_seen() =>
        Assert.Equal([TestTiers.Chromium], TestTiers.Needs(typeof(RendersInChromium)).Keys);

    [Fact]
    public void A_process_started_in_a_local_function_is_seen() =>
        Assert.Equal([TestTiers.Processes], TestTiers.Needs(typeof(StartsAProcess)).Keys);

    [Fact]
    public void The_bot_hosted_in_process_without_storage_needs_nothing() =>
        Assert.Empty(TestTiers.Needs(typeof(HostsTheBotInProcess)));

    private static class StartsAzuriteInALambda
    {
        public static Task RunAsync() => Task.Run(async () =>
        {
            var azurite = new AzuriteFixture();
            await azurite.InitializeAsync();
            await azurite.DisposeAsync();
        });
    }

    [Collection(SharedBotEnvironment.Name)]
    private sealed class OnTheSharedBot(BotEnvironment env)
    {
        public BotHost Host => env.Host;
    }

    private sealed class RendersInChromium(OfficialCardRenderer renderer) : IClassFixture<OfficialCardRenderer>
    {
        public OfficialCardRenderer Renderer => renderer;
    }

    private static class StartsAProcess
    {
        public static void Run()
        {
            Start();

            static void Start() => Process.Start("true")?.Dispose();
        }
    }

    private static class HostsTheBotInProcess
    {
        public static void Run()
        {
            using var host = new BotHost("UseDevelopmentStorage=true");
            _ = host.Server;
        }
    }
}
