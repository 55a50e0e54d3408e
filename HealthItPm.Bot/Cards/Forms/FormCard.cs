using HealthItPm.Bot.Cards.Elements;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Cards.Forms;

/// <summary>
/// Every form the bot shows: labelled inputs, the person's values kept when it is shown again, a
/// message under each field that needs a change, and one Action.Execute that submits it.
/// </summary>
public static class FormCard
{
    private static TextResource Texts => CardTexts.Common;

    public static JObject Build(FormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = new List<Element> { CardElements.Heading(Markdown.Worded(model.Title)) };
        if (model.Intro is not null)
        {
            body.Add(CardElements.Text(Markdown.Worded(model.Intro), subtle: true, spacing: Spacing.None));
        }

        if (model.FormError is not null)
        {
            body.Add(CardElements.FieldProblem(model.FormError.Value));
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

        var hidden = model.Hidden.ToDictionary(h => h.Key, h => (object)h.Value);
        var actions = new List<CardAction> { CardElements.Execute(model.SubmitTitle, model.Verb, hidden, primary: true) };
        foreach (var button in model.MoreButtons)
        {
            var more = new Dictionary<string, object>(hidden);
            foreach (var (key, value) in button.Data)
            {
                more[key] = value;
            }

            actions.Add(CardElements.Execute(button.Title, model.Verb, more));
        }

        if (model.Cancel is not null)
        {
            actions.Add(model.Cancel);
        }

        return new AdaptiveCard(body, actions).ToJObject();
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

        body.Insert(
            input is null ? Math.Min(1, body.Count) : body.IndexOf(input) + 1,
            AdaptiveCard.ElementJson(CardElements.FieldProblem(message)));
        return copy;
    }

    /// <summary>One input as every form shows it (also the inputs of action cards, e.g. a risk's owner).</summary>
    public static Input Input(FormField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var shown = string.IsNullOrEmpty(value) ? null : value;
        Input input = field switch
        {
            TextField text => new TextInput(field.Id)
            {
                MaxLength = text.MaxLength,
                IsMultiline = text.Multiline,
                Placeholder = text.Placeholder ?? string.Empty,
                Value = shown,
            },
            NumberField number => new NumberInput(field.Id)
            {
                Min = number.Min,
                Max = number.Max,
                Placeholder = number.Placeholder ?? string.Empty,
                // Input.Number takes a number; a value that is not one is shown empty, with its error message.
                Value = decimal.TryParse(
                    shown, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                    ? parsed
                    : null,
            },
            MoneyField money => new TextInput(field.Id) { MaxLength = 40, Placeholder = money.Placeholder ?? string.Empty, Value = shown },
            DateField => new DateInput(field.Id) { Value = shown },
            TimeField => new TimeInput(field.Id) { Value = shown },
            ChoiceField choice => new ChoiceSetInput(field.Id, Choices(choice.Choices))
            {
                Style = choice.Compact ? ChoiceStyle.Compact : ChoiceStyle.Expanded,
                IsMultiSelect = choice.MultiSelect,
                Value = shown,

                // Listed choices wrap rather than being cut at a phone's width.
                Wrap = choice.Compact ? null : true,
            },
            PeopleField { Dataset: { } dataset } people => new ChoiceSetInput(field.Id, Choices(people.Offered))
            {
                Style = ChoiceStyle.Filtered,
                IsMultiSelect = people.MultiSelect,
                Placeholder = Texts["Form_TypeAName"],
                ChoicesData = new DataQuery(dataset),
                Value = shown,
            },
            PeopleField people => new ChoiceSetInput(field.Id, Choices(people.Offered))
            {
                // Radio buttons could not be cleared: one person is picked from a dropdown.
                Style = people.MultiSelect && people.Offered.Count <= PeopleField.MaxTickBoxes ? ChoiceStyle.Expanded : ChoiceStyle.Compact,
                IsMultiSelect = people.MultiSelect,
                Value = shown,
            },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.GetType().Name, "Unknown field type."),
        };

        return input with
        {
            Label = field.Label,
            IsRequired = field.Required,
            ErrorMessage = field.Required ? Texts.Format("Form_Required", field.Label) : null,
        };
    }

    private static IReadOnlyList<Choice> Choices(IEnumerable<(string Title, string Value)> choices) =>
        [.. choices.Select(c => new Choice(c.Title, c.Value))];
}
