using System.Globalization;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The fields every risk form shares: the rating, one tap each on a 1–5 scale, and the mitigation with its due date.</summary>
public static class RiskFields
{
    public static ChoiceField Probability => new("probability", RiskTexts.Commands["Field_Probability"], true, Scale(), Compact: false);

    public static ChoiceField Impact => new("impact", RiskTexts.Commands["Field_Impact"], true, Scale(), Compact: false);

    public static TextField Mitigation => new("mitigation", RiskTexts.Commands["Field_Mitigation"], false, Risk.MaxTextLength);

    public static DateField Due => new("due", RiskTexts.Commands["Field_MitigationDue"], false);

    private static IReadOnlyList<(string Title, string Value)> Scale() =>
        [.. Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];
}
