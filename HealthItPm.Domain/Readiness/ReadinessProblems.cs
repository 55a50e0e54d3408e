using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Readiness;

/// <summary>The codes of what can be wrong with an ADKAR wave or an answer to it.</summary>
[ProblemCodes]
public enum ReadinessProblem
{
    AdkarScoreOutOfRange,
    AdkarAllFiveScored,
    WaveLengthOutOfRange,
    NoSurveyYet,
    NoSuchWave,
}

/// <summary>One factory per <see cref="ReadinessProblem"/>, named after its code.</summary>
public static class ReadinessProblems
{
    extension(Problem)
    {
        public static Problem AdkarScoreOutOfRange() => Problem.Of(ReadinessProblem.AdkarScoreOutOfRange);

        public static Problem AdkarAllFiveScored() => Problem.Of(ReadinessProblem.AdkarAllFiveScored);

        public static Problem WaveLengthOutOfRange(TimeSpan shortest, TimeSpan longest) =>
            Problem.Of(ReadinessProblem.WaveLengthOutOfRange, shortest, longest);

        public static Problem NoSurveyYet() => Problem.Of(ReadinessProblem.NoSurveyYet);

        public static Problem NoSuchWave(string wave) => Problem.Of(ReadinessProblem.NoSuchWave, wave);
    }
}
