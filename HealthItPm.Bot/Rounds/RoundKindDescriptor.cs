using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Audit;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Rounds;

/// <summary>
/// The bot's side of a kind of round, in the kind's feature folder: its cards, how its answers are stored, its words (its
/// resx: its noun, audit kinds, free-text fields, cards and its commands' help) and the help topic its commands are listed
/// under. With the domain's side (<see cref="RoundKind"/>) it is all
/// that differs between kinds: the answer flow (<see cref="RoundAnswers"/>), the round's delivery steps and the round
/// store read it, and nothing else in the bot tells kinds apart. Registered with <c>AddRoundKind</c>; the
/// <see cref="RoundKindCatalog"/> refuses to start when a kind lacks a piece.
/// </summary>
public abstract class RoundKindDescriptor : FeatureWords
{
    /// <summary>The data key every round card names its project with.</summary>
    public const string ProjectInput = "project";

    /// <summary>The domain's side of the kind.</summary>
    public abstract RoundKind Kind { get; }

    public sealed override RoundKind RoundKind => Kind;

    /// <summary>The kind's audit kinds: sent and answered, and any other its feature records.</summary>
    public override IReadOnlyList<AuditKind> AuditKinds => [Kind.Started, Kind.Answered];

    /// <summary>The answer's free-text fields, and any other its feature declares.</summary>
    public override IReadOnlyList<FreeText> FreeTexts => Kind.FreeTextFields;

    /// <summary>
    /// What the keys of the kind's rows in the round table start with, so kinds never collide: its name in lower case and a
    /// bar (<c>checkin|</c>, <c>adkar|</c>). Kinds' names differ in more than case (<see cref="Domain.RoundKinds.Gaps"/>), so
    /// their prefixes differ.
    /// </summary>
    public string StoragePrefix => Kind.Name.ToLowerInvariant() + "|";

    /// <summary>The task help lists the kind's commands under, with their help from the kind's words.</summary>
    public abstract HelpTopic HelpTopic { get; }

    /// <summary>The verb of the card's Submit.</summary>
    public abstract string SubmitVerb { get; }

    /// <summary>The verb of the answered card's "Change answer".</summary>
    public abstract string ChangeVerb { get; }

    /// <summary>The data key the kind's cards name the round with (cards already sent keep naming it so).</summary>
    public abstract string RoundInput { get; }

    /// <summary>The card input each of the answer's free-text fields (<see cref="RoundKind.FreeTextFields"/>) is typed in.</summary>
    public abstract IReadOnlyDictionary<FreeText, string> FreeTextInputs { get; }

    /// <summary>The title of the notice for a round that was not sent to the person or no longer exists ("Check-in not found").</summary>
    public abstract string NotFoundTitle { get; }

    /// <summary>That notice's sentence ("This check-in was not sent to you or is no longer available.").</summary>
    public abstract string NotYours { get; }

    /// <summary>The title of the notice for a round that has closed ("This check-in is closed").</summary>
    public abstract string ClosedTitle { get; }

    /// <summary>The card a round sends each respondent, or reminds them with.</summary>
    public abstract JObject Card(Round round, string projectName, bool reminder);

    /// <summary>
    /// The card a round sends <paramref name="person"/>, or reminds them with: <see cref="Card(Round, string, bool)"/> unless
    /// the kind's card shows what only its feature can read for that person (the criteria an owner attests).
    /// </summary>
    internal abstract Task<JObject> CardAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId person,
        Round round,
        string projectName,
        bool reminder,
        CancellationToken cancellationToken);

    /// <summary>
    /// What the project's PMs get when a round ends (a summary, results). <paramref name="services"/> gives the feature's use
    /// cases: they read the round store, which reads this descriptor, so they are asked for when a round ends.
    /// </summary>
    public abstract Task<JObject> EndOfRoundAsync(
        IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken);

    /// <summary>
    /// The answered card a respondent's message shows now, when their answer holds a text removed for patient details; null
    /// otherwise (their card is left as it is). Found by the person's own key, so never after an anonymous round closed.
    /// </summary>
    internal abstract Task<JObject?> AnsweredAfterRemovalAsync(
        RoundEngine engine, TenantId tenant, Round round, PersonId person, CancellationToken cancellationToken);

    /// <summary>How the kind's answers are stored; null is a gap the catalog reports.</summary>
    internal abstract object? StoredColumns { get; }

    /// <summary>The card's Submit, through the one answer flow.</summary>
    internal abstract Task<JObject> SubmitAsync(RoundAnswers answers, ITurnContext turn, JObject data, CancellationToken cancellationToken);

    /// <summary>The answered card's "Change answer", through the one answer flow.</summary>
    internal abstract Task<JObject> ChangeAsync(RoundAnswers answers, ITurnContext turn, JObject data, CancellationToken cancellationToken);
}

/// <summary>
/// A kind of round whose answers are <typeparamref name="TAnswer"/>, counted to <typeparamref name="TTally"/>, and whose card
/// takes <typeparamref name="TChoices"/> besides free text.
/// </summary>
public abstract class RoundKindDescriptor<TAnswer, TTally, TChoices> : RoundKindDescriptor
    where TAnswer : class, IFreeTextAnswer<TAnswer>
    where TTally : class
{
    public abstract override RoundKind<TAnswer, TTally> Kind { get; }

    /// <summary>How an answer is written to, and read from, its row's columns.</summary>
    public abstract AnswerColumns<TAnswer> Columns { get; }

    /// <summary>
    /// What a Submit carries besides the project and the round: what the person entered, and what the card could not take,
    /// worded.
    /// </summary>
    public abstract (RoundEntry<TChoices> Entry, IReadOnlyList<string> Problems) Read(JObject data);

    /// <summary>An answer as the card shows it when the person changes it.</summary>
    public abstract RoundEntry<TChoices> EntryOf(TAnswer answer);

    /// <summary>
    /// The answer, made by the domain from what was entered and the free text the PHI check let through; a
    /// <see cref="DomainException"/> when the domain refuses it (its problem is shown on the card).
    /// </summary>
    public abstract TAnswer Answer(TChoices choices, Func<FreeText, GuardedText?> text);

    /// <summary>The card for the round, showing <paramref name="view"/>: the reminder, what was entered, what needs changing.</summary>
    public abstract JObject Card(Round round, string projectName, RoundCardView<TChoices> view);

    /// <summary>What replaces the card once answered: the answer, and "Change answer" while <paramref name="open"/>.</summary>
    public abstract JObject Answered(Round round, TAnswer answer, bool open);

    public sealed override JObject Card(Round round, string projectName, bool reminder) =>
        Card(round, projectName, new RoundCardView<TChoices>(reminder));

    /// <summary>
    /// The card for <paramref name="person"/>: <see cref="Card(Round, string, RoundCardView{TChoices})"/> unless the kind reads
    /// what the person's card shows from its feature (<paramref name="services"/> gives its use cases).
    /// </summary>
    public virtual Task<JObject> CardAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId person,
        Round round,
        string projectName,
        RoundCardView<TChoices> view,
        CancellationToken cancellationToken) =>
        Task.FromResult(Card(round, projectName, view));

    /// <summary>
    /// What the kind's feature does with an answer before it is stored (the attestation written to the gate): done with the
    /// answer to store, or why not, and then nothing is stored. Called while the round is open, for someone it was sent to.
    /// </summary>
    public virtual Task<Outcome<TAnswer>> AcceptAsync(
        IServiceProvider services, TenantId tenant, PersonId person, Round round, TAnswer answer, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<TAnswer>>(new Outcome<TAnswer>.Done(answer));

    internal sealed override Task<JObject> CardAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId person,
        Round round,
        string projectName,
        bool reminder,
        CancellationToken cancellationToken) =>
        CardAsync(services, tenant, person, round, projectName, new RoundCardView<TChoices>(reminder), cancellationToken);

    /// <summary>Whether one of the answer's texts was removed for patient details (its card then shows it so).</summary>
    private bool HoldsRemovedText(TAnswer answer) => Kind.FreeTextFields.Any(field => RemovedText.IsRemoved(answer.TextOf(field)));

    internal sealed override async Task<JObject?> AnsweredAfterRemovalAsync(
        RoundEngine engine, TenantId tenant, Round round, PersonId person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(round);
        var (now, given) = await engine.AnswerOfAsync(tenant, person, round.Project, Kind, round.Id, cancellationToken);
        return now is not null && given is not null && HoldsRemovedText(given.Answer)
            ? Answered(now, given.Answer, now.IsOpen(engine.Now))
            : null;
    }

    internal sealed override object? StoredColumns => Columns;

    internal sealed override Task<JObject> SubmitAsync(
        RoundAnswers answers, ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        answers.SubmitAsync(this, turn, data, cancellationToken);

    internal sealed override Task<JObject> ChangeAsync(
        RoundAnswers answers, ITurnContext turn, JObject data, CancellationToken cancellationToken) =>
        answers.ChangeAsync(this, turn, data, cancellationToken);
}

/// <summary>What a person entered on a round's card: the kind's own choices, and their free text by field (those typed into).</summary>
public sealed record RoundEntry<TChoices>(TChoices Choices, IReadOnlyDictionary<FreeText, string> Text)
{
    public string? TextOf(FreeText field) => Text.GetValueOrDefault(field);
}

/// <summary>
/// What a round's card shows besides the round: whether it is the reminder, what the person entered (when the card comes
/// back, or when they change their answer), what the card could not take, suspected PHI pointed out beside the text, and
/// what the domain refused (its sentence).
/// </summary>
public sealed record RoundCardView<TChoices>(
    bool Reminder = false,
    RoundEntry<TChoices>? Entry = null,
    IReadOnlyList<string>? Problems = null,
    string? PhiFound = null,
    string? Refused = null);
