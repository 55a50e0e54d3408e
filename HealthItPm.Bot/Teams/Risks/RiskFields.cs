using System.Globalization;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Bot.Teams.Risks;

/// <summary>The fields every risk form shares: the rating, one tap each on a 1–5 scale, and the mitigation with its due date.</summary>
public static class RiskFields
{
    public static ChoiceField Probability => new("probability", Wording.Risks["Field_Probability"], true, Scale(), Compact: false);

    public static ChoiceField Impact => new("impact", Wording.Risks["Field_Impact"], true, Scale(), Compact: false);

    public static TextField Mitigation => new("mitigation", Wording.Risks["Field_Mitigation"], false, Risk.MaxTextLength);

    public static DateField Due => new("due", Wording.Risks["Field_MitigationDue"], false);

    private static IReadOnlyList<(string Title, string Value)> Scale() =>
        [.. Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];
}
