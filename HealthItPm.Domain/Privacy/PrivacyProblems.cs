using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Privacy;

/// <summary>The codes of what the PHI guard finds wrong with free text.</summary>
[ProblemCodes]
public enum PrivacyProblem
{
    PhiFound,
}

/// <summary>One factory per <see cref="PrivacyProblem"/>, named after its code.</summary>
public static class PrivacyProblems
{
    extension(Problem)
    {
        /// <summary>
        /// Suspected PHI in <paramref name="text"/>: each finding's kind with the suspected part masked (<see cref="PhiGuard.Masked"/>).
        /// </summary>
        public static Problem PhiFound(string text, IReadOnlyList<PhiFinding> findings) =>
            Problem.Of(PrivacyProblem.PhiFound, PhiGuard.PointOut(text, findings));
    }
}
