using System.Globalization;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Features.Risks;

/// <summary>The fields every risk form shares: the rating, one tap each on a 1–5 scale, and the mitigation with its due date.</summary>
public static class RiskFields
{
    public static ChoiceField Probability => new("probability", RiskTexts.Commands["Field_Probability"], true, Scale(), Compact: false);

    public static ChoiceField Impact => new("impact", RiskTexts.Commands["Field_Impact"], true, Scale(), Compact: false);

    public static TextField Mitigation => new("mitigation", RiskTexts.Commands["Field_Mitigation"], false, Risk.MaxTextLength);

    public static DateField Due => new("due", RiskTexts.Commands["Field_MitigationDue"], false);

    /// <summary>The label of the form field a risk's text was typed in: the removal's confirmation names each text so.</summary>
    public static string FormLabel(RemovableText field) => field switch
    {
        RemovableText.RiskTitle => RiskTexts.Commands["RiskAdd_Risk"],
        RemovableText.RiskDescription => RiskTexts.Commands["RiskAdd_Description"],
        RemovableText.RiskMitigation => RiskTexts.Commands["Field_Mitigation"],
        RemovableText.RiskAcceptReason => RiskTexts.Cards["Risk_AcceptReason"],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a risk's text."),
    };

    private static IReadOnlyList<(string Title, string Value)> Scale() =>
        [.. Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];
}
