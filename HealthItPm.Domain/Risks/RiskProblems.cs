using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Risks;

/// <summary>The codes of what can be wrong with a request about a risk, its escalation or a concern.</summary>
[ProblemCodes]
public enum RiskProblem
{
    RatingOutOfRange,
    NoSuchRisk,
    RiskChangedMeanwhile,
    RiskClosed,
    CannotEscalate,
    NotEscalated,
    AlreadyAcknowledged,
    AlreadyAccepted,
    OwnerNotOnProject,
    PickOwner,
    MitigationNeedsBoth,
    ConcernGone,
    ConcernTriagedMeanwhile,
    ConcernAlreadyDismissed,
    ConcernAlreadyLogged,
}

/// <summary>One factory per <see cref="RiskProblem"/>, named after its code.</summary>
public static class RiskProblems
{
    extension(Problem)
    {
        public static Problem RatingOutOfRange() => Problem.Of(RiskProblem.RatingOutOfRange);

        public static Problem NoSuchRisk(RiskId risk) => Problem.Of(RiskProblem.NoSuchRisk, risk);

        public static Problem RiskChangedMeanwhile(RiskId risk) => Problem.Of(RiskProblem.RiskChangedMeanwhile, risk);

        public static Problem RiskClosed(RiskId risk) => Problem.Of(RiskProblem.RiskClosed, risk);

        public static Problem CannotEscalate(RiskId risk, int level, RiskStatus status, int currentLevel) =>
            Problem.Of(RiskProblem.CannotEscalate, risk, level, status, currentLevel);

        public static Problem NotEscalated(RiskId risk) => Problem.Of(RiskProblem.NotEscalated, risk);

        public static Problem AlreadyAcknowledged(RiskId risk, DateTimeOffset at) => Problem.Of(RiskProblem.AlreadyAcknowledged, risk, at);

        public static Problem AlreadyAccepted(RiskId risk) => Problem.Of(RiskProblem.AlreadyAccepted, risk);

        public static Problem OwnerNotOnProject() => Problem.Of(RiskProblem.OwnerNotOnProject);

        /// <summary>The owner sent is not one of those offered (a tampered or out-of-date card).</summary>
        public static Problem PickOwner() => Problem.Of(RiskProblem.PickOwner);

        public static Problem MitigationNeedsBoth() => Problem.Of(RiskProblem.MitigationNeedsBoth);

        public static Problem ConcernGone() => Problem.Of(RiskProblem.ConcernGone);

        public static Problem ConcernTriagedMeanwhile() => Problem.Of(RiskProblem.ConcernTriagedMeanwhile);

        public static Problem ConcernAlreadyDismissed() => Problem.Of(RiskProblem.ConcernAlreadyDismissed);

        public static Problem ConcernAlreadyLogged(RiskId risk) => Problem.Of(RiskProblem.ConcernAlreadyLogged, risk);
    }
}
