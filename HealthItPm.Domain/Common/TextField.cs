namespace HealthItPm.Domain.Common;

/// <summary>The stored texts patient details can be removed from.</summary>
public enum TextField
{
    RiskTitle,
    RiskDescription,
    RiskMitigation,
    RiskAcceptReason,
    CheckInBlocker,
}
