namespace HealthItPm.Domain.Common;

/// <summary>The stored texts patient details can be removed from.</summary>
public enum RemovableText
{
    RiskTitle,
    RiskDescription,
    RiskMitigation,
    RiskAcceptReason,

    /// <summary>Words in a free-text field of a round's answers (the fields its kind declares), never saying whose.</summary>
    RoundAnswer,
    Concern,
    ConcernDismissReason,
}
