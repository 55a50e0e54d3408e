using System.Globalization;
using HealthItPm.Bot.Cards.Forms;

namespace HealthItPm.Bot.Teams.Risks;

/// <summary>The rating fields every risk form shares: one tap each on a 1–5 scale.</summary>
public static class RiskFields
{
    public static ChoiceField Probability { get; } = new("probability", "Probability (1 rare – 5 almost certain)", true, Scale(), Compact: false);

    public static ChoiceField Impact { get; } = new("impact", "Impact (1 negligible – 5 severe)", true, Scale(), Compact: false);

    private static IReadOnlyList<(string Title, string Value)> Scale() =>
        [.. Enumerable.Range(1, 5).Select(i => (i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture)))];
}
