using System.Reflection;
using HealthItPm.Domain.CheckIns;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Every string the domain holds is either <see cref="GuardedText"/> (checked for PHI when a person
/// typed it) or on this allow-list with the reason it cannot carry what a person typed. A new string
/// property fails here until it is guarded or justified.
/// </summary>
public class GuardedFieldsTests
{
    private static readonly Dictionary<string, string> AllowList = new(StringComparer.Ordinal)
    {
        ["AuditEntry.Subject"] = "an id: a risk, a concern number, a check-in round",
        ["SendAnswer.Sent.ActivityId"] = "the id Teams gave a message it took",
        ["SendAnswer.Sent.ConversationId"] = "the id of the chat Teams delivered a message in",
        ["Removal.Subject"] = "an id: the risk or the check-in round the text was removed from",
        ["AuditPage.Next"] = "a storage continuation token",
        ["AuditQuery.After"] = "a storage continuation token",
        ["CheckInPulse.RoundId"] = "a round id (its opening minute)",
        ["DigestDefaults.HospitalTimeZone"] = "an IANA time zone id from settings, validated at start-up",
        ["CriticalItem.Title"] = "a copy of a guarded risk title (Risk.Title)",
        ["DepartmentBelow.Department"] = "a copy of a guarded department (ProjectMember.Department) as the wave grouped it",
        ["DepartmentReadiness.Department"] = "a copy of a guarded department (ProjectMember.Department) as the wave grouped it",
        ["GateCheckIn.RoundId"] = "a round id (its opening minute)",
        ["GateCriterion.TemplateKey"] = "a template item's key, declared in code (GateTemplates)",
        ["GateReadiness.Wave"] = "a copy of a wave's name (Round.Name)",
        ["TemplateItem.Key"] = "a template item's key, declared in code (GateTemplates)",
        ["VersionedGate.Version"] = "a storage ETag",
        ["DigestKpi.Name"] = "a copy of a guarded KPI name (Kpi.Name)",
        ["DigestKpi.Unit"] = "a copy of a guarded KPI unit (Kpi.Unit)",
        ["DigestPerson.Name"] = "a display name from Teams (ProjectMember.DisplayName)",
        ["DigestRisk.Title"] = "a copy of a guarded risk title (Risk.Title)",
        ["DigestSubscription.TimeZone"] = "an IANA time zone id Teams reports, validated",
        ["DueMilestone.Name"] = "a copy of a guarded milestone name (Milestone.Name)",
        ["ProjectDigest.Name"] = "a copy of a guarded project name (Project.Name)",
        ["RagReason.RiskOpen.Risk"] = "a risk id (EHR-R7)",
        ["ReadinessInput.Wave"] = "a copy of a wave's name (Round.Name)",
        ["ReadinessReason.DominantBarrier.Wave"] = "a copy of a wave's name (Round.Name)",
        ["ReadinessReason.StuckAtAwarenessOrDesire.Wave"] = "a copy of a wave's name (Round.Name)",
        ["RiskEvent.Note"] = "a copy of guarded text (a mitigation, a reason)",
        ["RoundKind.Name"] = "a kind of round's name, declared in code (RoundKinds)",
        ["AuditKind.Name"] = "a kind of audit entry's name, declared in code by its feature",
        ["FreeText.Name"] = "a free-text field's name, declared in code by its feature",
        ["RoundTopics.Card"] = "a delivery topic, declared in code with its kind of round",
        ["RoundTopics.Reminder"] = "a delivery topic, declared in code with its kind of round",
        ["RoundTopics.End"] = "a delivery topic, declared in code with its kind of round",
        ["StoredSubscription.Version"] = "a storage ETag",
        ["AdkarResults.WaveId"] = "a round id (its kind and opening minute)",
        ["AdkarResults.WaveName"] = "a copy of the wave's name (Round.Name)",
        ["GivenAnswer.Department"] = "a copy of the respondent's guarded department, taken when the round opens",
        ["GroupProfile.Group"] = "a discipline label or a copy of a guarded department",
        ["ReadinessSnapshot.Wave"] = "a copy of the wave's name (Round.Name)",
        ["RespondentKey.Value"] = "a person's object id, or its keyed hash in an anonymous round",
        ["ProjectHeading.Name"] = "a project's name as stored, guarded when it was typed (Project.Name)",
        ["ProjectHeading.TimeZone"] = "an IANA or Windows time zone id, checked when the project was created",
        ["Round.AnonymityKey"] = "a random key for the answers' keyed hashes",
        ["Round.Id"] = "the round's opening minute as an id",
        ["Round.Name"] = "a wave's name: adkar start reads it through FormValues.Guarded before the wave opens",
        ["RoundSettings.Name"] = "a wave's name, read through FormValues.Guarded by the form",
        ["WaveDelta.PreviousWave"] = "a copy of the previous wave's name (Round.Name)",
        ["CheckInSchedule.TimeZone"] = "an IANA time zone id, validated",
        ["Concern.ReporterName"] = "the reporter's display name from Teams",
        ["Currency.Code"] = "an ISO 4217 currency code",
        ["DeliveryTopic.Kind"] = "a card kind code",
        ["DeliveryTopic.Subject"] = "a key made of ids (project code, round id, risk id)",
        ["DeliveryWork.Detail"] = "a notice's kind and the id of the leader it is about, as JSON",
        ["DeliveryWork.Kind"] = "a card kind code",
        ["DeliveryWork.Recipient"] = "a person's object id",
        ["DeliveryWork.Subject"] = "a key made of ids (project code, round id, risk id)",
        ["DeliveryWork.Tenant"] = "a tenant id",
        ["GuardedText.Value"] = "the guarded text itself",
        ["NewProject.Code"] = "a project code: 2-10 letters or digits, validated by ProjectCode",
        ["NewProject.TimeZone"] = "an IANA time zone id, validated",
        ["OpenRisk.Id"] = "a risk id (EHR-R7)",
        ["OpenRound.RoundId"] = "a round id (its opening minute)",
        ["OpenRound.Version"] = "a storage ETag",
        ["PersonId.Value"] = "an Azure AD object id",
        ["PhiPointedOut.Masked"] = "a suspected part with all but its edges masked, to point it out without repeating it; never stored",
        ["Project.TimeZone"] = "an IANA time zone id, validated",
        ["ProjectCode.Value"] = "2-10 letters or digits, validated",
        ["ProjectManagerGrant.Name"] = "the person's display name from Teams",
        ["ProjectMember.DisplayName"] = "the person's display name from Teams (read from the roster, never from the card)",
        ["ProjectState.TimeZone"] = "an IANA time zone id, validated",
        ["ProjectSummary.TimeZone"] = "an IANA time zone id, validated",
        ["ReportedBlocker.Who"] = "the respondent's display name from Teams",
        ["Refusal.ProjectName"] = "a copy of the project's guarded name, for the refusal's words; never stored",
        ["Respondent.Department"] = "a copy of the member's guarded department, taken when the round opens",
        ["Respondent.Name"] = "the respondent's display name from Teams",
        ["RoundSummary.RoundId"] = "a round id (its opening minute)",
        ["StoredSchedule.Version"] = "a storage ETag",
        ["TenantId.Value"] = "an Azure AD tenant id",
        ["VersionedProject.Version"] = "a storage ETag",
        ["VersionedRisk.Version"] = "a storage ETag",
    };

    [Fact]
    public void Every_string_the_domain_holds_is_guarded_or_justified()
    {
        var unguarded = StringProperties().Where(p => !AllowList.ContainsKey(p)).ToList();

        Assert.True(
            unguarded.Count == 0,
            "Type these as GuardedText (read through FormValues.Guarded), or add them to the allow-list with the reason they cannot hold "
            + "typed text:\n" + string.Join("\n", unguarded));
    }

    [Fact]
    public void The_allow_list_names_only_properties_that_exist()
    {
        var stale = AllowList.Keys.Except(StringProperties()).ToList();

        Assert.True(
            stale.Count == 0,
            "No longer string properties of the domain; remove them from the allow-list:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_free_text_people_type_is_guarded()
    {
        (Type Type, string Property)[] typed =
        [
            (typeof(Project), nameof(Project.Name)), (
                typeof(Milestone),
                nameof(Milestone.Name)), (typeof(Kpi), nameof(Kpi.Name)), (typeof(Kpi), nameof(Kpi.Unit)),
            (typeof(ProjectMember), nameof(ProjectMember.Department)), (typeof(SpendEntry), nameof(SpendEntry.Note)),
            (typeof(Risk), nameof(Risk.Title)), (typeof(Risk), nameof(Risk.Description)), (typeof(Risk), nameof(Risk.Mitigation)),
            (typeof(Risk), nameof(Risk.AcceptedBecause)), (typeof(Concern), nameof(Concern.Text)), (
                typeof(Concern),
                nameof(Concern.DismissedBecause)),
            (typeof(CheckInAnswer), nameof(CheckInAnswer.Blockers)),
        ];

        Assert.All(typed, t => Assert.Equal(typeof(GuardedText), t.Type.GetProperty(t.Property)!.PropertyType));
    }

    /// <summary>"Type.Property" for every public string property of the domain's public types (nested types as Outer.Inner).</summary>
    private static IEnumerable<string> StringProperties() =>
        typeof(Project).Assembly.GetExportedTypes()
            .Where(t => !t.IsInterface && !t.IsEnum && !typeof(Exception).IsAssignableFrom(t) && !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.PropertyType == typeof(string))
                .Select(p => $"{Name(t)}.{p.Name}"))
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string Name(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        var name = tick < 0 ? type.Name : type.Name[..tick];
        return type.DeclaringType is { } outer ? $"{Name(outer)}.{name}" : name;
    }
}
