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
            body.Add(Attention(model.FormError));
        }

        foreach (var field in model.Fields)
        {
            var value = model.Values?.GetValueOrDefault(field.Id);
            body.Add(Input(field, value));
            if (model.Errors?.GetValueOrDefault(field.Id) is { } error)
            {
                body.Add(Attention(error));
            }
        }

        var data = new JObject();
        foreach (var (key, hidden) in model.Hidden)
        {
            data[key] = hidden;
        }

        return AdaptiveCard.Create(body, [CardElements.Execute(model.SubmitTitle, model.Verb, data, primary: true)]);
    }

    private static JObject Attention(string message) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = CardElements.Inert(message),
        ["color"] = "Attention",
        ["wrap"] = true,
        ["spacing"] = "Small",
    };

    private static JObject Input(FormField field, string? value)
    {
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
                ["choices"] = new JArray(choice.Choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
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
}
