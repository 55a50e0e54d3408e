using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Tests.Support;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>A telemedicine project with the nurse on it; the PM and the nurse have both chatted with the bot, so both can be reached.</summary>
internal static class NurseProject
{
    public static async Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> CreateAsync(BotEnvironment env, string codePrefix)
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await pm.SayAsync("help");
        await nurse.SayAsync("help");
        var code = codePrefix + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6)).ToUpperInvariant();
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name = "Telemedicine rollout", kind = "Telemedicine", start = ProjectConversation.Date(0), golive = ProjectConversation.Date(30), end = ProjectConversation.Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "Virtual care" });
        return (pm, nurse, code);
    }
}
