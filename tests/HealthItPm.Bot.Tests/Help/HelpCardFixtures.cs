using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Help;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.CardChecks;

namespace HealthItPm.Bot.Tests.Help;

/// <summary>The help card: a stakeholder's and a PM's commands, explained, one topic, and every topic.</summary>
public sealed class HelpCardFixtures : FeatureCardFixtures
{
    public override IReadOnlyList<CardFixture> Cards { get; } =
    [
        new("help-stakeholder", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel([new HelpEntry("help", "Show what I can do for you.", "help", false), new HelpEntry("status", "The current project at a glance.", "status", false, "Your projects"), new HelpEntry("use", "Make a project the current one.", "use EHR", false, "Your projects")]))),
        new("help-project-manager", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(HelpForProjectManager()))),
        new("help-all-explained", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(HelpForProjectManager(), Detailed: true))),
        new("help-one-topic", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(
            [.. HelpInEveryTopic().Where(e => e.Topic == HelpTopics.Risks.Name)], Detailed: true, [HelpTopics.Risks])
        {
            Only = HelpTopics.Risks,
        })),
        new("help-every-topic", typeof(HelpCard), () => HelpCard.Build(new HelpCardModel(
            HelpInEveryTopic(), Topics: HelpTopics.Ordered([new CheckInRoundKind().HelpTopic, new AdkarRoundKind().HelpTopic])))),
    ];

    private static HelpEntry[] HelpForProjectManager() =>
    [
        new("help", "Show what I can do for you.", "help", false),
        new("status", "The current project at a glance.", "status", false, "Your projects"),
        new("phase", "Move the project to its next phase.", "phase", true, "Your projects"),
        new("stakeholder add", "Add people.", "stakeholder add @Nina Patel", true, "People"),
        new("milestones", "The milestone timeline.", "milestones", false, "Plan, money and outcomes"),
        new("milestone add", "Plan a milestone.", "milestone add", true, "Plan, money and outcomes"),
        new("risk", "One risk with its history.", "risk EHR-R7", false, "Risks"),
    ];
    // One command in each topic, as help groups them by name (the check-in's and the wave's topics from their descriptors).
    private static HelpEntry[] HelpInEveryTopic() =>
    [
        new("help", "Show what I can do for you.", "help", false, HelpTopics.More.Name),
        new("status", "The current project at a glance.", "status", false, HelpTopics.Projects.Name),
        new("stakeholder add", "Add people.", "stakeholder add @Nina Patel", true, HelpTopics.People.Name),
        new("milestones", "The milestone timeline.", "milestones", false, HelpTopics.Plan.Name),
        new("checkin now", "Send a check-in now.", "checkin now", true, new CheckInRoundKind().HelpTopic.Name),
        new("adkar start", "Start a readiness wave.", "adkar start", true, new AdkarRoundKind().HelpTopic.Name),
        new("risk", "One risk with its history.", "risk EHR-R7", false, HelpTopics.Risks.Name),
        new("digest subscribe", "Get the weekly digest.", "digest subscribe", false, HelpTopics.Digests.Name),
        new("digest now", "Send this week's digest now.", "digest now", true, HelpTopics.Digests.Name),
    ];
}
