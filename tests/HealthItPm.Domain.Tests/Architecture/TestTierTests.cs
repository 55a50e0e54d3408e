using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Architecture;

/// <summary>Domain tests run in tools/test --fast: none may start Azurite, a process or Chromium without saying so.</summary>
public class TestTierTests
{
    [Fact]
    public void Every_test_class_says_what_it_starts_outside_the_test_process()
    {
        var offences = TestTiers.Offences(typeof(TestTierTests).Assembly);

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }
}
