using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Rounds;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Rounds;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary>
/// <c>golive vote</c> (PM): a form for the panel (people on the project, its leaders ticked), the sponsor among them, and
/// how many days the vote stays open; saving it opens the vote on the scorecard as it stands and hands the vote cards to
/// the delivery pipeline. The card's data is untrusted: the project is re-read and the caller re-checked on submit.
/// </summary>
public sealed class GoLiveVoteForm(ProjectScope scope, ProjectService projects, GoLiveVotes votes, RoundSteps steps)
    : ICommand, ICardActionHandler
{
    public static readonly CommandDefinition Command = new("golive vote", ProjectAction.ManageGoLiveGate);

    private const string NoSponsor = "none";
    private const int DefaultDays = 2;

    private static TextResource Texts => GoLiveTexts.Cards;

    private static NumberField Days => new("days", Texts["VoteForm_Days"], true, 1, GoLiveVotes.MaxCloseAfterDays);

    public CommandDefinition Definition => Command;

    public string Verb => "golive.vote.start";

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (caller, project, answer) = await scope.AllowedAsync(
            turn, arguments ?? string.Empty, ProjectAction.ManageGoLiveGate, cancellationToken);
        if (caller is null || project is null)
        {
            return answer!;
        }

        // A vote open already: said before the form, in the words the domain refuses a second one with at Send.
        if (await votes.OpenVoteAsync(caller.Tenant, project.Code, cancellationToken) is { } open)
        {
            return NoticeCard.Build(new NoticeCardModel(
                Texts.Format("VoteForm_Title", project.Code.Value),
                ProblemText.Worded(Problem.VoteAlreadyOpen(project.Code, open.Round.ClosesAt)),
                (Texts["Vote_Scorecard"], $"{GoLiveStatusCommand.Command.Name} {project.Code.Value}")));
        }

        var leaders = project.Members.Where(m => m.Role == ProjectRole.Leader).Select(m => m.Person.Value);
        return FormCard.Build(Blank(project) with
        {
            Values = new Dictionary<string, string>
            {
                [Panel(project).Id] = string.Join(",", leaders),
                [Sponsor(project).Id] = NoSponsor,
                [Days.Id] = DefaultDays.ToString(CultureInfo.InvariantCulture),
            },
        });
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        var (target, refused) = await RoundForms.TargetAsync(
            turn, data, ProjectAction.ManageGoLiveGate, projects, scope, cancellationToken);
        if (target is null)
        {
            return refused!;
        }

        var (caller, project) = (target.Caller, target.Project);
        var blank = Blank(project);
        var values = new FormValues(data, blank.Fields);
        var (panel, sponsor, days) = (values.Choices(Panel(project)), values.Choice(Sponsor(project)), values.Number(Days));
        if (!values.IsValid)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var outcome = await votes.StartAsync(
            caller.Tenant,
            caller.Person,
            project.Code,
            [.. panel.Select(p => new PersonId(p))],
            sponsor is null or NoSponsor ? null : new PersonId(sponsor),
            TimeSpan.FromDays((double)days!.Value),
            cancellationToken);
        if (outcome is not Outcome<Round>.Done { Value: var round })
        {
            return outcome is Outcome<Round>.Invalid invalid
                ? FormCard.Build(values.Reshow(blank, ProblemText.Of(invalid.Problem)))
                : ProjectOutcomes.NotDone(outcome);
        }

        // Queued now rather than at the next scheduler tick; the pipeline's records keep a concurrent tick from sending twice.
        await steps.QueueCardsAsync(caller.Tenant, project.Code, GoLiveRounds.Kind, round.Id, cancellationToken);
        return NoticeCard.Build(new NoticeCardModel(
            Texts.Format("VoteForm_Started_Title", project.Code.Value),
            Texts.CountMarkdown("VoteForm_Sending", round.Audience.Count, Markdown.When(round.RemindAt), Markdown.When(round.ClosesAt))));
    }

    private static IReadOnlyList<(string Title, string Value)> Members(Project project) =>
        [.. project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person.Value))];

    private static ChoiceField Panel(Project project) =>
        new("panel", Texts["VoteForm_Panel"], true, Members(project), MultiSelect: true, Compact: project.Members.Count > 10);

    private static ChoiceField Sponsor(Project project) =>
        new("sponsor", Texts["VoteForm_Sponsor"], true, [(Texts["VoteForm_NoSponsor"], NoSponsor), .. Members(project)]);

    // Cancel shows the scorecard in the form's place, as the gate's own forms do; it sends no input.
    private FormModel Blank(Project project) => new(
        Texts.Format("VoteForm_Title", project.Code.Value),
        Texts["VoteForm_Intro"],
        [Panel(project), Sponsor(project), Days],
        Texts["VoteForm_Submit"],
        Verb,
        new Dictionary<string, string> { [RoundKindDescriptor.ProjectInput] = project.Code.Value })
    {
        Cancel = CardElements.Command(Texts["Form_Cancel"], $"{GoLiveStatusCommand.Command.Name} {project.Code.Value}")
            with { AssociatedInputs = AssociatedInputs.None },
    };
}
