using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>
/// Every form the bot shows: labelled inputs, the person's values kept when it is shown again, a
/// message under each field that needs a change, and one Action.Execute that submits it.
/// </summary>
public static class FormCard
{
    public static JObject Build(FormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<JObject> { CardElements.Heading(model.Title) };
        if (model.Intro is not null)
        {
            body.Add(CardElements.Text(model.Intro, subtle: true, spacing: "None"));
        }

        if (model.FormError is not null)
        {
            body.Add(CardElements.FieldProblem(model.FormError));
        }

        foreach (var field in model.Fields)
        {
            var value = model.Values?.GetValueOrDefault(field.Id);
            body.Add(Input(field, value));
            if (model.Errors?.GetValueOrDefault(field.Id) is { } error)
            {
                body.Add(CardElements.FieldProblem(error));
            }
        }

        var data = new JObject();
        foreach (var (key, hidden) in model.Hidden)
        {
            data[key] = hidden;
        }

        var actions = new List<JObject> { CardElements.Execute(model.SubmitTitle, model.Verb, data, primary: true) };
        foreach (var button in model.MoreButtons)
        {
            var more = (JObject)data.DeepClone();
            foreach (var (key, value) in button.Data)
            {
                more[key] = value;
            }

            actions.Add(CardElements.Execute(button.Title, model.Verb, more));
        }

        return AdaptiveCard.Create(body, actions);
    }

    /// <summary>
    /// An action card (a risk, a concern) shown again with <paramref name="message"/> beside the input
    /// <paramref name="field"/>, what was typed in it kept and every button in place, as a form is; a
    /// message that belongs to no input (or to one the card no longer has) goes under the heading.
    /// </summary>
    public static JObject Beside(JObject card, string? field, string message, string? value = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        var copy = (JObject)card.DeepClone();
        var body = (JArray)copy["body"]!;
        var input = field is null ? null : body.OfType<JObject>().FirstOrDefault(e => (string?)e["id"] == field);
        if (input is not null && value is not null)
        {
            input["value"] = value;
        }

        body.Insert(input is null ? Math.Min(1, body.Count) : body.IndexOf(input) + 1, CardElements.FieldProblem(message));
        return copy;
    }

    /// <summary>One input as every form shows it (also the inputs of action cards, e.g. a risk's owner).</summary>
    public static JObject Input(FormField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var input = field switch
        {
            TextField text => new JObject
            {
                ["type"] = "Input.Text",
                ["maxLength"] = text.MaxLength,
                ["isMultiline"] = text.Multiline,
                ["placeholder"] = text.Placeholder ?? string.Empty,
            },
            NumberField number => new JObject
            {
                ["type"] = "Input.Number",
                ["min"] = number.Min,
                ["max"] = number.Max,
                ["placeholder"] = number.Placeholder ?? string.Empty,
            },
            MoneyField money => new JObject
            {
                ["type"] = "Input.Text",
                ["maxLength"] = 40,
                ["placeholder"] = money.Placeholder ?? string.Empty,
            },
            DateField => new JObject { ["type"] = "Input.Date" },
            TimeField => new JObject { ["type"] = "Input.Time" },
            ChoiceField choice => new JObject
            {
                ["type"] = "Input.ChoiceSet",
                ["style"] = choice.Compact ? "compact" : "expanded",
                ["isMultiSelect"] = choice.MultiSelect,
                ["choices"] = Choices(choice.Choices),
            },
            PeopleField { Dataset: { } dataset } people => new JObject
            {
                ["type"] = "Input.ChoiceSet",
                ["style"] = "filtered",
                ["isMultiSelect"] = people.MultiSelect,
                ["placeholder"] = "Type a name",
                ["choices"] = Choices(people.Offered),
                ["choices.data"] = new JObject { ["type"] = "Data.Query", ["dataset"] = dataset },
            },
            PeopleField people => new JObject
            {
                ["type"] = "Input.ChoiceSet",
                // Radio buttons could not be cleared: one person is picked from a dropdown.
                ["style"] = people.MultiSelect && people.Offered.Count <= PeopleField.MaxTickBoxes ? "expanded" : "compact",
                ["isMultiSelect"] = people.MultiSelect,
                ["choices"] = Choices(people.Offered),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.GetType().Name, "Unknown field type."),
        };

        input["id"] = field.Id;
        input["label"] = field.Label;
        input["isRequired"] = field.Required;
        if (field.Required)
        {
            input["errorMessage"] = $"{field.Label} is required.";
        }

        if (!string.IsNullOrEmpty(value))
        {
            // Input.Number takes a number; a value that is not one is shown empty, with its error message.
            input["value"] = field is NumberField
                ? decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : null
                : value;
        }

        return input;
    }

    private static JArray Choices(IEnumerable<(string Title, string Value)> choices) =>
        new(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value }));
}
