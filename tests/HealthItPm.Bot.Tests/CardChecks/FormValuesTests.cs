using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Bot.Cards.Forms;
using HealthItPm.Domain.Common;
using Newtonsoft.Json.Linq;

namespace HealthItPm.Bot.Tests.CardChecks;

/// <summary>Submitted form data is untrusted: every value is checked against its field, and problems are kept per field.</summary>
public class FormValuesTests
{
    private static readonly TextField Name = new("name", "Name", true, 10);
    private static readonly NumberField Weight = new("weight", "Weight", true, 1, 100);
    private static readonly DateField Done = new("done", "Done on", true);
    private static readonly TimeField At = new("at", "Time", true);
    private static readonly ChoiceField Kind = new("kind", "Kind", true, [("EHR", "Ehr"), ("PACS", "PacsRis")]);
    private static readonly ChoiceField People = new("people", "People", false, [("Nina", "a"), ("Omar", "b")], MultiSelect: true);
    private static readonly FormField[] Fields = [Name, Weight, Done, At, Kind, People];

    [Fact]
    public void Good_values_are_read()
    {
        var values = new FormValues(JObject.Parse("""{"name":" EHR ","weight":"12.5","done":"2026-11-25","at":"10:00","kind":"PacsRis","people":"a,b"}"""), Fields);

        Assert.Equal("EHR", values.Text(Name));
        Assert.Equal(12.5m, values.Number(Weight));
        Assert.Equal(new DateOnly(2026, 11, 25), values.Date(Done, notAfter: new DateOnly(2026, 11, 25)));
        Assert.Equal(new TimeOnly(10, 0), values.Time(At));
        Assert.Equal("PacsRis", values.Choice(Kind));
        Assert.Equal(["a", "b"], values.Choices(People));
        Assert.True(values.IsValid);
    }

    [Fact]
    public void Every_bad_value_gets_its_own_message_and_the_entries_are_kept()
    {
        var values = new FormValues(JObject.Parse("""{"name":"Far too long a name","weight":"0","done":"2026-11-26","at":"25:99","kind":"Mainframe","people":"a,z"}"""), Fields);

        values.Text(Name);
        values.Number(Weight);
        values.Date(Done, notAfter: new DateOnly(2026, 11, 25));
        values.Time(At);
        values.Choice(Kind);
        values.Choices(People);

        Assert.Equal("Name can be at most 10 characters (this has 19).", values.Errors["name"]);
        Assert.Equal("Weight must be between 1 and 100.", values.Errors["weight"]);
        Assert.Equal("Done on can be today at the latest.", values.Errors["done"]);
        Assert.Equal("Time must be a time of day, like 10:00.", values.Errors["at"]);
        Assert.Equal("Pick kind from the list.", values.Errors["kind"]);
        Assert.Equal("Pick people from the list.", values.Errors["people"]);
        Assert.Equal("Far too long a name", values.Raw["name"]);
    }

    [Fact]
    public void Missing_required_values_and_values_of_the_wrong_type_are_reported()
    {
        var values = new FormValues(JObject.Parse("""{"name":{"nested":true},"weight":[1]}"""), Fields);

        Assert.Null(values.Text(Name));
        Assert.Null(values.Number(Weight));
        Assert.Null(values.Date(Done));

        Assert.Equal("Name is required.", values.Errors["name"]);
        Assert.Equal("Weight is required.", values.Errors["weight"]);
        Assert.Equal("Done on is required.", values.Errors["done"]);
    }

    [Fact]
    public void A_huge_value_is_not_kept_whole_for_showing_again()
    {
        var values = new FormValues(new JObject { ["name"] = new string('x', 50_000) }, Fields);

        Assert.Equal(2_000, values.Raw["name"].Length);
        Assert.Null(values.Text(Name));
    }

    [Fact]
    public void Five_hundred_people_are_read_and_one_more_is_refused_not_cut_short()
    {
        var field = new PeopleField("people", "People", true, [], "people");
        static string Picked(int count) => string.Join(',', Enumerable.Range(0, count).Select(_ => PersonChoice.Value(new PersonId(Guid.NewGuid().ToString()))));
        var sixty = Picked(60);

        var atMost = new FormValues(new JObject { ["people"] = Picked(PeopleField.MaxPicked) }, [field]);
        var tooMany = new FormValues(new JObject { ["people"] = Picked(PeopleField.MaxPicked + 1) }, [field]);

        Assert.InRange(sixty.Length, 1_300, 2_000);
        Assert.Equal(60, new FormValues(new JObject { ["people"] = sixty }, [field]).People(field).Count);
        Assert.Equal(PeopleField.MaxPicked, atMost.People(field).Count);
        Assert.True(atMost.IsValid);
        Assert.Empty(tooMany.People(field));
        Assert.Equal("Pick at most 500 people at once, then add the rest.", tooMany.Errors["people"]);
    }
}
