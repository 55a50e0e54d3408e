using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Cards.Projects;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Teams.Rounds;

/// <summary>Who a round goes to, as the forms that start rounds (check-ins, waves) ask it: everyone, or only some disciplines or departments.</summary>
public static class AudienceFields
{
    public static readonly ChoiceField Disciplines = new("disciplines", "Only these disciplines (optional; everyone if none)", false, ProjectLabels.Choices<StakeholderRole>(ProjectLabels.Discipline), MultiSelect: true);

    public static readonly TextField Departments = new("departments", "Only these departments (optional, comma-separated)", false, 300, "e.g. ICU, Pharmacy");

    /// <summary>The audience the form's values name (call after checking the form is valid).</summary>
    public static Audience Read(FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Audience(
            values.Choices(Disciplines).Select(Enum.Parse<StakeholderRole>).ToHashSet(),
            (values.Text(Departments) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }
}
