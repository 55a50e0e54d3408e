using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.GoLive;

/// <summary>The codes of what can be wrong with a request about a go-live gate.</summary>
[ProblemCodes]
public enum GoLiveProblem
{
    NoGateYet,
    NoSuchCriterion,
    GateDateInPast,
    OwnerNotOnGateProject,
    ThresholdOutOfRange,
    SubjectRequired,
    StaleDaysOutOfRange,
    CheckpointDaysOutOfRange,
    TooManyCriteria,
    NotCriterionOwner,
    CriterionIsComputed,
    GateChangedMeanwhile,
    PanelEmpty,
    SponsorNotOnPanel,
    NothingToAttest,
    NotAskedInRound,
    VoteAlreadyOpen,
}

/// <summary>One factory per <see cref="GoLiveProblem"/>, named after its code.</summary>
public static class GoLiveProblems
{
    extension(Problem)
    {
        public static Problem NoGateYet(ProjectCode project) => Problem.Of(GoLiveProblem.NoGateYet, project);

        public static Problem NoSuchCriterion(int number) => Problem.Of(GoLiveProblem.NoSuchCriterion, number);

        public static Problem GateDateInPast() => Problem.Of(GoLiveProblem.GateDateInPast);

        public static Problem OwnerNotOnGateProject() => Problem.Of(GoLiveProblem.OwnerNotOnGateProject);

        public static Problem ThresholdOutOfRange(int min, int max) => Problem.Of(GoLiveProblem.ThresholdOutOfRange, min, max);

        public static Problem SubjectRequired() => Problem.Of(GoLiveProblem.SubjectRequired);

        public static Problem StaleDaysOutOfRange(int max) => Problem.Of(GoLiveProblem.StaleDaysOutOfRange, max);

        public static Problem CheckpointDaysOutOfRange(int max) => Problem.Of(GoLiveProblem.CheckpointDaysOutOfRange, max);

        public static Problem TooManyCriteria(int max) => Problem.Of(GoLiveProblem.TooManyCriteria, max);

        public static Problem NotCriterionOwner(int number) => Problem.Of(GoLiveProblem.NotCriterionOwner, number);

        public static Problem CriterionIsComputed(int number) => Problem.Of(GoLiveProblem.CriterionIsComputed, number);

        public static Problem GateChangedMeanwhile() => Problem.Of(GoLiveProblem.GateChangedMeanwhile);

        public static Problem PanelEmpty() => Problem.Of(GoLiveProblem.PanelEmpty);

        public static Problem SponsorNotOnPanel() => Problem.Of(GoLiveProblem.SponsorNotOnPanel);

        public static Problem NothingToAttest(ProjectCode project) => Problem.Of(GoLiveProblem.NothingToAttest, project);

        public static Problem NotAskedInRound(int number) => Problem.Of(GoLiveProblem.NotAskedInRound, number);

        public static Problem VoteAlreadyOpen(ProjectCode project, DateTimeOffset closesAt) =>
            Problem.Of(GoLiveProblem.VoteAlreadyOpen, project, closesAt);
    }
}
