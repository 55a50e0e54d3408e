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
/// A worry anyone on a project raises in a few words; a PM triages it into a risk (<see cref="Risk"/>)
/// or dismisses it with a reason (<see cref="DismissedBecause"/>). Its text and the reason are
/// <see cref="GuardedText"/>: checked for PHI before they can exist.
/// </summary>
public sealed record Concern(ProjectCode Project, int Number, GuardedText Text, PersonId ReportedBy, string ReporterName, DateTimeOffset At, ConcernState State = ConcernState.Reported, RiskId? Risk = null, GuardedText? DismissedBecause = null)
{
    public const int MaxTextLength = 500;

    public static Concern Raise(ProjectCode project, int number, GuardedText text, PersonId by, string name, DateTimeOffset at) =>
        new(project, number, Common.Text.Required(text, FreeText.Concern, MaxTextLength), by, Common.Text.Required(name, FreeText.PersonName, ProjectMember.MaxNameLength), at);

    /// <summary>Who raised it and their words: the description of a risk logged from it.</summary>
    public GuardedText RaisedBy => GuardedText.Composed($"Raised by {ReporterName}: {Text}");

    public Concern LoggedAs(RiskId risk) => Triaged(ConcernState.LoggedAsRisk) with { Risk = risk };

    public Concern Dismissed(GuardedText? reason) => Triaged(ConcernState.Dismissed) with { DismissedBecause = Common.Text.Required(reason, FreeText.DismissReason, Risks.Risk.MaxTextLength) };

    private Concern Triaged(ConcernState state) =>
        State == ConcernState.Reported
            ? this with { State = state }
            : throw new DomainException(State == ConcernState.Dismissed ? Problem.ConcernAlreadyDismissed() : Problem.ConcernAlreadyLogged(Risk!.Value));
}
