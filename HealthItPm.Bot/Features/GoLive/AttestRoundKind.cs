using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>What an attestation card takes besides the evidence: the criterion and its state (null until picked).</summary>
public sealed record AttestChoice(int? Criterion, AttestedState? State);

/// <summary>
/// The owners' attestations in the bot: each owner's card lists their criteria the round asks about, read from the gate
/// when the card is composed; an answer is written to the gate (<see cref="GoLiveAttestations.AttestAsync"/>) before the
/// round keeps it, so a refused one stores nothing. Its commands are the go-live gate's (<c>golive ask</c>).
/// </summary>
public sealed class AttestRoundKind : RoundKindDescriptor<AttestAnswer, AttestTally, AttestChoice>
{
    public const string Submit = "golive.attest";
    public const string Change = "golive.attest.change";

    private static TextResource Texts => GoLiveTexts.Attest;

    public override RoundKind<AttestAnswer, AttestTally> Kind => AttestRounds.Kind;

    public override HelpTopic HelpTopic => GoLiveRoundKind.Topic;

    public override string SubmitVerb => Submit;

    public override string ChangeVerb => Change;

    public override string RoundInput => AttestCard.RoundInput;

    public override IReadOnlyDictionary<FreeText, string> FreeTextInputs { get; } =
        new Dictionary<FreeText, string> { [AttestRounds.Evidence] = AttestCard.EvidenceInput };

    public override string NotFoundTitle => Texts["Round_NotFound_Title"];

    public override string NotYours => Texts["Round_NotYours"];

    public override string ClosedTitle => Texts["Round_Closed_Title"];

    public override AnswerColumns<AttestAnswer> Columns { get; } = new AttestColumns();

    internal override TextResource Words => Texts;

    public override (RoundEntry<AttestChoice> Entry, IReadOnlyList<string> Problems) Read(JObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int? criterion = data[AttestCard.CriterionInput] is JValue { Type: JTokenType.String } c
            && int.TryParse((string?)c, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : null;
        var state = GoLiveRoundKind.Named<AttestedState>(data[AttestCard.StateInput]);
        var text = new Dictionary<FreeText, string>();
        if (data[AttestCard.EvidenceInput] is JValue { Type: JTokenType.String } typed && !string.IsNullOrWhiteSpace((string?)typed))
        {
            text[AttestRounds.Evidence] = (string)typed!;
        }

        var problems = new List<string>();
        if (criterion is null)
        {
            problems.Add(Texts["Problem_NoCriterion"]);
        }

        if (state is null)
        {
            problems.Add(Texts["Problem_NoState"]);
        }

        return (new RoundEntry<AttestChoice>(new AttestChoice(criterion, state), text), problems);
    }

    public override RoundEntry<AttestChoice> EntryOf(AttestAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(new AttestChoice(answer.Criterion, answer.State), new Dictionary<FreeText, string>());
    }

    public override AttestAnswer Answer(AttestChoice choices, Func<FreeText, GuardedText?> text)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(text);
        return AttestAnswer.Create(choices.Criterion!.Value, choices.State!.Value, text(AttestRounds.Evidence));
    }

    public override Task<Outcome<AttestAnswer>> AcceptAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId person,
        Round round,
        AttestAnswer answer,
        CancellationToken cancellationToken) =>
        services.GetRequiredService<GoLiveAttestations>().AttestAsync(tenant, person, round, answer, cancellationToken);

    /// <summary>The card as the round alone names it: the criteria asked, by number (what the kind's checks build).</summary>
    public override JObject Card(Round round, string projectName, RoundCardView<AttestChoice> view)
    {
        ArgumentNullException.ThrowIfNull(round);
        var items = AttestRequest.Parse(round.Name).Select(n => new AttestItem(n, $"#{n}", Importance.Must, null)).ToList();
        return AttestCard.Build(Model(round, projectName, view, items));
    }

    /// <summary>The person's card: their criteria of the round as the gate names them now, with their last attestation.</summary>
    public override async Task<JObject> CardAsync(
        IServiceProvider services,
        TenantId tenant,
        PersonId person,
        Round round,
        string projectName,
        RoundCardView<AttestChoice> view,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(round);
        var stored = await services.GetRequiredService<IGateStore>().GetAsync(tenant, round.Project, cancellationToken);
        var items = stored is null ? [] : GoLiveAttestations.AskedOf(stored.Gate, round, person).Select(Item).ToList();
        return AttestCard.Build(Model(round, projectName, view, items) with { NoneYours = items.Count == 0 });
    }

    public override JObject Answered(Round round, AttestAnswer answer, bool open)
    {
        ArgumentNullException.ThrowIfNull(round);
        return AttestCard.Answered(round.Project.Value, round.Id, answer, round.ClosesAt, open);
    }

    public override async Task<JObject> EndOfRoundAsync(
        IServiceProvider services, TenantId tenant, Round round, ProjectHeading project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(project);
        var tally = await services.GetRequiredService<RoundEngine>().TallyAsync(tenant, Kind, round, cancellationToken);
        var asked = AttestRequest.Parse(round.Name);
        var stored = await services.GetRequiredService<IGateStore>().GetAsync(tenant, round.Project, cancellationToken);
        var stillOpen = stored is null ? [] : stored.Gate.Criteria
            .Where(c => asked.Contains(c.Number) && c.Attestation?.State != AttestedState.Met)
            .Select(Item)
            .ToList();
        return AttestCard.Result(round.Project.Value, project.Name, tally, stillOpen);
    }

    private static AttestItem Item(GateCriterion c) => new(c.Number, ScorecardCard.NameOf(c), c.Importance, c.Attestation);

    private static AttestModel Model(Round round, string projectName, RoundCardView<AttestChoice> view, IReadOnlyList<AttestItem> items) =>
        new(
            round.Project.Value,
            projectName,
            round.Id,
            round.ClosesAt,
            items,
            view.Reminder,
            view.Entry?.Choices,
            view.Entry?.TextOf(AttestRounds.Evidence),
            view.Problems,
            view.PhiFound,
            view.Refused);
}
