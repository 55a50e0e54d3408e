using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Tests.Rounds;
using HealthItPm.Testing;

namespace HealthItPm.Domain.Tests.GoLive;

public sealed class GoLiveVoteSample : AnswerSample
{
    public override RoundKind Kind => GoLiveRounds.Kind;

    public override object Filled() =>
        GoLiveVote.Restore(VoteChoice.NoGo, Guarded.From("Only after the drill"), Guarded.From("Interfaces untested"));
}

public sealed class AttestAnswerSample : AnswerSample
{
    public override RoundKind Kind => AttestRounds.Kind;

    public override object Filled() => AttestAnswer.Restore(2, AttestedState.Met, Guarded.From("Downtime drill signed off"));
}
