using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Common;

public class PersonIdTests
{
    [Fact]
    public void An_azure_ad_object_id_is_a_person_in_canonical_form()
    {
        var person = new PersonId("7A1C2D3E-4F50-6172-8394-A5B6C7D8E9F0");

        Assert.Equal("7a1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", person.Value);
        Assert.Equal(new PersonId("7a1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"), person);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Alex Wilber")]
    [InlineData("29:1abcDEF")]
    public void Anything_but_an_object_id_is_refused_with_a_message(string value)
    {
        var error = Assert.Throws<DomainException>(() => new PersonId(value));

        Assert.Equal(Problem.PersonIdRequired(), error.Problem);
        Assert.False(PersonId.TryParse(value, out _));
    }

    [Fact]
    public void TryParse_accepts_an_object_id_and_refuses_null()
    {
        Assert.True(PersonId.TryParse("7a1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", out var person));
        Assert.Equal("7a1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", person.ToString());
        Assert.False(PersonId.TryParse(null, out _));
    }
}
