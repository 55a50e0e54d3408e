using System.Globalization;
using HealthItPm.Bot.Cards;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Domain.Readiness;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Features.Readiness;

/// <summary>
/// A survey card: the wave, what to show in it (the person's answer when changing one, or what they
/// entered when it comes back), and what needs changing — suspected PHI and other problems in separate lists.
/// </summary>
public sealed record AdkarSurveyModel(
    string ProjectCode,
    string ProjectName,
    string WaveId,
    string WaveName,
    DateTimeOffset ClosesAt,
    bool Anonymous,
    bool Reminder = false,
    IReadOnlyList<int?>? Scores = null,
    string? Comment = null,
    string? PhiFound = null,
    IReadOnlyList<string>? Problems = null,
    string? Refused = null);

/// <summary>
/// The five ADKAR statements written for the project, each with its scores 1–5 as a list to tap
/// (nothing picked until the person picks; one tap per statement), an optional comment and Submit:
/// under a minute on a phone. Replaced in place by
/// <see cref="AdkarAnsweredCard"/>.
/// </summary>
public static class AdkarSurveyCard
{
    private static TextResource Texts => ReadinessTexts.Cards;

    public static string CommentLabel => Texts.Format("Survey_CommentLabel", AdkarAnswer.MaxCommentLength);

    /// <summary>The scores 1 to 5, each with its words; the value is the score.</summary>
    private static IEnumerable<Choice> Scale => Enumerable.Range(1, 5)
        .Select(score => new Choice(Texts.Format($"Survey_Scale_{score}", score), score.ToString(CultureInfo.InvariantCulture)));

    public static JObject Build(AdkarSurveyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Texts.Markdown(model.Reminder ? "Survey_Title_Reminder" : "Survey_Title", model.ProjectCode)),
            CardElements.Text(
                Texts.Markdown("Survey_Line", model.ProjectName, model.WaveName, Markdown.When(model.ClosesAt)),
                subtle: true,
                spacing: Spacing.None),
            CardElements.Text(
                Texts.Markdown(model.Anonymous ? "Survey_Anonymous" : "Survey_Named", AdkarResults.MinimumGroupSize),
                subtle: true,
                spacing: Spacing.None),
        };

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(CardElements.Warning(
                CardTexts.Common.Markdown("PleaseCheck", Markdown.Worded(string.Join(CardTexts.Common["ListSeparator"], problems)))));
        }

        if (model.Refused is { } refused)
        {
            body.Add(CardElements.Warning(Markdown.Worded(refused)));
        }

        body.AddRange(AdkarAnswer.Elements.Select(element => new ChoiceSetInput(AdkarSurveyInputs.Score(element), [.. Scale])
        {
            Label = Texts.Format("Survey_Statement", (int)element + 1, AdkarFormat.Statement(element, model.ProjectName)),
            // The five scores as a list to tap (one tap per statement, nothing hidden behind a drop-down), each title whole on a phone.
            Style = ChoiceStyle.Expanded,
            Wrap = true,
            IsRequired = true,
            ErrorMessage = Texts["Survey_PickScore"],
            Value = model.Scores?[(int)element]?.ToString(CultureInfo.InvariantCulture),
        }));
        body.Add(new TextInput(AdkarSurveyInputs.Comment)
        {
            Label = CommentLabel,
            IsMultiline = true,
            MaxLength = AdkarAnswer.MaxCommentLength,
            Value = model.Comment,
        });
        if (model.PhiFound is { } phi)
        {
            body.Add(CardElements.FieldProblem(phi));
        }

        return new AdaptiveCard(body, [CardElements.Execute(
            CardTexts.Common["Submit"], CardVerbs.SubmitSurvey, Target(model.ProjectCode, model.WaveId), primary: true)]).ToJObject();
    }

    public static IReadOnlyDictionary<string, object> Target(string project, string wave) =>
        CardElements.Data((AdkarSurveyInputs.Project, project), (AdkarSurveyInputs.Wave, wave));
}

public sealed record AdkarAnsweredModel(
    string ProjectCode,
    string WaveId,
    string WaveName,
    AdkarAnswer Answer,
    DateTimeOffset ClosesAt,
    bool Open,
    bool Anonymous);

/// <summary>What replaces a submitted survey: the person's own scores, and "Change answer" while the wave is open.</summary>
public static class AdkarAnsweredCard
{
    private static TextResource Texts => ReadinessTexts.Cards;

    public static JObject Build(AdkarAnsweredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            new TextBlock(Texts.Markdown("Answered_Title", model.ProjectCode)) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            CardElements.Text(Markdown.Literal(model.WaveName), subtle: true, spacing: Spacing.None),
            CardElements.Facts(AdkarAnswer.Elements.Select(e => (
                AdkarFormat.Element(e),
                CardTexts.Common.Format("OutOfFive", model.Answer[e].Value)))),
        };
        if (model.Answer.Comment is not null)
        {
            body.Add(CardElements.Text(Texts.Markdown("Answered_Comment"), subtle: true));
            body.Add(CardElements.UserText(model.Answer.Comment));
        }

        body.Add(CardElements.Text(
            (model.Anonymous ? Texts.Markdown("Answered_OnlyYou") : Markdown.Empty)
                + (model.Open ? Texts.Markdown("Answered_CanChange", Markdown.When(model.ClosesAt)) : Texts.Markdown("Answered_Closed")),
            subtle: true));
        return new AdaptiveCard(body, model.Open
            ? [CardElements.Execute(
                CardTexts.Common["ChangeAnswer"],
                CardVerbs.ChangeSurvey,
                AdkarSurveyCard.Target(model.ProjectCode, model.WaveId))]
            : null).ToJObject();
    }
}
