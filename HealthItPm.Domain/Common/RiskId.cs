using System.Globalization;

namespace HealthItPm.Domain.Common;

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
