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
/// The sentence naming who raised a concern and their words, in the reader's language: the domain keeps no sentences.
/// It gets the reporter's display name and the concern's guarded words and adds only the bot's own text.
/// </summary>
public delegate string ConcernWording(string reporterName, string text);

/// <summary>
/// A worry anyone on a project raises in a few words; a PM triages it into a risk (<see cref="Risk"/>)
/// or dismisses it with a reason (<see cref="DismissedBecause"/>). Its text and the reason are
/// <see cref="GuardedText"/>: checked for PHI before they can exist.
/// </summary>
public sealed record Concern(
    ProjectCode Project,
    int Number,
    GuardedText Text,
    PersonId ReportedBy,
    string ReporterName,
    DateTimeOffset At,
    ConcernState State = ConcernState.Reported,
    RiskId? Risk = null,
    GuardedText? DismissedBecause = null)
{
    public const int MaxTextLength = 500;

    public static Concern Raise(ProjectCode project, int number, GuardedText text, PersonId by, string name, DateTimeOffset at) =>
        new(
            project,
            number,
            GuardedText.Required(text, RiskFreeText.Concern, MaxTextLength),
            by,
            Common.Text.Required(name, ProjectFreeText.PersonName, ProjectMember.MaxNameLength),
            at);

    /// <summary>
    /// Who raised it and their words, in the sentence <paramref name="words"/> makes of them: the description of a risk logged from it.
    /// </summary>
    public GuardedText RaisedBy(ConcernWording words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return GuardedText.Composed(words(ReporterName, Text.Value));
    }

    public Concern LoggedAs(RiskId risk) => Triaged(ConcernState.LoggedAsRisk) with { Risk = risk };

    public Concern Dismissed(GuardedText? reason) => Triaged(ConcernState.Dismissed) with { DismissedBecause = GuardedText.Required(
        reason,
        RiskFreeText.DismissReason,
        Risks.Risk.MaxTextLength) };

    /// <summary>
    /// The concern with the field's text replaced by <see cref="RemovedText.Marker"/> (it held patient details); null when the
    /// field holds no text (or none any more). Allowed whatever became of the concern.
    /// </summary>
    public Concern? WithoutPatientDetails(RemovableText field)
    {
        var text = field switch
        {
            RemovableText.Concern => Text,
            RemovableText.ConcernDismissReason => DismissedBecause,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a concern's field."),
        };
        return text is null || RemovedText.IsRemoved(text) ? null
            : field == RemovableText.Concern ? this with { Text = RemovedText.Marker }
            : this with { DismissedBecause = RemovedText.Marker };
    }

    private Concern Triaged(ConcernState state) =>
        State == ConcernState.Reported
            ? this with { State = state }
            : throw new DomainException(State == ConcernState.Dismissed
                ? Problem.ConcernAlreadyDismissed()
                : Problem.ConcernAlreadyLogged(Risk!.Value));
}
