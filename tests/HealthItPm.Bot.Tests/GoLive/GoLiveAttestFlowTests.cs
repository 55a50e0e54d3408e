using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Delivery;
using HealthItPm.Bot.Features.GoLive;
using HealthItPm.Bot.Scheduling;
using HealthItPm.Bot.Tests.Projects;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.GoLive;

/// <summary>
/// The owners' attestation cards on the running bot against Azurite with a fake clock: the checkpoint due when the gate is
/// set sends each owner of an attested criterion not met one card for their criteria, saying who sees the answer; an
/// outsider, a stakeholder it was not sent to, a former member and tampered cards (another owner's criterion, another
/// project) are refused with nothing stored; a missing state and suspected PHI come back on the card; an owner's answer is
/// the gate's attestation; the reminder goes only to those who did not answer; <c>golive ask</c> asks again (PM only).
/// </summary>
[Trait("Needs", "Azurite")]
public class GoLiveAttestFlowTests(ClockedBotEnvironment env) : IClassFixture<ClockedBotEnvironment>
{
    private static readonly TenantId Tenant = new(TestActivities.Tenant);
    private static readonly PersonId Pm = new(TestActivities.PmAadId);

    private static ChannelAccount Person(int n, string name) =>
        new($"29:attest-{n}", name, aadObjectId: new Guid(n, 0x7a7a, 0x4a7a, 0x87, 0, 0, 0, 0, 0, 0, 8).ToString());

    private static readonly ChannelAccount Cno = Person(1, "Carla Nguyen");
    private static readonly ChannelAccount DataLead = Person(2, "Erin Data");
    private static readonly ChannelAccount Former = Person(3, "Finn Security");
    private static readonly ChannelAccount Nurse = Person(4, "Gina Nurse");
    private static readonly ChannelAccount Outsider = Person(5, "Sam Outside");

    private T Get<T>()
        where T : notnull => env.Host.Services.GetRequiredService<T>();

    private DateOnly Today => DateOnly.FromDateTime(env.Clock.GetUtcNow().UtcDateTime);

    private readonly GoLiveProjectSetup _setup = new(env.Host, env.Connector, env.Clock);

    [Fact]
    public async Task Owners_attest_through_their_cards_refusals_store_nothing_and_the_reminder_skips_who_answered()
    {
        var chats = new Dictionary<ChannelAccount, ProjectConversation>();
        foreach (var person in new[] { TestActivities.Pm, Cno, DataLead, Former, Nurse, Outsider })
        {
            chats[person] = new ProjectConversation(env.Host, env.Connector, person);
            await chats[person].SayAsync("help");
        }

        var pm = chats[TestActivities.Pm];
        var code = await ProjectAsync(pm);
        var project = new ProjectCode(code);

        // The gate from the EHR template, its first checkpoint due today; three attested criteria handed out.
        var date = Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await pm.SubmitAsync("golive.set", new { project = code, date, checkpoints = "30, 7" });
        var gates = Get<IGateStore>();
        var gate = (await gates.GetAsync(Tenant, project, default))!.Gate;
        int Numbered(string key) => gate.Criteria.Single(c => c.TemplateKey == key).Number;
        var (downtime, conversion, security) = (Numbered("DowntimeTested"), Numbered("ConversionReconciled"), Numbered("SecurityRiskAnalysis"));
        foreach (var (number, owner) in new[] { (downtime, Cno), (conversion, DataLead), (security, Former) })
        {
            await pm.SubmitAsync("golive.edit", new
            {
                project = code, criterion = number.ToString(CultureInfo.InvariantCulture), action = "keep",
                importance = "keep", owner = owner.AadObjectId, threshold = "", subject = "", stale = "",
            });
        }

        gate = (await gates.GetAsync(Tenant, project, default))!.Gate;
        Assert.Equal(Cno.AadObjectId, gate.Find(downtime)!.Owner.Value);

        // The checkpoint: each owner of an attested criterion gets one card for their own criteria; the nurse none.
        await env.Host.Services.GetServices<IScheduledJob>().OfType<CheckpointJob>().Single().RunAsync(default);
        await Get<DeliveryReceiver>().DrainAsync(default);
        var round = (await Get<IRoundStore>().LatestRoundsAsync(Tenant, project, AttestRounds.Kind, 1, default)).Single();
        var cnoCard = Assert.Single(Cards(chats[Cno], "Go-live attestation ·"));
        Assert.Contains("Downtime", cnoCard, StringComparison.Ordinal);
        Assert.DoesNotContain("reconciled", cnoCard, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Not anonymous: everyone on the project sees your answer", cnoCard, StringComparison.Ordinal);
        Assert.Single(Cards(chats[DataLead], "Go-live attestation ·"));
        Assert.Single(Cards(chats[Former], "Go-live attestation ·"));
        Assert.Single(Cards(pm, "Go-live attestation ·"));
        Assert.Empty(Cards(chats[Nurse], "Go-live attestation"));

        // The security lead leaves the project before answering.
        Assert.IsType<Outcome<Project>.Done>(await Get<ProjectService>().ChangeAsync(
            Tenant, Pm, project, ProjectAction.ManageStakeholders, (p, _) => p.RemoveMember(new PersonId(Former.AadObjectId)), default));

        object Attest(int criterion, string state, string evidence, string? round_ = null, string? project_ = null) => new
        {
            project = project_ ?? code, round = round_ ?? round.Id,
            criterion = criterion.ToString(CultureInfo.InvariantCulture), state, evidence,
        };

        // Refused, with nothing stored: an outsider, the nurse, the former member, another owner's criterion, another project.
        const string NotYours = "was not sent to you or is no longer available";
        var submit = AttestRoundKind.Submit;
        Assert.Contains(NotYours, CardText.Of(await chats[Outsider].SubmitAsync(submit, Attest(downtime, "Met", "Drill done"))), StringComparison.Ordinal);
        Assert.Contains(NotYours, CardText.Of(await chats[Nurse].SubmitAsync(submit, Attest(downtime, "Met", "Drill done"))), StringComparison.Ordinal);
        Assert.Contains(NotYours, CardText.Of(await chats[Former].SubmitAsync(submit, Attest(security, "Met", "SRA done"))), StringComparison.Ordinal);
        Assert.Contains(
            $"Only the owner of criterion #{conversion}",
            CardText.Of(await chats[Cno].SubmitAsync(submit, Attest(conversion, "Met", "Reconciled"))),
            StringComparison.Ordinal);
        Assert.Contains(
            NotYours, CardText.Of(await chats[Cno].SubmitAsync(submit, Attest(downtime, "Met", "x", project_: "ZZNONE"))), StringComparison.Ordinal);

        // What an answer needs comes back on the card: a state; evidence without PHI.
        Assert.Contains(
            "Pick met, at risk or not met", CardText.Of(await chats[Cno].SubmitAsync(submit, Attest(downtime, "", "Drill done"))), StringComparison.Ordinal);
        var phi = CardText.Of(await chats[DataLead].SubmitAsync(
            submit, Attest(conversion, "AtRisk", "Patient MRN 48213377 did not convert")));
        Assert.DoesNotContain("48213377", phi, StringComparison.Ordinal);
        Assert.Empty(await Get<IRoundStore>().AnswersAsync<AttestAnswer>(Tenant, round, default));
        gate = (await gates.GetAsync(Tenant, project, default))!.Gate;
        Assert.All(new[] { downtime, conversion, security }, n => Assert.Null(gate.Find(n)!.Attestation));

        // The CNO attests: the gate holds her word, dated today, and her answered card says who sees it.
        var answered = CardText.Of(await chats[Cno].SubmitAsync(submit, Attest(downtime, "Met", "Downtime drill passed on all units")));
        Assert.Contains($"Criterion **#{downtime}**", answered, StringComparison.Ordinal);
        Assert.Contains("Not anonymous", answered, StringComparison.Ordinal);
        gate = (await gates.GetAsync(Tenant, project, default))!.Gate;
        var attestation = gate.Find(downtime)!.Attestation!;
        Assert.Equal((AttestedState.Met, "Downtime drill passed on all units", Today), (attestation.State, attestation.Evidence.Value, attestation.On));
        Assert.Contains("Downtime drill passed on all units", CardText.Of(await chats[Nurse].SayAsync("golive status " + code)), StringComparison.Ordinal);

        // "Attest another or change" shows her own answer.
        var change = await chats[Cno].SubmitAsync(AttestRoundKind.Change, new { project = code, round = round.Id });
        Assert.Equal("Met", (string?)CardText.Input(change, "state")!["value"]);

        // The reminder goes to the owners still on the project who did not answer: the data lead and the PM, not the CNO.
        env.Clock.Advance(GoLiveAttestations.OpenFor / 2);
        await StepAsync();
        Assert.Single(Cards(chats[DataLead], "Reminder: go-live attestation"));
        Assert.Single(Cards(pm, "Reminder: go-live attestation"));
        Assert.Empty(Cards(chats[Cno], "Reminder: go-live attestation"));
        Assert.Empty(Cards(chats[Former], "Reminder: go-live attestation"));

        // golive ask: PM only; it asks the owners of what is still not met, the CNO's met criterion no more.
        Assert.Contains("Only", CardText.Of(await chats[Nurse].SayAsync("golive ask " + code)), StringComparison.Ordinal);
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("Sending a card to 2 owners", CardText.Of(await pm.SayAsync("golive ask " + code)), StringComparison.Ordinal);
        await Get<DeliveryReceiver>().DrainAsync(default);
        Assert.Single(Cards(chats[Cno], "Go-live attestation ·"));
        Assert.Equal(2, Cards(chats[DataLead], "Go-live attestation ·").Count);
    }

    private List<string> Cards(ProjectConversation chat, string title) => _setup.Cards(chat, title);

    private Task StepAsync() => _setup.StepAsync();

    private async Task<string> ProjectAsync(ProjectConversation pm)
    {
        var code = "GA" + UniqueCodes.Letters(5);
        string Date(int days) => Today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"Created {code}", CardText.Of(await pm.SubmitAsync(CardVerbs.CreateProject, new
        {
            code, name = "Epic EHR go-live", kind = "Ehr", start = Date(-60), golive = Date(30), end = Date(150), timezone = "UTC",
        })), StringComparison.Ordinal);
        var seeded = await Get<ProjectService>().ChangeAsync(Tenant, Pm, new ProjectCode(code), ProjectAction.ManageStakeholders, (project, _) =>
        {
            project.AddMember(new ProjectMember(new PersonId(Cno.AadObjectId), Cno.Name, ProjectRole.Leader, StakeholderRole.Leader, null));
            foreach (var (person, role) in new[] { (DataLead, StakeholderRole.It), (Former, StakeholderRole.It), (Nurse, StakeholderRole.Nurse) })
            {
                project.AddMember(new ProjectMember(new PersonId(person.AadObjectId), person.Name, ProjectRole.Stakeholder, role, null));
            }
        }, default);
        Assert.IsType<Outcome<Project>.Done>(seeded);
        return code;
    }
}
