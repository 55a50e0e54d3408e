using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Messaging;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// Who a round goes to, as the forms that start rounds (check-ins, waves) ask it: every stakeholder, or only some
/// disciplines or departments; the project's PMs only when the box is ticked.
/// </summary>
public static class AudienceFields
{
    /// <summary>Whether answers are kept with names: the choice every round's form asks, in the order its kind proposes.</summary>
    public static ChoiceField AnswersAre(params (string Title, string Value)[] choices) =>
        new("anonymous", Wording.Rounds["Round_AnswersAre"], true, choices, Compact: false);

    public static ChoiceField Disciplines => new(
        "disciplines",
        Wording.Rounds["Audience_Disciplines"],
        false,
        ProjectLabels.Choices<StakeholderRole>(ProjectLabels.Discipline),
        MultiSelect: true);

    /// <summary>One box to tick: the project's PMs get the round too (by default only stakeholders do).</summary>
    public static ChoiceField ProjectManagers => new(
        "pms",
        Wording.Rounds["Audience_ProjectManagers"],
        false,
        [(Wording.Rounds["Audience_IncludeProjectManagers"], "true")],
        MultiSelect: true,
        Compact: false);

    public static TextField Departments => new(
        "departments", Wording.Rounds["Audience_Departments"], false, 300, Wording.Rounds["Audience_DepartmentsPlaceholder"]);

    /// <summary>
    /// The audience the form's values name; the departments are typed text, checked for PHI in the
    /// project's <paramref name="context"/> (a finding goes beside the field: read before checking the form is valid).
    /// </summary>
    public static Audience Read(FormValues values, PhiContext context)
    {
        ArgumentNullException.ThrowIfNull(values);
        var disciplines = values.Choices(Disciplines).Select(Enum.Parse<StakeholderRole>).ToHashSet();
        var departments = values.Guarded(Departments, context)?.Value ?? string.Empty;
        return new Audience(
            disciplines,
            departments.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.OrdinalIgnoreCase),
            values.Choices(ProjectManagers).Contains("true"));
    }
}
