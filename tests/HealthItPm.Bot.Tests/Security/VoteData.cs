using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Security;

/// <summary>The data a go/no-go vote card sends with its Vote button, as an attack test crafts it.</summary>
internal static class VoteData
{
    public static JObject Of(string code, string round, string choice, string conditions = "", string reason = "") => new()
    {
        ["project"] = code, ["round"] = round, ["choice"] = choice, ["conditions"] = conditions, ["reason"] = reason,
    };
}
