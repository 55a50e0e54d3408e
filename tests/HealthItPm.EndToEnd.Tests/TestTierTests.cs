using HealthItPm.Testing;

namespace HealthItPm.EndToEnd.Tests;

/// <summary>
/// Every end-to-end class says what it starts, so tools/test --fast leaves it out: the rule the other
/// test projects follow, checked here too (TestTiers).
/// </summary>
public class TestTierTests
{
    [Fact]
    public void Every_test_class_says_what_it_starts_outside_the_test_process()
    {
        var offences = TestTiers.Offences(typeof(TestTierTests).Assembly);

        Assert.True(offences.Count == 0, string.Join("\n", offences));
    }
}
