using System.Globalization;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>The PM's forms on a gate, on the running bot against Azurite: what they answer, where a problem shows, Cancel.</summary>
[Collection(SharedBotEnvironment.Name)]
[Trait("Needs", "Azurite")]
public class GoLiveFormsTests(BotEnvironment env)
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);

    [Fact]
    public async Task Removing_a_criterion_says_which_was_removed()
    {
        var (pm, code, gate) = await GateAsync();
        var hie = gate.Criteria.Single(c => c.TemplateKey == "Hie").Number;

        var text = CardText.Of(await pm.SubmitAsync("golive.edit", Edit(code, hie, action: "remove")));

        Assert.Contains($"✔ Criterion #{hie} HIE connection removed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Criterion saved", text, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(code)).Find(hie));
    }

    [Fact]
    public async Task Changing_a_criterion_says_which_was_changed()
    {
        var (pm, code, gate) = await GateAsync();
        var readiness = gate.Criteria.Single(c => c.TemplateKey == "Readiness").Number;

        var text = CardText.Of(await pm.SubmitAsync("golive.edit", Edit(code, readiness, threshold: "85")));

        Assert.Contains($"✔ Criterion #{readiness} Staff ready (no ADKAR barrier) saved", text, StringComparison.Ordinal);
        Assert.Contains("needs ≥ 85% without a barrier", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_the_gate_refuses_is_said_beside_the_threshold_with_what_was_typed_kept()
    {
        var (pm, code, gate) = await GateAsync();
        var readiness = gate.Criteria.Single(c => c.TemplateKey == "Readiness").Number;

        var form = await pm.SubmitAsync("golive.edit", Edit(code, readiness, threshold: "150"));

        var body = ((JArray)form["body"]!).Cast<JObject>().ToList();
        var threshold = body.FindIndex(e => (string?)e["id"] == "threshold");
        Assert.True(threshold > 0, "The form is shown again.");
        Assert.Contains("The threshold must be between", (string?)body[threshold + 1]["text"], StringComparison.Ordinal);
        Assert.Equal(150m, (decimal?)body[threshold]["value"]);
        Assert.DoesNotContain(
            body.Take(threshold), e => ((string?)e["text"])?.Contains("threshold must", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("golive add")]
    [InlineData("golive edit")]
    [InlineData("golive")]
    [InlineData("golive vote")]
    public async Task Each_form_has_a_cancel_that_brings_the_scorecard_back_without_sending_its_inputs(string command)
    {
        var (pm, code, _) = await GateAsync();
        var form = await pm.SayAsync($"{command} {code}");

        var cancel = ((JArray)form["actions"]!).Cast<JObject>().Single(a => (string?)a["title"] == "Cancel");
        Assert.Equal("none", (string?)cancel["associatedInputs"]);
        Assert.Equal("none", (string?)cancel["fallback"]!["associatedInputs"]);
        var data = (JObject)cancel["data"]!;
        var back = await pm.SubmitAsync((string)data["verb"]!, data);

        var text = CardText.Of(back);
        Assert.Contains($"Go-live gate · {code}", text, StringComparison.Ordinal);
        Assert.Contains("Recommendation:", text, StringComparison.Ordinal);
    }

    private static object Edit(string code, int number, string action = "keep", string threshold = "") => new
    {
        project = code,
        criterion = number.ToString(CultureInfo.InvariantCulture),
        action,
        importance = "keep",
        owner = "keep",
        threshold,
        subject = "",
        stale = "",
    };

    private async Task<(ProjectConversation Pm, string Code, GoLiveGate Gate)> GateAsync()
    {
        var code = "GF" + UniqueCodes.Letters(6);
        var (pm, _) = await ProjectConversation.WithNurseAsync(env, code, "Epic EHR go-live", "Ehr");
        var saved = CardText.Of(await pm.SubmitAsync(
            "golive.set", new { project = code, date = ProjectConversation.Date(30), checkpoints = "30, 7" }));
        Assert.Contains("Go-live gate saved", saved, StringComparison.Ordinal);
        return (pm, code, await StoredAsync(code));
    }

    private async Task<GoLiveGate> StoredAsync(string code) =>
        (await env.Host.Services.GetRequiredService<IGateStore>().GetAsync(Tenant, new ProjectCode(code), default))!.Gate;
}
