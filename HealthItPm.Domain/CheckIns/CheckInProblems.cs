using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.CheckIns;

/// <summary>The codes of what can be wrong with a check-in's schedule or an answer to it.</summary>
[ProblemCodes]
public enum CheckInProblem
{
    CheckInTimesOutOfOrder,
    NoCheckInYet,
    ImpactOutOfRange,
    ImpactNeeded,
}

/// <summary>One factory per <see cref="CheckInProblem"/>, named after its code.</summary>
public static class CheckInProblems
{
    extension(Problem)
    {
        public static Problem CheckInTimesOutOfOrder(TimeSpan longest) => Problem.Of(CheckInProblem.CheckInTimesOutOfOrder, longest);

        public static Problem NoCheckInYet() => Problem.Of(CheckInProblem.NoCheckInYet);

        public static Problem ImpactOutOfRange() => Problem.Of(CheckInProblem.ImpactOutOfRange);

        public static Problem ImpactNeeded() => Problem.Of(CheckInProblem.ImpactNeeded);
    }
}
