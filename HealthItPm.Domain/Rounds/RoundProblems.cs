using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Rounds;

/// <summary>The codes of what can be wrong with a round of any kind: its times, its audience, an answer to it.</summary>
[ProblemCodes]
public enum RoundProblem
{
    RoundTimesOutOfOrder,
    NoStakeholdersMatch,
    RoundGone,
    RoundNotSentToYou,
    RoundClosed,
    RoundAnswersWithheld,
}

/// <summary>One factory per <see cref="RoundProblem"/>, named after its code.</summary>
public static class RoundProblems
{
    extension(Problem)
    {
        public static Problem RoundTimesOutOfOrder() => Problem.Of(RoundProblem.RoundTimesOutOfOrder);

        public static Problem NoStakeholdersMatch(string projectName, RoundKind kind) =>
            Problem.Of(RoundProblem.NoStakeholdersMatch, projectName, kind);

        public static Problem RoundGone(RoundKind kind) => Problem.Of(RoundProblem.RoundGone, kind);

        public static Problem RoundNotSentToYou(RoundKind kind) => Problem.Of(RoundProblem.RoundNotSentToYou, kind);

        public static Problem RoundClosed(RoundKind kind, DateTimeOffset closedAt) => Problem.Of(RoundProblem.RoundClosed, kind, closedAt);

        public static Problem RoundAnswersWithheld(RoundKind kind) => Problem.Of(RoundProblem.RoundAnswersWithheld, kind);
    }
}
