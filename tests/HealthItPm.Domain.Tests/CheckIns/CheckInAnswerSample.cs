using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Tests.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.CheckIns;

public sealed class CheckInAnswerSample : AnswerSample
{
    public override RoundKind Kind => CheckInRounds.Kind;

    public override object Filled() =>
        CheckInAnswer.Create(CheckInStatus.Blocked, new WorkflowImpact(3), Guarded.From("Scanner fails at bed 3"), true);
}
