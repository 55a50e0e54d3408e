using Newtonsoft.Json.Linq;

namespace HealthItPm.Benchmarks.Load;

/// <summary>Activities as Teams' connector posts them: from a person of the tenant, in their 1:1 chat.</summary>
public sealed class Activities(string tenant, Uri serviceUrl)
{
    public string Message(string personId, string text) => Base("message", personId).With("text", text).ToString();

    public string CardAction(string personId, string verb, JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var payload = (JObject)data.DeepClone();
        payload["verb"] = verb;
        return Base("invoke", personId)
            .With("name", "adaptiveCard/action")
            .With("value", new JObject
            {
                ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = payload },
                ["trigger"] = "manual",
            })
            .ToString();
    }

    private JObject Base(string type, string personId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl.ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["from"] = new JObject { ["id"] = "29:" + personId, ["name"] = "Bench " + personId[..8], ["aadObjectId"] = personId },
        ["recipient"] = new JObject { ["id"] = "28:healthitpm", ["name"] = "HealthItPm" },
        ["conversation"] = new JObject { ["id"] = "a:bench-" + personId, ["conversationType"] = "personal", ["tenantId"] = tenant },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = tenant } },
    };
}

internal static class JObjectExtensions
{
    public static JObject With(this JObject target, string name, JToken value)
    {
        target[name] = value;
        return target;
    }
}
