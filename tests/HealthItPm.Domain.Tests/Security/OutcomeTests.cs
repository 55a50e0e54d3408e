using HealthItPm.Domain.Common;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Security;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Security;

public class OutcomeTests
{
    [Fact]
    public void A_refusal_problem_or_absence_carries_its_words_to_another_result_type()
    {
        var refusal = new Refusal(
            RefusalCode.OnlyFor, ProjectAction.ManageBudget, new ProjectCode("EHR"), "Epic", ["Priya Shah"], Who.ProjectManagers);
        Assert.Equal(new Outcome<int>.Refused(refusal), new Outcome<string>.Refused(refusal).Carry<int>());
        Assert.Equal(
            new Outcome<int>.Invalid(Problem.TooLong(RiskFreeText.RiskTitle, 120, 121)),
            new Outcome<string>.Invalid(Problem.TooLong(RiskFreeText.RiskTitle, 120, 121)).Carry<int>());
        Assert.Equal(
            new Outcome<int>.NotFound(Problem.NoSuchWave("pre go-live")),
            new Outcome<string>.NotFound(Problem.NoSuchWave("pre go-live")).Carry<int>());
    }

    [Fact]
    public void A_done_outcome_has_nothing_to_carry() =>
        Assert.Throws<InvalidOperationException>(() => new Outcome<string>.Done("EHR").Carry<int>());
}
