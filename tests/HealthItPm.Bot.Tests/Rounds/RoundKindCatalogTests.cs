using Azure.Data.Tables;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Features.CheckIns;
using HealthItPm.Bot.Features.Readiness;
using HealthItPm.Bot.Hosting;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Bot.Tests.Support;
using HealthItPm.Domain;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.Rounds;

/// <summary>
/// Every kind of round the domain declares has a descriptor in the bot with every piece, and the host refuses to start
/// when one lacks a piece: a kind is never half-known, nor filed under another kind's default.
/// </summary>
public class RoundKindCatalogTests
{
    private static readonly FreeText ToyNote = new("ToyNote");

    private static readonly RoundKind<ToyAnswer, ToyAnswer> Toy = new(
        "Toy",
        new AuditKind("ToyStarted"),
        new AuditKind("ToyAnswered"),
        new("toy.card", "toy.reminder", "toy.end"),
        [ToyNote],
        (_, counted) => counted[0].Answer,
        (a, _) => a);

    /// <summary>The descriptors the host registers.</summary>
    private static IReadOnlyList<RoundKindDescriptor> Registered() => [.. HostComposition.Services.GetServices<RoundKindDescriptor>()];

    /// <summary>The commands the host registers.</summary>
    private static IReadOnlyList<CommandDefinition> Commands() => [.. HostComposition.Services.GetServices<CommandDefinition>()];

    [Fact]
    public void Every_kind_the_domain_registers_has_a_descriptor_with_every_piece()
    {
        var descriptors = Registered();

        Assert.Empty(RoundKindCatalog.Gaps(RoundKinds.All, descriptors, Commands()));
        Assert.Equal(RoundKinds.All.Select(k => k.Name).Order(), descriptors.Select(d => d.Kind.Name).Order());
        Assert.Equal(descriptors, HostComposition.Services.GetRequiredService<RoundKindCatalog>().All);
    }

    [Fact]
    public void Each_kind_answers_its_own_card_verbs_through_the_one_answer_flow()
    {
        // Each registered kind joined as a kind joins the host, alone: its handlers are the ones its registration adds.
        var registration = new ServiceCollection();
        var addRoundKind = typeof(RoundKindRegistration).GetMethod(nameof(RoundKindRegistration.AddRoundKind))!;
        foreach (var kind in Registered())
        {
            addRoundKind.MakeGenericMethod(kind.GetType()).Invoke(null, [registration]);
        }

        var services = registration.BuildServiceProvider();
        var verbs = services.GetServices<ICardActionHandler>().Select(h => h.Verb).ToList();

        Assert.Equal(Registered().SelectMany(d => new[] { d.SubmitVerb, d.ChangeVerb }).Order(), verbs.Order());
        Assert.Equal(Registered().Select(d => d.HelpTopic.Name), services.GetServices<HelpTopic>().Select(t => t.Name));
    }

    [Fact]
    public async Task A_kind_registered_in_the_domain_without_a_descriptor_is_a_gap_and_the_host_does_not_start()
    {
        var gaps = RoundKindCatalog.Gaps([.. RoundKinds.All, Toy], Registered(), Commands());
        var left = Registered()[^1];
        var withoutOne = new ServiceCollection();
        foreach (var kind in Registered().SkipLast(1))
        {
            typeof(RoundKindRegistration).GetMethod(nameof(RoundKindRegistration.AddRoundKind))!
                .MakeGenericMethod(kind.GetType()).Invoke(null, [withoutOne]);
        }

        Assert.Equal(
            ["Round kind 'Toy': it has 0 descriptors in the bot; it needs one "
                + "(its feature's Register calls AddRoundKind, and HealthItPmHost.Features lists the feature)."],
            gaps);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(
            withoutOne.BuildServiceProvider().GetServices<IHostedService>().Select(s => s.StartAsync(default))));
        Assert.StartsWith("The kinds of round are incomplete:", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"Round kind '{left.Kind.Name}': it has 0 descriptors in the bot", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_the_domain_declares_whose_feature_the_host_does_not_list_stops_the_host_by_name()
    {
        var services = new ServiceCollection()
            .AddHealthItPmFeatures([.. HealthItPmHost.Features.Where(f => f is not ReadinessFeature)])
            .BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(
            services.GetServices<IHostedService>().Select(s => s.StartAsync(default))));

        Assert.Contains(
            $"Round kind '{AdkarRounds.Kind.Name}': it has 0 descriptors in the bot; it needs one "
                + "(its feature's Register calls AddRoundKind, and HealthItPmHost.Features lists the feature).",
            refused.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_names_every_piece_a_purpose_made_incomplete_descriptor_lacks()
    {
        var gaps = RoundKindCatalog.Gaps([.. RoundKinds.All, Toy], [.. Registered(), new IncompleteKind()], Commands());

        string[] expected =
        [
            "it has no answer columns.",
            "it needs a help topic with a name and the first words of its commands.",
            "it needs two card verbs of its own, to submit an answer and to change it.",
            "its cards need a data key for the round, other than the project's.",
            "its card needs an input for each free-text field of the answer (ToyNote).",
            "it has no words for NotFoundTitle.",
            "it has no words for NotYours.",
            "it has no words for ClosedTitle.",
            "its words have no text Audit_ToyStarted.",
            "its words have no text Audit_ToyAnswered.",
            "its words have no text FreeText_ToyNote.",
            "its words have no text Round_Noun.",
            "its card needs a Submit with its submit verb, naming the project and the round under its data keys.",
        ];
        Assert.Equal([.. expected.Select(g => "Round kind 'Toy' (IncompleteKind): " + g)], gaps);
    }

    [Fact]
    public void A_descriptor_that_takes_another_kinds_verbs_or_help_topic_is_a_gap()
    {
        var gaps = RoundKindCatalog.Gaps([.. RoundKinds.All, Toy], [.. Registered(), new CopiedKind()], Commands());

        Assert.Contains("Round kind 'Toy' (CopiedKind): its card verbs belong to another kind.", gaps);
        Assert.Contains("Round kind 'Toy' (CopiedKind): another kind's help topic holds the same command words.", gaps);
        Assert.Contains(
            "Round kind 'Toy' (CopiedKind): its kind is not declared in the domain (a public static property of its folder's static class).",
            RoundKindCatalog.Gaps(RoundKinds.All, [.. Registered(), new CopiedKind()], Commands()));
    }

    [Fact]
    public async Task A_kind_whose_words_lack_its_audit_kinds_free_text_noun_or_help_is_a_gap_and_the_host_does_not_start()
    {
        CommandDefinition vote = new("toy vote");
        var gaps = RoundKindCatalog.Gaps([.. RoundKinds.All, Toy], [.. Registered(), new UnwordedKind()], [.. Commands(), vote]);
        var unworded = new ServiceCollection().AddRoundKind<UnwordedKind>().AddSingleton(vote).BuildServiceProvider();

        string[] expected =
        [
            "it has no help for 'toy vote' (ToyVote_Summary, ToyVote_Example in its words).",
            "its words have no text Audit_ToyStarted.",
            "its words have no text Audit_ToyAnswered.",
            "its words have no text FreeText_ToyNote.",
            "its words have no text Round_Noun.",
        ];
        Assert.Equal([.. expected.Select(g => "Round kind 'Toy' (UnwordedKind): " + g)], gaps);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Task.WhenAll(unworded.GetServices<IHostedService>().Select(s => s.StartAsync(default))));
        Assert.All(expected, g => Assert.Contains("Round kind 'Toy' (UnwordedKind): " + g, refused.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_stored_kind_is_found_by_its_name_and_an_unknown_name_is_an_error()
    {
        var catalog = new RoundKindCatalog(Registered(), Commands());

        Assert.IsType<AdkarRoundKind>(catalog.Named("Adkar"));
        Assert.IsType<CheckInRoundKind>(catalog.Named("CheckIn"));
        Assert.Throws<InvalidOperationException>(() => catalog.Named("NoSuchKind"));
        Assert.Throws<InvalidOperationException>(() => catalog.ColumnsOf<ToyAnswer>(RoundKinds.All[0]));
    }

    private sealed record ToyAnswer(int Vote, GuardedText? Note) : IFreeTextAnswer<ToyAnswer>
    {
        public GuardedText? TextOf(FreeText field) => Note;

        public ToyAnswer WithoutPatientDetails(FreeText field) => this with { Note = RemovedText.Marker };
    }

    /// <summary>What the toy descriptors below share: how a card is read and answered.</summary>
    private abstract class ToyDescriptor : RoundKindDescriptor<ToyAnswer, ToyAnswer, int>
    {
        public override RoundKind<ToyAnswer, ToyAnswer> Kind => Toy;

        public override string RoundInput => "round";

        public override IReadOnlyDictionary<FreeText, string> FreeTextInputs => new Dictionary<FreeText, string> { [ToyNote] = "note" };

        public override AnswerColumns<ToyAnswer> Columns => null!;

        internal override TextResource Words => CardTexts.Common;

        public override (RoundEntry<int> Entry, IReadOnlyList<string> Problems) Read(JObject data) =>
            (new(0, new Dictionary<FreeText, string>()), []);

        public override RoundEntry<int> EntryOf(ToyAnswer answer) => new(answer.Vote, new Dictionary<FreeText, string>());

        public override ToyAnswer Answer(int choices, Func<FreeText, GuardedText?> text) => new(choices, text(ToyNote));

        public override JObject Card(Round round, string projectName, RoundCardView<int> view) => new() { ["type"] = "AdaptiveCard" };

        public override JObject Answered(Round round, ToyAnswer answer, bool open) => new() { ["type"] = "AdaptiveCard" };

        public override Task<JObject> EndOfRoundAsync(
            IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken) =>
            Task.FromResult(new JObject { ["type"] = "AdaptiveCard" });
    }

    /// <summary>A kind of round with its domain side and, in the bot, nothing but a card that names neither project nor round.</summary>
    private sealed class IncompleteKind : ToyDescriptor
    {
        public override HelpTopic HelpTopic => null!;

        public override string SubmitVerb => string.Empty;

        public override string ChangeVerb => string.Empty;

        public override string RoundInput => ProjectInput;

        public override IReadOnlyDictionary<FreeText, string> FreeTextInputs => new Dictionary<FreeText, string>();

        public override string NotFoundTitle => string.Empty;

        public override string NotYours => string.Empty;

        public override string ClosedTitle => string.Empty;
    }

    /// <summary>A kind of round whose bot side copies the check-in's verbs and command words.</summary>
    private sealed class CopiedKind : ToyDescriptor
    {
        private readonly CheckInRoundKind _checkIn = new();

        public override HelpTopic HelpTopic { get; } = new("toys", () => "Toys", ["checkin"]);

        public override string SubmitVerb => _checkIn.SubmitVerb;

        public override string ChangeVerb => "toy.change";

        public override string NotFoundTitle => _checkIn.NotFoundTitle;

        public override string NotYours => _checkIn.NotYours;

        public override string ClosedTitle => _checkIn.ClosedTitle;
    }

    /// <summary>A kind of round with every piece but its words: its resx words none of what it declares, nor its command.</summary>
    private sealed class UnwordedKind : ToyDescriptor
    {
        public override HelpTopic HelpTopic { get; } = new("toys", () => "Toys", ["toy"]) { Help = CardTexts.Common };

        public override string SubmitVerb => "toy.submit";

        public override string ChangeVerb => "toy.change";

        public override string NotFoundTitle => "Toy not found";

        public override string NotYours => "This toy was not sent to you.";

        public override string ClosedTitle => "This toy is closed";

        public override AnswerColumns<ToyAnswer> Columns => new ToyColumns();

        public override JObject Card(Round round, string projectName, RoundCardView<int> view) => new()
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JArray(new JObject { ["type"] = "Input.Text", ["id"] = "note" }),
            ["actions"] = new JArray(new JObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = SubmitVerb,
                ["data"] = new JObject { [ProjectInput] = round.Project.Value, [RoundInput] = round.Id },
            }),
        };
    }

    private sealed class ToyColumns : AnswerColumns<ToyAnswer>
    {
        public override void Write(TableEntity row, ToyAnswer answer) => row["Vote"] = answer.Vote;

        public override ToyAnswer Read(TableEntity row) => new(row.GetInt32("Vote") ?? 0, null);
    }
}
