using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Rounds;

/// <summary>Builds the <see cref="RoundKindCatalog"/> as the host starts, so a kind that lacks a piece stops it there.</summary>
public sealed class RoundKindCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<RoundKindCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The kinds of round the bot knows: each kind the domain declares (<see cref="RoundKinds.All"/>) with its descriptor. It
/// refuses to be built, and so the host to start, when a kind lacks a piece (<see cref="Gaps"/>): a kind is never
/// half-known, and one missing from a lookup is an error, not another kind's default.
/// </summary>
public sealed class RoundKindCatalog
{
    private readonly Dictionary<string, RoundKindDescriptor> _byName;

    public RoundKindCatalog(IEnumerable<RoundKindDescriptor> descriptors, IEnumerable<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(commands);
        All = [.. descriptors];
        if (Gaps(RoundKinds.All, All, [.. commands]) is { Count: > 0 } gaps)
        {
            throw new InvalidOperationException("The kinds of round are incomplete:\n" + string.Join("\n", gaps));
        }

        _byName = All.ToDictionary(d => d.Kind.Name, StringComparer.Ordinal);
    }

    /// <summary>Every kind's descriptor, in the order they were registered.</summary>
    public IReadOnlyList<RoundKindDescriptor> All { get; }

    /// <summary>The kind's descriptor.</summary>
    public RoundKindDescriptor this[RoundKind kind]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(kind);
            return Named(kind.Name);
        }
    }

    /// <summary>The descriptor of the kind stored under <paramref name="name"/>; an unknown name is an error.</summary>
    public RoundKindDescriptor Named(string name) =>
        _byName.TryGetValue(name, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException($"No kind of round is named '{name}'.");

    /// <summary>The answer columns of the round's kind.</summary>
    public AnswerColumns<TAnswer> ColumnsOf<TAnswer>(RoundKind kind) =>
        this[kind].StoredColumns as AnswerColumns<TAnswer>
        ?? throw new InvalidOperationException($"Answers of {kind} rounds are {kind.AnswerType.Name}, not {typeof(TAnswer).Name}.");

    /// <summary>
    /// What is missing or clashes, one line each; none when every kind the domain declares has a descriptor with every
    /// piece (and no descriptor is for a kind the domain does not know): the domain's pieces (<see cref="RoundKinds.Gaps"/>),
    /// answer columns, help topic, verbs, words (its notices, its noun, its audit kinds, its free-text fields and the help of
    /// each of <paramref name="commands"/> its topic holds), and a card that takes the answer's free text and names its round
    /// for the answer flow.
    /// </summary>
    public static IReadOnlyList<string> Gaps(
        IReadOnlyList<RoundKind> kinds, IReadOnlyList<RoundKindDescriptor> descriptors, IReadOnlyList<CommandDefinition> commands)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(descriptors);
        ArgumentNullException.ThrowIfNull(commands);
        var gaps = new List<string>(RoundKinds.Gaps(kinds));
        foreach (var kind in kinds)
        {
            var count = descriptors.Count(d => d.Kind == kind);
            if (count != 1)
            {
                gaps.Add($"Round kind '{kind}': it has {count} descriptors in the bot; it needs one "
                    + "(its feature's Register calls AddRoundKind, and HealthItPmHost.Features lists the feature).");
            }
        }

        foreach (var descriptor in descriptors)
        {
            var others = descriptors.Where(d => !ReferenceEquals(d, descriptor)).ToList();
            var named = $"Round kind '{descriptor.Kind?.Name}' ({descriptor.GetType().Name})";
            gaps.AddRange(GapsOf(descriptor, others, kinds, commands).Select(g => $"{named}: {g}"));
        }

        return gaps;
    }

    private static IEnumerable<string> GapsOf(
        RoundKindDescriptor descriptor,
        IReadOnlyList<RoundKindDescriptor> others,
        IReadOnlyList<RoundKind> kinds,
        IReadOnlyList<CommandDefinition> commands)
    {
        if (descriptor.Kind is not { } kind)
        {
            yield return "it names no kind.";
            yield break;
        }

        if (!kinds.Any(k => ReferenceEquals(k, kind)))
        {
            yield return "its kind is not declared in the domain (a public static property of its folder's static class).";
        }

        if (descriptor.StoredColumns is null)
        {
            yield return "it has no answer columns.";
        }

        foreach (var gap in HelpGaps(descriptor.HelpTopic, others, commands))
        {
            yield return gap;
        }

        var verbs = new[] { descriptor.SubmitVerb, descriptor.ChangeVerb };
        if (verbs.Any(string.IsNullOrWhiteSpace) || verbs[0] == verbs[1])
        {
            yield return "it needs two card verbs of its own, to submit an answer and to change it.";
        }
        else if (others.Any(o => new[] { o.SubmitVerb, o.ChangeVerb }.Intersect(verbs).Any()))
        {
            yield return "its card verbs belong to another kind.";
        }

        if (string.IsNullOrWhiteSpace(descriptor.RoundInput) || descriptor.RoundInput == RoundKindDescriptor.ProjectInput)
        {
            yield return "its cards need a data key for the round, other than the project's.";
        }

        if (descriptor.FreeTextInputs is not { } inputs || !inputs.Keys.ToHashSet().SetEquals(kind.FreeTextFields))
        {
            yield return $"its card needs an input for each free-text field of the answer ({string.Join(", ", kind.FreeTextFields)}).";
        }

        foreach (var gap in WordGaps(descriptor))
        {
            yield return gap;
        }

        if (CardGap(descriptor) is { } card)
        {
            yield return card;
        }
    }

    private static IEnumerable<string> HelpGaps(
        HelpTopic? topic, IReadOnlyList<RoundKindDescriptor> others, IReadOnlyList<CommandDefinition> commands)
    {
        if (topic is null || string.IsNullOrWhiteSpace(topic.Name) || topic.Words is not { Count: > 0 })
        {
            yield return "it needs a help topic with a name and the first words of its commands.";
            yield break;
        }

        if (HelpTopics.Ordered([]).Any(t => t.Name == topic.Name))
        {
            yield return $"its help topic '{topic.Name}' is a shared one; a kind's commands have a topic of their own.";
        }

        var otherTopics = others.Select(o => o.HelpTopic).OfType<HelpTopic>().Where(t => t.Name != topic.Name);
        if (otherTopics.Any(t => t.Words.Intersect(topic.Words, StringComparer.OrdinalIgnoreCase).Any()))
        {
            yield return "another kind's help topic holds the same command words.";
        }

        if (FeatureWords.Worded(topic.Title) is null)
        {
            yield return $"its help topic '{topic.Name}' has no title.";
        }

        foreach (var command in commands.Where(topic.Holds))
        {
            if (FeatureWords.Worded(() => topic.Summary(command)) is null || FeatureWords.Worded(() => topic.Example(command)) is null)
            {
                yield return $"it has no help for '{command.Name}' ({command.HelpKey}_Summary, {command.HelpKey}_Example in its words).";
            }
        }
    }

    private static IEnumerable<string> WordGaps(RoundKindDescriptor descriptor)
    {
        foreach (var (name, text) in new (string, Func<string>)[]
        {
            (nameof(descriptor.NotFoundTitle), () => descriptor.NotFoundTitle),
            (nameof(descriptor.NotYours), () => descriptor.NotYours),
            (nameof(descriptor.ClosedTitle), () => descriptor.ClosedTitle),
        })
        {
            if (FeatureWords.Worded(text) is null)
            {
                yield return $"it has no words for {name}.";
            }
        }

        if (!new[] { descriptor.Kind.Started, descriptor.Kind.Answered }.All(descriptor.AuditKinds.Contains)
            || !descriptor.Kind.FreeTextFields.All(descriptor.FreeTexts.Contains))
        {
            yield return "its words need its kind's audit kinds and free-text fields.";
        }

        foreach (var name in descriptor.Unworded())
        {
            yield return $"its words have no text {name}.";
        }
    }

    // The card a round of the kind sends: it must carry the submit verb with the project and the round, and an input for each free text.
    private static string? CardGap(RoundKindDescriptor descriptor)
    {
        var round = new Round(
            new ProjectCode("KIND"),
            DateTimeOffset.UnixEpoch,
            TimeSpan.FromHours(1),
            TimeSpan.FromHours(2),
            false,
            [new Respondent(new PersonId("00000000-0000-0000-0000-000000000001"), "Sample", StakeholderRole.Other, null)],
            descriptor.Kind);
        JObject card;
        try
        {
            card = descriptor.Card(round, "Sample", reminder: false);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or NotImplementedException)
        {
            return $"its card cannot be built ({e.GetType().Name}: {e.Message}).";
        }

        var objects = card.Descendants().OfType<JObject>().ToList();
        var submits = objects.Where(o => (string?)o["verb"] == descriptor.SubmitVerb && o["data"] is JObject).ToList();
        bool NamesTheRound(JObject submit) =>
            (string?)submit["data"]?[RoundKindDescriptor.ProjectInput] == "KIND"
            && (string?)submit["data"]?[descriptor.RoundInput ?? string.Empty] == round.Id;
        if (submits.Count == 0 || !submits.All(NamesTheRound))
        {
            return "its card needs a Submit with its submit verb, naming the project and the round under its data keys.";
        }

        var inputs = objects.Select(o => (string?)o["id"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return descriptor.FreeTextInputs?.Values.Where(i => !inputs.Contains(i)).ToList() is { Count: > 0 } missing
            ? $"its card has no input {string.Join(", ", missing)} for free text."
            : null;
    }
}
