using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;

namespace HealthItPm.Bot.Tests.FirstDay;

/// <summary>
/// What help offers each person of <see cref="HelpOffersWhatIsAllowedTests"/> from one feature's commands, as help shows them
/// (with their example's arguments: <c>EHR</c> stands for the test's project, <c>&lt;ID&gt;</c> for its risk). Kept in the
/// feature's test folder and found by the help test, which expects their union per person; a kind of round whose commands no
/// expectations offer anyone fails <see cref="Gaps"/> by name.
/// </summary>
public abstract class HelpExpectations
{
    /// <summary>Every feature's expectations in the test assembly (top-level types: a test's purpose-made one is not found).</summary>
    public static IReadOnlyList<HelpExpectations> Found { get; } =
        [.. typeof(HelpExpectations).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(HelpExpectations)) && t is { IsAbstract: false, IsNested: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (HelpExpectations)Activator.CreateInstance(t)!)];

    /// <summary>The CIO, an admin.</summary>
    public virtual IReadOnlyList<string> Admin => [];

    /// <summary>The project's manager.</summary>
    public virtual IReadOnlyList<string> Pm => [];

    /// <summary>A physician, a leader on the project (and so in its escalation chain).</summary>
    public virtual IReadOnlyList<string> Leader => [];

    /// <summary>A nurse, a stakeholder on the project.</summary>
    public virtual IReadOnlyList<string> Nurse => [];

    /// <summary>Someone on no project.</summary>
    public virtual IReadOnlyList<string> Nobody => [];

    /// <summary>What every feature's expectations offer the person, by the help test's name for them.</summary>
    public static IReadOnlyList<string> Expected(string who, IReadOnlyList<HelpExpectations> found) =>
        [.. found.SelectMany(f => who switch
        {
            "admin" => f.Admin,
            "pm" => f.Pm,
            "leader" => f.Leader,
            "nurse" => f.Nurse,
            "nobody" => f.Nobody,
            _ => throw new ArgumentOutOfRangeException(nameof(who), who, "The help test asks five people."),
        })];

    /// <summary>
    /// Each command of a kind of round's help topic that no expectations offer anyone, by its example as help shows it: the
    /// kind's help is then asserted by nobody.
    /// </summary>
    public static IReadOnlyList<string> Gaps(
        IReadOnlyList<RoundKindDescriptor> descriptors, IReadOnlyList<CommandDefinition> commands, IReadOnlyList<HelpExpectations> found)
    {
        var offered = found.SelectMany(f => f.Admin.Concat(f.Pm).Concat(f.Leader).Concat(f.Nurse).Concat(f.Nobody)).ToHashSet();
        return [.. descriptors.SelectMany(d => commands.Where(d.HelpTopic.Holds)
            .Select(c => (Kind: d, Example: d.HelpTopic.Example(c)))
            .Where(c => !offered.Contains(c.Example))
            .Select(c => $"Round kind '{c.Kind.Kind.Name}' ({c.Kind.GetType().Name}): no help expectations offer '{c.Example}' "
                + $"to anyone (a {nameof(HelpExpectations)} in its test folder)."))
            .Distinct()];
    }
}
