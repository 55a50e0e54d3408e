using HealthItPm.Domain.Security;

namespace HealthItPm.Bot.Cards;

/// <summary>
/// Puts a refusal from the domain into words. Every value in it that people typed (a project's name,
/// its PMs' names) is escaped here, so a project named like a link or a date function reads as text.
/// </summary>
public static class RefusalNotice
{
    public static NoticeCardModel Of(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Code switch
        {
            RefusalCode.NotOnProject => new("Not found", $"You are not on a project with the code {refusal.Project}. Type **project list** to see yours; if you should be on this one, ask its project manager to add you."),
            RefusalCode.NoSuchRisk => new("Not found", $"There is no risk {refusal.Risk} on a project you are on."),
            RefusalCode.NotSentToYou => new("Not allowed", "This check-in was not sent to you, so it cannot take your answer."),
            _ => new("Not allowed", OnlyFor(refusal)),
        };
    }

    private static string OnlyFor(Refusal refusal)
    {
        var name = CardElements.Escape(refusal.ProjectName ?? refusal.Project?.Value ?? string.Empty);
        return (refusal.Action, refusal.Allowed) switch
        {
            (ProjectAction.CreateProject, _) => "Only people your HealthItPm admin has allowed to act as project managers can create projects. Ask your admin to add you.",
            (ProjectAction.AllowProjectManagers, _) => "Only HealthItPm admins can allow people to create projects. Your hospital's IT admin sets who the admins are.",
            (ProjectAction.ViewAudit, _) => "Only HealthItPm admins can see the audit log. Your hospital's IT admin sets who the admins are.",
            (_, Who.AdminsOnly) => "Only HealthItPm admins can do that.",
            (ProjectAction.ViewBudget, var who) => $"Budget figures of {name} are shown to {Join([.. Roles(who).Select(r => r.Replace("the ", "its ", StringComparison.Ordinal))], "and")} only.",
            (_, Who.ProjectManagers) => $"Only the project managers of {name} ({string.Join(", ", (refusal.ProjectManagers ?? []).Select(CardElements.Escape))}) can do that.",
            (_, Who.EscalationChain) => $"Only the leaders in {name}'s escalation chain can do that.",
            (_, var who) => $"Only {Join([.. Roles(who).Select((r, i) => i == 0 ? $"{r} of {name}" : r)], "or")} can do that.",
        };
    }

    private static IEnumerable<string> Roles(Who who)
    {
        (Who Flag, string Words)[] roles =
        [
            (Who.ProjectManagers, "the project managers"),
            (Who.RiskOwner, "the risk's owner"),
            (Who.Leaders, "the leaders"),
            (Who.EscalationChain, "a leader in its escalation chain"),
            (Who.Stakeholders, "the stakeholders"),
        ];
        return roles.Where(r => who.HasFlag(r.Flag)).Select(r => r.Words);
    }

    private static string Join(IReadOnlyList<string> parts, string conjunction) =>
        parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts.Take(parts.Count - 1))} {conjunction} {parts[^1]}";
}
