using System.Globalization;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Readiness;

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
    IReadOnlyList<string>? Problems = null);

/// <summary>
/// The five ADKAR statements written for the project, each 1–5 (nothing picked until the person
/// picks), an optional comment and Submit: under a minute on a phone. Replaced in place by
/// <see cref="AdkarAnsweredCard"/>.
/// </summary>
public static class AdkarSurveyCard
{
    public static readonly string CommentLabel = string.Create(CultureInfo.InvariantCulture, $"Anything to add? (optional, up to {AdkarAnswer.MaxCommentLength:#,0} characters — no patient details)");

    private static readonly (string Title, string Value)[] Scale =
    [
        ("1 · Strongly disagree", "1"), ("2 · Disagree", "2"), ("3 · Neutral", "3"), ("4 · Agree", "4"), ("5 · Strongly agree", "5"),
    ];

    /// <summary>The card a wave sends each respondent (or reminds them with).</summary>
    public static JObject ForWave(Round wave, string projectName, bool reminder)
    {
        ArgumentNullException.ThrowIfNull(wave);
        return Build(new AdkarSurveyModel(wave.Project.Value, projectName, wave.Id, wave.Name ?? wave.Id, wave.ClosesAt, wave.Anonymous, reminder));
    }

    public static JObject Build(AdkarSurveyModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            CardElements.Heading(Markdown.Of($"{(model.Reminder ? "Reminder: " : "")}{model.ProjectCode} readiness survey")),
            CardElements.Text(Markdown.Of($"{model.ProjectName} · {model.WaveName} · about a minute · open until {Markdown.When(model.ClosesAt)}"), subtle: true, spacing: Spacing.None),
            CardElements.Text(
                model.Anonymous
                    ? Markdown.Of($"Anonymous: nobody sees your answer, only totals over at least 5 people.")
                    : Markdown.Of($"Your project managers see totals over at least 5 people; your name is kept with your answer."),
                subtle: true,
                spacing: Spacing.None),
        };

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(CardElements.Warning(Markdown.Of($"Please check: {Markdown.Worded(string.Join("; ", problems))}.")));
        }

        body.AddRange(AdkarAnswer.Elements.Select(element => new ChoiceSetInput(AdkarSurveyInputs.Score(element), [.. Scale.Select(c => new Choice(c.Title, c.Value))])
        {
            Label = $"{(int)element + 1}. {AdkarFormat.Statement(element, model.ProjectName)}",
            Style = ChoiceStyle.Compact,
            IsRequired = true,
            ErrorMessage = "Pick 1 to 5.",
            Placeholder = "Pick 1 (strongly disagree) to 5 (strongly agree)",
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

        return new AdaptiveCard(body, [CardElements.Execute("Submit", CardVerbs.SubmitSurvey, Target(model.ProjectCode, model.WaveId), primary: true)]).ToJObject();
    }

    public static IReadOnlyDictionary<string, object> Target(string project, string wave) =>
        CardElements.Data((AdkarSurveyInputs.Project, project), (AdkarSurveyInputs.Wave, wave));
}

public sealed record AdkarAnsweredModel(string ProjectCode, string WaveId, string WaveName, AdkarAnswer Answer, DateTimeOffset ClosesAt, bool Open, bool Anonymous);

/// <summary>What replaces a submitted survey: the person's own scores, and "Change answer" while the wave is open.</summary>
public static class AdkarAnsweredCard
{
    public static JObject Build(AdkarAnsweredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element>
        {
            new TextBlock(Markdown.Of($"✔ Thanks — your {model.ProjectCode} readiness answer is in")) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            CardElements.Text(Markdown.Literal(model.WaveName), subtle: true, spacing: Spacing.None),
            CardElements.Facts(AdkarAnswer.Elements.Select(e => (AdkarFormat.Element(e), $"{model.Answer[e].Value} of 5"))),
        };
        if (model.Answer.Comment is not null)
        {
            body.Add(CardElements.Text(Markdown.Of($"Your comment:"), subtle: true));
            body.Add(CardElements.UserText(model.Answer.Comment));
        }

        body.Add(CardElements.Text(
            Markdown.Of($"{(model.Anonymous ? "Only you see this answer. " : "")}")
                + (model.Open ? Markdown.Of($"You can change it until {Markdown.When(model.ClosesAt)}.") : Markdown.Of($"This survey is closed.")),
            subtle: true));
        return new AdaptiveCard(body, model.Open ? [CardElements.Execute("Change answer", CardVerbs.ChangeSurvey, AdkarSurveyCard.Target(model.ProjectCode, model.WaveId))] : null).ToJObject();
    }
}
