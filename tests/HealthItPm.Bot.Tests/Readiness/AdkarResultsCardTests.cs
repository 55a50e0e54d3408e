using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Features.Readiness;

namespace HealthItPm.Bot.Tests.Readiness;

/// <summary>The results card words the groups the domain leaves unnamed.</summary>
public class AdkarResultsCardTests
{
    [Fact]
    public void People_with_no_department_are_shown_as_a_group_called_no_department()
    {
        var some = AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", AdkarCardFixtures.Results(60, 2, withPrevious: false, noDepartmentEvery: 3), "America/Chicago")).ToString();
        var none = AdkarResultsCard.Build(new AdkarResultsModel("EHR", "Epic EHR go-live", AdkarCardFixtures.Results(60, 2, withPrevious: false), "America/Chicago")).ToString();

        Assert.Contains("No department", some, StringComparison.Ordinal);
        Assert.DoesNotContain("No department", none, StringComparison.Ordinal);
    }
}
