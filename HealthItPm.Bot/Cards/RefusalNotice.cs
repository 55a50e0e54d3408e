using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Puts a refusal from the domain into words. Every value in it that people typed (a project's name,
/// its PMs' names) is escaped here, so a project named like a link or a date function reads as text.
/// </summary>
public static class RefusalNotice
{
    private static readonly Who[] RolesInOrder = [Who.ProjectManagers, Who.RiskOwner, Who.Leaders, Who.EscalationChain, Who.Stakeholders];

    private static TextResource Texts => CardTexts.Common;

    /// <summary>The refusal's title and why, ending with where to see what the person may do instead (help offers only that).</summary>
    public static NoticeCardModel Of(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var (title, why) = refusal.Code switch
        {
            RefusalCode.NotOnProject => (Texts["Refusal_NotFound"], Texts.Format("Refusal_NotOnProject", refusal.Project)),
            RefusalCode.NoSuchRisk => (Texts["Refusal_NotFound"], Texts.Format("Refusal_NoSuchRisk", refusal.Risk)),
            RefusalCode.NotSentToYou => (Texts["Refusal_NotAllowed"], Texts["Refusal_NotSentToYou"]),
            RefusalCode.OnNoProject => (Texts["Refusal_NotAllowed"], OnNoProject(refusal)),
            _ => (Texts["Refusal_NotAllowed"], OnlyFor(refusal)),
        };
        return new(title, Texts.Format("Refusal_WayOn", why));
    }

    private static string OnlyFor(Refusal refusal)
    {
        var name = CardElements.Escape(refusal.ProjectName ?? refusal.Project?.Value ?? string.Empty);
        return (refusal.Action, refusal.Allowed) switch
        {
            (ProjectAction.CreateProject, _) => Texts["Refusal_CreateProject"],
            (ProjectAction.AllowProjectManagers, _) => Texts["Refusal_AllowProjectManagers"],
            (ProjectAction.ViewAudit, _) => Texts["Refusal_ViewAudit"],
            (ProjectAction.ViewPipelineHealth, _) => Texts["Refusal_ViewPipelineHealth"],
            (_, Who.AdminsOnly) => Texts["Refusal_AdminsOnly"],
            (ProjectAction.ViewBudget, var who) => Texts.Format(
                "Refusal_ViewBudget", name, Join([.. Roles(who).Select(r => Texts[$"Refusal_Its_{r}"])], "Refusal_ListAnd")),
            (_, Who.ProjectManagers) => Texts.Format(
                "Refusal_ProjectManagers",
                name,
                string.Join(Texts["Separator"], (refusal.ProjectManagers ?? []).Select(CardElements.Escape))),
            (_, Who.EscalationChain) => Texts.Format("Refusal_EscalationChain", name),
            (_, var who) => Texts.Format(
                "Refusal_Only",
                Join(
                    [.. Roles(who).Select((r, i) =>
                        i == 0 ? Texts.Format("Refusal_RoleOf", Texts[$"Refusal_The_{r}"], name) : Texts[$"Refusal_The_{r}"])],
                    "Refusal_ListOr")),
        };
    }

    // Asked without a project: the roles that may.
    private static string OnNoProject(Refusal refusal) => refusal.Allowed == Who.AdminsOnly
        ? Texts["Refusal_AdminsOnly"]
        : Texts.Format("Refusal_OnNoProject", Join([.. Roles(refusal.Allowed).Select(r => Texts[$"Refusal_The_{r}"])], "Refusal_ListOr"));

    private static IEnumerable<Who> Roles(Who who) => RolesInOrder.Where(r => who.HasFlag(r));

    private static string Join(IReadOnlyList<string> parts, string last) =>
        parts.Count <= 1
            ? string.Concat(parts)
            : Texts.Format(last, string.Join(Texts["Separator"], parts.Take(parts.Count - 1)), parts[^1]);
}
