using HealthItPm.Domain.Common;
using HealthItPm.Domain.Security;

namespace HealthItPm.Domain.Projects;

/// <summary>The codes of what can be wrong with a request about a project, its people, milestones, budget or KPIs.</summary>
[ProblemCodes]
public enum ProjectProblem
{
    ProjectCodeTaken,
    ProjectChangedMeanwhile,
    DatesOutOfOrder,
    GoLiveInPast,
    NotAPhase,
    AlreadyInPhase,
    OnePhaseBackAtATime,
    AlreadyMember,
    NotAMember,
    LastProjectManager,
    AcknowledgementTimeOutOfRange,
    EscalationChainSize,
    EscalationChainNotLeaders,
    MilestoneWeightNotPositive,
    PercentCompleteOutOfRange,
    MilestoneAlreadyDone,
    MilestoneExists,
    NoSuchMilestone,
    MilestoneDoneInFuture,
    BudgetNotPositive,
    SpendNotPositive,
    SpendInFuture,
    KpiTargetNotBelowBaseline,
    KpiTargetNotAboveBaseline,
    KpiExists,
    NoSuchKpi,
    KpiMeasuredInFuture,
}

/// <summary>One factory per <see cref="ProjectProblem"/>, named after its code.</summary>
public static class ProjectProblems
{
    extension(Problem)
    {
        public static Problem ProjectCodeTaken(ProjectCode code) => Problem.Of(ProjectProblem.ProjectCodeTaken, code);

        public static Problem ProjectChangedMeanwhile(string projectName) =>
            Problem.Of(ProjectProblem.ProjectChangedMeanwhile, projectName);

        public static Problem DatesOutOfOrder() => Problem.Of(ProjectProblem.DatesOutOfOrder);

        public static Problem GoLiveInPast() => Problem.Of(ProjectProblem.GoLiveInPast);

        public static Problem NotAPhase() => Problem.Of(ProjectProblem.NotAPhase);

        public static Problem AlreadyInPhase(string projectName, ProjectPhase phase) =>
            Problem.Of(ProjectProblem.AlreadyInPhase, projectName, phase);

        public static Problem OnePhaseBackAtATime(string projectName, ProjectPhase from, ProjectPhase to) =>
            Problem.Of(ProjectProblem.OnePhaseBackAtATime, projectName, from, to);

        public static Problem AlreadyMember(string personName, ProjectRole role) =>
            Problem.Of(ProjectProblem.AlreadyMember, personName, role);

        public static Problem NotAMember() => Problem.Of(ProjectProblem.NotAMember);

        public static Problem LastProjectManager() => Problem.Of(ProjectProblem.LastProjectManager);

        public static Problem AcknowledgementTimeOutOfRange(TimeSpan min, TimeSpan max) =>
            Problem.Of(ProjectProblem.AcknowledgementTimeOutOfRange, min, max);

        public static Problem EscalationChainSize() => Problem.Of(ProjectProblem.EscalationChainSize);

        public static Problem EscalationChainNotLeaders() => Problem.Of(ProjectProblem.EscalationChainNotLeaders);

        public static Problem MilestoneWeightNotPositive() => Problem.Of(ProjectProblem.MilestoneWeightNotPositive);

        public static Problem PercentCompleteOutOfRange(int max) => Problem.Of(ProjectProblem.PercentCompleteOutOfRange, max);

        public static Problem MilestoneAlreadyDone(string milestone) => Problem.Of(ProjectProblem.MilestoneAlreadyDone, milestone);

        public static Problem MilestoneExists(string milestone) => Problem.Of(ProjectProblem.MilestoneExists, milestone);

        public static Problem NoSuchMilestone(string milestone) => Problem.Of(ProjectProblem.NoSuchMilestone, milestone);

        public static Problem MilestoneDoneInFuture() => Problem.Of(ProjectProblem.MilestoneDoneInFuture);

        public static Problem BudgetNotPositive() => Problem.Of(ProjectProblem.BudgetNotPositive);

        public static Problem SpendNotPositive() => Problem.Of(ProjectProblem.SpendNotPositive);

        public static Problem SpendInFuture() => Problem.Of(ProjectProblem.SpendInFuture);

        public static Problem KpiTargetNotBelowBaseline() => Problem.Of(ProjectProblem.KpiTargetNotBelowBaseline);

        public static Problem KpiTargetNotAboveBaseline() => Problem.Of(ProjectProblem.KpiTargetNotAboveBaseline);

        public static Problem KpiExists(string kpi) => Problem.Of(ProjectProblem.KpiExists, kpi);

        public static Problem NoSuchKpi(string kpi) => Problem.Of(ProjectProblem.NoSuchKpi, kpi);

        public static Problem KpiMeasuredInFuture() => Problem.Of(ProjectProblem.KpiMeasuredInFuture);
    }
}
