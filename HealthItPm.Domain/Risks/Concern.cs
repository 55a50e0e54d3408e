using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Risks;

public enum ConcernState
{
    Reported,
    LoggedAsRisk,
    Dismissed,
}

/// <summary>
/// A worry anyone on a project raises in a few words; a PM triages it into a risk or dismisses it
/// with a reason. The text is checked for PHI before it can exist.
/// </summary>
public sealed record Concern(ProjectCode Project, int Number, string Text, PersonId ReportedBy, string ReporterName, DateTimeOffset At, ConcernState State = ConcernState.Reported, string? Outcome = null)
{
    public const int MaxTextLength = 500;

    /// <summary>A concern, or the suspected PHI in its text (nothing is kept in that case), checked in the project's <paramref name="context"/>.</summary>
    public static (Concern? Concern, IReadOnlyList<PhiFinding> Phi) Raise(ProjectCode project, int number, string text, PersonId by, string name, DateTimeOffset at, PhiContext? context = null)
    {
        var checkedText = Common.Text.Required(text, "What worries you", MaxTextLength);
        var phi = PhiGuard.Scan(checkedText, context ?? PhiContext.None);
        return phi.Count > 0 ? (null, phi) : (new Concern(project, number, checkedText, by, Common.Text.Required(name, "A person's name", ProjectMember.MaxNameLength), at), phi);
    }

    /// <summary>Who raised it and their words: the description of a risk logged from it.</summary>
    public string RaisedBy => $"Raised by {ReporterName}: {Text}";

    public Concern LoggedAs(RiskId risk) => Triaged(ConcernState.LoggedAsRisk, risk.ToString());

    public Concern Dismissed(string reason) => Triaged(ConcernState.Dismissed, Common.Text.Required(reason, "A reason for dismissing the concern", Risk.MaxTextLength));

    private Concern Triaged(ConcernState state, string outcome) =>
        State == ConcernState.Reported
            ? this with { State = state, Outcome = outcome }
            : throw new DomainException($"This concern was already {(State == ConcernState.Dismissed ? "dismissed" : $"logged as {Outcome}")}.");
}
