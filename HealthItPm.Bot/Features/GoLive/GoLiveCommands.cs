using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Bot.Teams;
using HealthItPm.Bot.Teams.CardActions;
using HealthItPm.Bot.Teams.Commands;
using HealthItPm.Domain.Common;
using HealthItPm.Domain.GoLive;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.GoLive;

/// <summary><c>golive status</c>: the scorecard, for anyone on the project.</summary>
public sealed class GoLiveStatusCommand(ProjectScope scope, GoLiveService gates, GoLiveVotes votes, AccessPolicy access) : ICommand
{
    public static readonly CommandDefinition Command = new("golive status", ProjectAction.ViewGoLiveGate);

    public CommandDefinition Definition => Command;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (caller, project, answer) = await scope.AllowedAsync(
            turn, arguments ?? string.Empty, ProjectAction.ViewGoLiveGate, cancellationToken);
        if (caller is null || project is null)
        {
            return answer!;
        }

        var outcome = await gates.ScorecardAsync(caller.Tenant, caller.Person, project.Code, cancellationToken);
        var (last, open) = outcome is Outcome<GateView>.Done
            ? await VotesOnAsync(votes, caller, project.Code, cancellationToken)
            : (null, null);
        return GoLiveForm.Scorecard(outcome, caller, access, project, last, open);
    }

    /// <summary>
    /// What the scorecard shows of the panel's votes: the last decision and the vote open now, if any (counts only), marked
    /// for a reader on its panel. Only for someone allowed to see the gate.
    /// </summary>
    internal static async Task<(LastDecision? Last, VoteInProgress? Open)> VotesOnAsync(
        GoLiveVotes votes, Caller caller, ProjectCode code, CancellationToken cancellationToken)
    {
        var last = await votes.LastDecisionAsync(caller.Tenant, code, cancellationToken);
        var open = await votes.OpenVoteAsync(caller.Tenant, code, cancellationToken);
        return (
            last is null ? null : new LastDecision(last.Decision.Choice, last.Round.ClosesAt),
            open is null
                ? null
                : new VoteInProgress(open.Round.Id, open.Round.ClosesAt, open.Voted, open.Panel, open.Round.IsAddressedTo(caller.Person)));
    }
}

/// <summary>
/// A form on a project's gate (PM): shown by its command, submitted with its verb. The card's data is untrusted:
/// each submit re-reads the project and the gate and re-checks the caller's role before anything is read.
/// </summary>
public abstract class GoLiveForm(ProjectScope scope, ProjectService projects, GoLiveService gates, GoLiveVotes votes, AccessPolicy access)
    : ICommand, ICardActionHandler
{
    private const string ProjectKey = "project";

    public abstract CommandDefinition Definition { get; }

    public abstract string Verb { get; }

    protected GoLiveService Gates => gates;

    public async Task<JObject> ExecuteAsync(ITurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        var (caller, project, answer) = await scope.AllowedAsync(
            turn, arguments ?? string.Empty, ProjectAction.ManageGoLiveGate, cancellationToken);
        if (caller is null || project is null)
        {
            return answer!;
        }

        var context = Context(turn, caller, project, cancellationToken);
        return FormCard.Build(WithProject(Form(context, await GateAsync(context)), project));
    }

    public async Task<JObject> HandleAsync(ITurnContext turn, JObject data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Caller.Of(turn) is not { } caller)
        {
            return ProjectScope.UnknownCaller;
        }

        if (!ProjectCode.TryParse(data[ProjectKey]?.Type == JTokenType.String ? (string?)data[ProjectKey] : null, out var code))
        {
            return NoticeCard.Build(NoticeCardModel.UnknownAction);
        }

        var current = await projects.ViewAsync(caller.Tenant, caller.Person, code, cancellationToken, ProjectAction.ManageGoLiveGate);
        if (current is not Outcome<Project>.Done { Value: var project })
        {
            return ProjectOutcomes.NotDone(current);
        }

        var context = Context(turn, caller, project, cancellationToken) with { Submitted = data };
        var before = await GateAsync(context);
        var blank = WithProject(Form(context, before), project);
        var values = new FormValues(data, blank.Fields);
        var save = Read(context, before, values);
        if (!values.IsValid || save is null)
        {
            return FormCard.Build(values.Reshow(blank));
        }

        var outcome = await save();
        if (outcome is Outcome<GoLiveGate>.Invalid invalid)
        {
            // Beside the field the problem is about, as the form's own checks place theirs; on top when it is about none.
            var message = ProblemText.Of(invalid.Problem);
            if (FieldOf(invalid.Problem) is { } field && blank.Fields.Any(f => f.Id == field))
            {
                values.AddError(field, message);
                return FormCard.Build(values.Reshow(blank));
            }

            return FormCard.Build(values.Reshow(blank, message));
        }

        if (outcome is not Outcome<GoLiveGate>.Done { Value: var after })
        {
            return ProjectOutcomes.NotDone(outcome);
        }

        var (last, open) = await GoLiveStatusCommand.VotesOnAsync(votes, caller, code, cancellationToken);
        var scorecard = await gates.ScorecardAsync(caller.Tenant, caller.Person, code, cancellationToken);
        return CardBanner.Saved(Scorecard(scorecard, caller, access, project, last, open), SavedAs(before, after, values));
    }

    /// <summary>
    /// The scorecard card for an outcome on <paramref name="project"/>, with the PM's buttons for those who may manage the
    /// gate; a project without a gate offers to set it only to them (anyone else would be refused).
    /// </summary>
    public static JObject Scorecard(
        Outcome<GateView> outcome,
        Caller caller,
        AccessPolicy access,
        Project project,
        LastDecision? last = null,
        VoteInProgress? open = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(project);
        if (outcome is Outcome<GateView>.NotFound { Problem.Code: GoLiveProblem.NoGateYet })
        {
            var set = access.Can(caller.Person, ProjectAction.ManageGoLiveGate, project).Allowed
                ? (GoLiveTexts.Cards["NoGate_Button"], $"{GoLiveSetForm.Command.Name} {project.Code.Value}")
                : ((string, string)?)null;
            return NoticeCard.Build(new NoticeCardModel(GoLiveTexts.Cards["NoGate_Title"], GoLiveTexts.Cards["NoGate"], set));
        }

        return ProjectOutcomes.Card(outcome, view => ScorecardCard.Build(new ScorecardModel(
            view.Project, view.Scorecard, access.Can(caller.Person, ProjectAction.ManageGoLiveGate, view.Project).Allowed, last, open)));
    }

    /// <summary>What the banner over the scorecard says once saved.</summary>
    protected abstract string Saved { get; }

    /// <summary>The banner for this save, naming what changed where the form knows it (the gate before and after).</summary>
    protected virtual Markdown SavedAs(GoLiveGate? before, GoLiveGate after, FormValues values) => Markdown.Worded(Saved);

    /// <summary>The form for the project and its gate (null: none yet).</summary>
    protected abstract FormModel Form(FormContext context, GoLiveGate? gate);

    /// <summary>The save to run once the values are valid; null (with errors in <paramref name="values"/>) otherwise.</summary>
    protected abstract Func<Task<Outcome<GoLiveGate>>>? Read(FormContext context, GoLiveGate? gate, FormValues values);

    private protected static TextResource Texts => GoLiveTexts.Cards;

    private async Task<GoLiveGate?> GateAsync(FormContext context) =>
        await gates.ScorecardAsync(context.Caller.Tenant, context.Caller.Person, context.Project.Code, context.CancellationToken)
            is Outcome<GateView>.Done { Value: var view } ? view.Gate : null;

    private FormContext Context(ITurnContext turn, Caller caller, Project project, CancellationToken cancellationToken) =>
        new(turn, caller, project, projects.TodayIn(project.TimeZone), scope.PhiContextOf(project), cancellationToken);

    // Cancel shows the project's scorecard again in the form's place; it sends no input, so blank required ones do not stop it.
    private FormModel WithProject(FormModel form, Project project) =>
        form with
        {
            Verb = Verb,
            Hidden = new Dictionary<string, string>(form.Hidden) { [ProjectKey] = project.Code.Value },
            Cancel = CardElements.Command(Texts["Form_Cancel"], $"{GoLiveStatusCommand.Command.Name} {project.Code.Value}")
                with { AssociatedInputs = AssociatedInputs.None },
        };

    // The form field a problem from the gate is about; null for one about the whole gate (e.g. changed meanwhile).
    private static string? FieldOf(Problem problem) => problem.Code switch
    {
        GoLiveProblem.GateDateInPast => "date",
        GoLiveProblem.CheckpointDaysOutOfRange => "checkpoints",
        GoLiveProblem.NoSuchCriterion => "criterion",
        GoLiveProblem.OwnerNotOnGateProject => CriterionFields.OwnerId,
        GoLiveProblem.ThresholdOutOfRange => CriterionFields.Threshold.Id,
        GoLiveProblem.SubjectRequired => CriterionFields.Subject.Id,
        GoLiveProblem.StaleDaysOutOfRange => CriterionFields.Stale.Id,
        _ => null,
    };
}

/// <summary><c>golive</c>: the go/no-go date and the checkpoints; the first time, the gate from the project kind's template.</summary>
public sealed class GoLiveSetForm(
    ProjectScope scope, ProjectService projects, GoLiveService gates, GoLiveVotes votes, AccessPolicy access)
    : GoLiveForm(scope, projects, gates, votes, access)
{
    public static readonly CommandDefinition Command = new("golive", ProjectAction.ManageGoLiveGate);

    private static DateField Date => new("date", Texts["Set_Date"], true);

    private static TextField Checkpoints => new("checkpoints", Texts["Set_Checkpoints"], true, 40, Texts["Set_CheckpointsPlaceholder"]);

    public override CommandDefinition Definition => Command;

    public override string Verb => "golive.set";

    protected override string Saved => Texts["Set_Saved"];

    protected override FormModel Form(FormContext context, GoLiveGate? gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FormModel(
            Texts.Format("Set_Title", context.Project.Code.Value),
            gate is null ? Texts.Format("Set_IntroNew", ProjectLabels.Kind(context.Project.Kind)) : Texts["Set_IntroExisting"],
            [Date, Checkpoints],
            Texts["Set_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                [Date.Id] = FormValues.DateValue(gate?.Date ?? context.Project.Schedule.GoLive),
                [Checkpoints.Id] = string.Join(", ", gate?.CheckpointDays ?? GoLiveGate.DefaultCheckpointDays),
            });
    }

    protected override Func<Task<Outcome<GoLiveGate>>>? Read(FormContext context, GoLiveGate? gate, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var date = values.Date(Date);
        var days = new List<int>();
        foreach (var part in (values.Text(Checkpoints) ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d is < 1 or > GoLiveGate.MaxCheckpointDays)
            {
                values.AddError(Checkpoints.Id, Texts.Format("Set_CheckpointsWrong", GoLiveGate.MaxCheckpointDays));
                break;
            }

            days.Add(d);
        }

        return values.IsValid && date is { } on
            ? () => Gates.SetAsync(context.Caller.Tenant, context.Caller.Person, context.Project.Code, on, days, context.CancellationToken)
            : null;
    }
}

/// <summary><c>golive add</c>: a criterion of the PM's own, computed or attested.</summary>
public sealed class GoLiveAddForm(
    ProjectScope scope, ProjectService projects, GoLiveService gates, GoLiveVotes votes, AccessPolicy access)
    : GoLiveForm(scope, projects, gates, votes, access)
{
    public static readonly CommandDefinition Command = new("golive add", ProjectAction.ManageGoLiveGate);

    private const string AttestedValue = "Attested";

    private static TextField Name => new("name", Texts["Criterion_Name"], true, GateCriterion.MaxNameLength);

    private static ChoiceField Group => new(
        "group", Texts["Criterion_Group"], true, [.. Enum.GetValues<GateGroup>().Select(g => (Texts[$"Group_{g}"], g.ToString()))]);

    private static ChoiceField How => new(
        "how",
        Texts["Criterion_How"],
        true,
        [(Texts["How_Attested"], AttestedValue), .. Enum.GetValues<Measure>().Select(m => (Texts[$"How_{m}"], m.ToString()))]);

    public override CommandDefinition Definition => Command;

    public override string Verb => "golive.add";

    protected override string Saved => Texts["Add_Saved"];

    protected override Markdown SavedAs(GoLiveGate? before, GoLiveGate after, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(after);
        var known = (before?.Criteria ?? []).Select(c => c.Number).ToHashSet();
        return after.Criteria.LastOrDefault(c => !known.Contains(c.Number)) is { } added
            ? Texts.Markdown("Add_Added", added.Number, ScorecardCard.NameOf(added))
            : base.SavedAs(before, after, values);
    }

    protected override FormModel Form(FormContext context, GoLiveGate? gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FormModel(
            Texts.Format("Add_Title", context.Project.Code.Value),
            gate is null ? Texts["NoGate"] : Texts["Add_Intro"],
            [Group, Name, CriterionFields.Importance(false), CriterionFields.Owner(context.Project, false), How,
                CriterionFields.Threshold, CriterionFields.Subject, CriterionFields.Stale],
            Texts["Add_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                [CriterionFields.ImportanceId] = nameof(Importance.Must),
                [CriterionFields.OwnerId] = context.Caller.Person.Value,
                [How.Id] = AttestedValue,
                [CriterionFields.Stale.Id] = GateCriterion.DefaultStaleAfterDays.ToString(CultureInfo.InvariantCulture),
            });
    }

    protected override Func<Task<Outcome<GoLiveGate>>>? Read(FormContext context, GoLiveGate? gate, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var group = values.Choice<GateGroup>(Group);
        var name = values.Guarded(Name, context.Phi);
        var importance = values.Choice<Importance>(CriterionFields.Importance(false));
        var owner = values.Choice(CriterionFields.Owner(context.Project, false));
        var how = values.Choice(How);
        Measure? measure = how is null or AttestedValue ? null : Enum.Parse<Measure>(how);
        var threshold = values.Number(CriterionFields.Threshold);
        var subject = values.Guarded(CriterionFields.Subject, context.Phi);
        var stale = values.Number(CriterionFields.Stale);
        if (!values.IsValid)
        {
            return null;
        }

        var draft = new CriterionDraft(
            group!.Value,
            name,
            importance!.Value,
            new PersonId(owner!),
            measure,
            CriterionFields.ThresholdOf(measure, threshold),
            subject,
            (int)(stale ?? GateCriterion.DefaultStaleAfterDays));
        return () => Gates.AddAsync(context.Caller.Tenant, context.Caller.Person, context.Project.Code, draft, context.CancellationToken);
    }
}

/// <summary><c>golive edit</c>: change a criterion (a blank field keeps its value), or remove it.</summary>
public sealed class GoLiveEditForm(
    ProjectScope scope, ProjectService projects, GoLiveService gates, GoLiveVotes votes, AccessPolicy access)
    : GoLiveForm(scope, projects, gates, votes, access)
{
    public static readonly CommandDefinition Command = new("golive edit", ProjectAction.ManageGoLiveGate);

    private const string Keep = "keep";
    private const string RemoveValue = "remove";

    private static ChoiceField Action => new(
        "action", Texts["Edit_Action"], true, [(Texts["Edit_Change"], Keep), (Texts["Edit_Remove"], RemoveValue)]);

    public override CommandDefinition Definition => Command;

    public override string Verb => "golive.edit";

    protected override string Saved => Texts["Edit_Saved"];

    // Read from the gate as it was: a removed criterion is no longer in the gate after.
    protected override Markdown SavedAs(GoLiveGate? before, GoLiveGate after, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(values);
        return int.TryParse(values.Raw[Which(before).Id], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && before?.Find(number) is { } criterion
            ? Texts.Markdown(
                values.Raw[Action.Id] == RemoveValue ? "Edit_Removed" : "Edit_Changed",
                criterion.Number,
                ScorecardCard.NameOf(after.Find(number) ?? criterion))
            : base.SavedAs(before, after, values);
    }

    private static ChoiceField Which(GoLiveGate? gate) => new(
        "criterion",
        Texts["Edit_Criterion"],
        true,
        [.. (gate?.Criteria ?? [])
            .Select(c => ($"#{c.Number} {ScorecardCard.NameOf(c)}", c.Number.ToString(CultureInfo.InvariantCulture)))]);

    protected override FormModel Form(FormContext context, GoLiveGate? gate)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FormModel(
            Texts.Format("Edit_Title", context.Project.Code.Value),
            gate is null ? Texts["NoGate"] : Texts["Edit_Intro"],
            [Which(gate), Action, CriterionFields.Importance(true), CriterionFields.Owner(context.Project, true),
                CriterionFields.Threshold, CriterionFields.Subject, CriterionFields.Stale],
            Texts["Edit_Submit"],
            Verb,
            new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                [Action.Id] = Keep,
                [CriterionFields.ImportanceId] = Keep,
                [CriterionFields.OwnerId] = Keep,
            });
    }

    protected override Func<Task<Outcome<GoLiveGate>>>? Read(FormContext context, GoLiveGate? gate, FormValues values)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var number = values.Choice(Which(gate));
        var action = values.Choice(Action);
        var importance = values.Choice(CriterionFields.Importance(true));
        var owner = values.Choice(CriterionFields.Owner(context.Project, true));
        var threshold = values.Number(CriterionFields.Threshold);
        var subject = values.Guarded(CriterionFields.Subject, context.Phi);
        var stale = values.Number(CriterionFields.Stale);
        if (!values.IsValid || gate?.Find(int.Parse(number!, CultureInfo.InvariantCulture)) is not { } current)
        {
            return null;
        }

        var (tenant, person, code, token) = (context.Caller.Tenant, context.Caller.Person, context.Project.Code, context.CancellationToken);
        if (action == RemoveValue)
        {
            return () => Gates.RemoveAsync(tenant, person, code, current.Number, token);
        }

        var edit = new CriterionEdit(
            null,
            importance is null or Keep ? current.Importance : Enum.Parse<Importance>(importance),
            owner is null or Keep ? current.Owner : new PersonId(owner),
            threshold is null ? current.Threshold : CriterionFields.ThresholdOf(current.Measure, threshold),
            subject ?? current.Subject,
            stale is null ? current.StaleAfterDays : (int)stale.Value);
        return () => Gates.EditAsync(tenant, person, code, current.Number, edit, token);
    }
}

/// <summary>The fields the add and edit forms share.</summary>
internal static class CriterionFields
{
    public const string ImportanceId = "importance";
    public const string OwnerId = "owner";

    private static TextResource Texts => GoLiveTexts.Cards;

    public static NumberField Threshold => new("threshold", Texts["Criterion_Threshold"], false, -1_000_000_000m, 1_000_000_000m);

    public static TextField Subject => new("subject", Texts["Criterion_Subject"], false, GateCriterion.MaxSubjectLength);

    public static NumberField Stale => new("stale", Texts["Criterion_Stale"], false, 1, GateCriterion.MaxStaleAfterDays);

    public static ChoiceField Importance(bool keep) => new(
        ImportanceId,
        Texts["Criterion_Importance"],
        true,
        [.. Keeping(keep), (Texts["Importance_Must"], "Must"), (Texts["Importance_Should"], "Should")]);

    public static ChoiceField Owner(Project project, bool keep) =>
        new(OwnerId, Texts["Criterion_Owner"], true, [.. Keeping(keep), .. GoLiveFormPeople(project)]);

    /// <summary>A share is typed as a percent (80) and kept as a fraction (0.8); counts and KPI values as typed.</summary>
    public static decimal? ThresholdOf(Measure? measure, decimal? typed) =>
        typed is { } t && measure is Measure.ReadinessWithoutBarrier or Measure.CheckInBlockedShare ? t / 100m : typed;

    private static IEnumerable<(string Title, string Value)> Keeping(bool keep) => keep ? [(Texts["Edit_Keep"], "keep")] : [];

    private static IEnumerable<(string Title, string Value)> GoLiveFormPeople(Project project) =>
        project.Members.OrderBy(m => m.DisplayName, StringComparer.CurrentCulture).Select(m => (m.DisplayName, m.Person.Value));
}
