using System.Globalization;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;

namespace HealthItPm.Domain.Risks;

public enum RiskCategory
{
    PatientSafety,
    PrivacyRegulatory,
    Schedule,
    Budget,
    TechnicalIntegration,
    Vendor,
    Adoption,
}

public enum RiskBand
{
    Low,
    Medium,
    High,
    Critical,
}

public enum RiskStatus
{
    Open,
    Mitigating,
    Escalated,
    Accepted,
    Closed,
}

/// <summary>
/// Probability and impact, each 1 (rare, negligible) to 5 (almost certain, severe). Score = P × I;
/// bands: low 1–4, medium 5–9, high 10–14, critical 15–25.
/// </summary>
public readonly record struct RiskRating
{
    public RiskRating(int probability, int impact)
    {
        if (probability is < 1 or > 5 || impact is < 1 or > 5)
        {
            throw new DomainException("Probability and impact are each from 1 to 5.");
        }

        Probability = probability;
        Impact = impact;
    }

    public int Probability { get; }

    public int Impact { get; }

    public int Score => Probability * Impact;

    public RiskBand Band => Score switch
    {
        >= 15 => RiskBand.Critical,
        >= 10 => RiskBand.High,
        >= 5 => RiskBand.Medium,
        _ => RiskBand.Low,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Probability}×I{Impact} = {Score} ({Band})");
}

/// <summary>A risk's id as people say it: the project code, "-R", and its number in the project ("EHR-R7").</summary>
public readonly record struct RiskId(ProjectCode Project, int Number)
{
    public static bool TryParse(string? text, out RiskId id)
    {
        id = default;
        var parts = text?.Trim().Split("-R", 2, StringSplitOptions.None);
        if (parts is not { Length: 2 } || !ProjectCode.TryParse(parts[0], out var project)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            return false;
        }

        id = new RiskId(project, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Project}-R{Number}");
}

/// <summary>One change to a risk: who, when, what, and the value before and after (the audit trail).</summary>
public sealed record RiskEvent(DateTimeOffset At, PersonId? By, string What, string? Before = null, string? After = null);
