using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Bot.Tests.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Projects;

/// <summary>A person talking to the bot in their own chat: typed commands and card submits, as Teams sends them.</summary>
public sealed class ProjectConversation(WebApplicationFactory<Program> host, FakeConnector connector, ChannelAccount person)
{
    public ProjectConversation(BotEnvironment env, ChannelAccount person)
        : this((env ?? throw new ArgumentNullException(nameof(env))).Host, env.Connector, person)
    {
    }

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public string ConversationId { get; } = "a:" + Guid.NewGuid().ToString("N");

    public static string Date(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new project (in UTC) with the nurse on it; the PM and the nurse have both chatted with the bot, so both can be reached.</summary>
    public static async Task<(ProjectConversation Pm, ProjectConversation Nurse)> WithNurseAsync(BotEnvironment env, string code, string name, string kind)
    {
        var pm = new ProjectConversation(env, TestActivities.Pm);
        var nurse = new ProjectConversation(env, TestActivities.Nurse);
        await pm.SayAsync("help");
        await nurse.SayAsync("help");
        await pm.SubmitAsync(CardVerbs.CreateProject, new { code, name, kind, start = Date(0), golive = Date(30), end = Date(60), timezone = "UTC" });
        await pm.SubmitAsync(CardVerbs.AddStakeholders, new { project = code, people = TestActivities.NurseAadId, role = "Stakeholder", discipline = "Nurse", department = "Virtual care" });
        return (pm, nurse);
    }

    /// <summary>
    /// Types a command; answers with the card the bot replied with. Proactive cards the turn queued
    /// (check-ins, escalations) are delivered before this returns, as the delivery loop would.
    /// </summary>
    public async Task<JObject> SayAsync(string text, Action<Activity>? shape = null)
    {
        var activity = TestActivities.Message(text, connector.ServiceUrl, ConversationId, from: person);
        shape?.Invoke(activity);
        await host.PostAsync(activity);
        await DeliverAsync();
        var replies = connector.Requests
            .Where(r => r.Method == "POST" && r.Path == $"/v3/conversations/{ConversationId}/activities/{activity.Id}" && r.Body is not null)
            .ToList();
        Assert.True(replies.Count == 1, $"Expected one reply to '{text}', got {replies.Count}.");
        return MessagesEndpointTests.CardOf(replies[0].Body!);
    }

    /// <summary>Submits a card action; answers with the card that replaces the one acted on (proactive cards it queued delivered first).</summary>
    public async Task<JObject> SubmitAsync(string verb, object data)
    {
        var response = await host.PostAsync(TestActivities.Invoke(verb, JObject.FromObject(data), connector.ServiceUrl, ConversationId, from: person));
        await DeliverAsync();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)body["statusCode"]!);
        return (JObject)body["value"]!;
    }

    // What the hosts' delivery loop would do after the turn (the test hosts run none, so tests never see cards arrive mid-assertion).
    private Task<int> DeliverAsync() => host.Services.GetRequiredService<DeliveryReceiver>().DrainAsync(default);
}

internal static class CardText
{
    /// <summary>Every text of a card (text blocks, facts, inputs' labels and values), for asserting on what a person sees.</summary>
    public static string Of(JObject card) => string.Join("\n", card.Descendants().OfType<JProperty>()
        .Where(p => p.Name is "text" or "title" or "value" or "label" && p.Value.Type is JTokenType.String or JTokenType.Float or JTokenType.Integer)
        .Select(p => p.Value.ToString()));

    public static JObject? Input(JObject card, string id) =>
        card.Descendants().OfType<JObject>().FirstOrDefault(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)o["id"] == id);
}
