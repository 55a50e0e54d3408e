using HealthItPm.Bot.Tests.Support;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>A telemedicine project with the nurse on it; the PM and the nurse have both chatted with the bot, so both can be reached.</summary>
internal static class NurseProject
{
    public static async Task<(ProjectConversation Pm, ProjectConversation Nurse, string Code)> CreateAsync(BotEnvironment env, string codePrefix)
    {
        var code = codePrefix + UniqueCodes.Letters(6);
        var (pm, nurse) = await ProjectConversation.WithNurseAsync(env, code, "Telemedicine rollout", "Telemedicine");
        return (pm, nurse, code);
    }
}
