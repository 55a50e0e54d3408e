namespace HealthItPm.Domain.Common;

/// <summary>The stored texts patient details can be removed from.</summary>
public enum RemovableText
{
    RiskTitle,
    RiskDescription,
    RiskMitigation,
    RiskAcceptReason,
    CheckInBlocker,
}
