using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Security;

/// <summary>The codes of what can be wrong with who may reach the bot, as configured.</summary>
[ProblemCodes]
public enum SecurityProblem
{
    NoAllowedTenants,
}

/// <summary>One factory per <see cref="SecurityProblem"/>, named after its code.</summary>
public static class SecurityProblems
{
    extension(Problem)
    {
        public static Problem NoAllowedTenants() => Problem.Of(SecurityProblem.NoAllowedTenants);
    }
}
