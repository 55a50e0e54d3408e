using System.Globalization;
using HealthItPm.Domain.Readiness;
using HealthItPm.Domain.Rounds;
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
        var body = new List<JObject>
        {
            CardElements.Heading($"{(model.Reminder ? "Reminder: " : "")}{model.ProjectCode} readiness survey"),
            CardElements.Text($"{CardElements.Escape(model.ProjectName)} · {CardElements.Escape(model.WaveName)} · about a minute · open until {CardElements.When(model.ClosesAt)}", subtle: true, spacing: "None"),
            CardElements.Text(model.Anonymous ? "Anonymous: nobody sees your answer, only totals over at least 5 people." : "Your project managers see totals over at least 5 people; your name is kept with your answer.", subtle: true, spacing: "None"),
        };

        if (model.Problems is { Count: > 0 } problems)
        {
            body.Add(Warning("Please check: " + string.Join("; ", problems) + "."));
        }

        foreach (var element in AdkarAnswer.Elements)
        {
            var choice = new JObject
            {
                ["type"] = "Input.ChoiceSet",
                ["id"] = AdkarSurveyInputs.Score(element),
                ["label"] = $"{(int)element + 1}. {AdkarFormat.Statement(element, model.ProjectName)}",
                ["style"] = "compact",
                ["isRequired"] = true,
                ["errorMessage"] = "Pick 1 to 5.",
                ["placeholder"] = "Pick 1 (strongly disagree) to 5 (strongly agree)",
                ["choices"] = new JArray(Scale.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
            };
            if (model.Scores?[(int)element] is { } score)
            {
                choice["value"] = score.ToString(CultureInfo.InvariantCulture);
            }

            body.Add(choice);
        }

        var comment = new JObject
        {
            ["type"] = "Input.Text",
            ["id"] = AdkarSurveyInputs.Comment,
            ["label"] = CommentLabel,
            ["isMultiline"] = true,
            ["maxLength"] = AdkarAnswer.MaxCommentLength,
        };
        if (model.Comment is not null)
        {
            comment["value"] = model.Comment;
        }

        body.Add(comment);
        if (model.PhiFound is { } phi)
        {
            body.Add(CardElements.FieldProblem(phi));
        }

        return AdaptiveCard.Create(body, [CardElements.Execute("Submit", CardVerbs.SubmitSurvey, Target(model.ProjectCode, model.WaveId), primary: true)]);
    }

    public static JObject Target(string project, string wave) => new() { [AdkarSurveyInputs.Project] = project, [AdkarSurveyInputs.Wave] = wave };

    private static JObject Warning(string text) => new() { ["type"] = "TextBlock", ["color"] = "Attention", ["wrap"] = true, ["text"] = text };
}

public sealed record AdkarAnsweredModel(string ProjectCode, string WaveId, string WaveName, AdkarAnswer Answer, DateTimeOffset ClosesAt, bool Open, bool Anonymous);

/// <summary>What replaces a submitted survey: the person's own scores, and "Change answer" while the wave is open.</summary>
public static class AdkarAnsweredCard
{
    public static JObject Build(AdkarAnsweredModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject>
        {
            new() { ["type"] = "TextBlock", ["text"] = $"✔ Thanks — your {model.ProjectCode} readiness answer is in", ["weight"] = "Bolder", ["color"] = "Good", ["wrap"] = true },
            CardElements.Text(CardElements.Escape(model.WaveName), subtle: true, spacing: "None"),
            CardElements.Facts(AdkarAnswer.Elements.Select(e => (AdkarFormat.Element(e), $"{model.Answer[e].Value} of 5"))),
        };
        if (model.Answer.Comment is not null)
        {
            body.Add(CardElements.Text("Your comment:", subtle: true));
            body.Add(CardElements.UserText(model.Answer.Comment));
        }

        body.Add(CardElements.Text(
            (model.Anonymous ? "Only you see this answer. " : "") + (model.Open ? $"You can change it until {CardElements.When(model.ClosesAt)}." : "This survey is closed."),
            subtle: true));
        return AdaptiveCard.Create(body, model.Open ? [CardElements.Execute("Change answer", CardVerbs.ChangeSurvey, AdkarSurveyCard.Target(model.ProjectCode, model.WaveId))] : null);
    }
}
