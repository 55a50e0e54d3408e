using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Tests.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.Readiness;

public sealed class AdkarAnswerSample : AnswerSample
{
    public override RoundKind Kind => AdkarRounds.Kind;

    public override object Filled() => AdkarAnswer.Create([new(1), new(2), new(3), new(4), new(5)], Guarded.From("Badge reader at bed 3"));
}
