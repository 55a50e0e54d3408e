using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Digests;

/// <summary>The codes of what can be wrong with a digest subscription or its schedule.</summary>
[ProblemCodes]
public enum DigestProblem
{
    DigestOnlyLeaders,
    DigestSubscriptionsChangedMeanwhile,
    DigestNotSubscribed,
    DigestNotSubscribedYet,
    DigestSubscriptionChangedMeanwhile,
    DigestPickDay,
    DigestPickHour,
}

/// <summary>One factory per <see cref="DigestProblem"/>, named after its code.</summary>
public static class DigestProblems
{
    extension(Problem)
    {
        public static Problem DigestOnlyLeaders() => Problem.Of(DigestProblem.DigestOnlyLeaders);

        public static Problem DigestSubscriptionsChangedMeanwhile() => Problem.Of(DigestProblem.DigestSubscriptionsChangedMeanwhile);

        public static Problem DigestNotSubscribed() => Problem.Of(DigestProblem.DigestNotSubscribed);

        public static Problem DigestNotSubscribedYet() => Problem.Of(DigestProblem.DigestNotSubscribedYet);

        public static Problem DigestSubscriptionChangedMeanwhile() => Problem.Of(DigestProblem.DigestSubscriptionChangedMeanwhile);

        public static Problem DigestPickDay() => Problem.Of(DigestProblem.DigestPickDay);

        public static Problem DigestPickHour() => Problem.Of(DigestProblem.DigestPickHour);
    }
}
