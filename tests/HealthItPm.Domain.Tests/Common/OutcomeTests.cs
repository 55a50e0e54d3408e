using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Common;

public class OutcomeTests
{
    [Fact]
    public void A_refusal_problem_or_absence_carries_its_words_to_another_result_type()
    {
        Assert.Equal(new Outcome<int>.Refused("Only the PMs."), new Outcome<string>.Refused("Only the PMs.").Carry<int>());
        Assert.Equal(new Outcome<int>.Invalid("Too long."), new Outcome<string>.Invalid("Too long.").Carry<int>());
        Assert.Equal(new Outcome<int>.NotFound("No such project."), new Outcome<string>.NotFound("No such project.").Carry<int>());
    }

    [Fact]
    public void A_done_outcome_has_nothing_to_carry() =>
        Assert.Throws<InvalidOperationException>(() => new Outcome<string>.Done("EHR").Carry<int>());
}
