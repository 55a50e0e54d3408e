using HealthItPm.Domain.Common;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Security;
using HealthItPm.Testing;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Common;

public class TextTests
{
    [Theory]
    [InlineData("EHR\u202Egnidaer", "EHRgnidaer")]
    [InlineData("\u2066Pharmacy\u2069 go-live", "Pharmacy go-live")]
    [InlineData("Dr\u200B. Rivera\uFEFF", "Dr. Rivera")]
    [InlineData("Lab\u200D\u200Csystem\u200E\u200F", "Labsystem")]
    [InlineData("Bell\u0007 and\u001B[31m escape", "Bell and[31m escape")]
    [InlineData("\u0000 Null first", "Null first")]
    public void Invisible_and_control_characters_are_stripped_on_input(string typed, string stored)
    {
        Assert.Equal(stored, Text.Required(typed, ProjectFreeText.ProjectName, 80));
        Assert.Equal(stored, Text.Optional(typed, ProjectFreeText.ProjectName, 80));
    }

    [Fact]
    public void Line_breaks_and_tabs_stay()
    {
        Assert.Equal("first\r\nsecond\tthird", Text.Required("first\r\nsecond\tthird", RiskFreeText.Mitigation, 80));
    }

    [Fact]
    public void Text_that_is_only_invisible_characters_is_missing()
    {
        Assert.Throws<DomainException>(() => Text.Required("\u200B\u202E\uFEFF", ProjectFreeText.ProjectName, 80));
        Assert.Null(Text.Optional("\u2066\u2069", ProjectFreeText.Department, 80));
    }

    [Fact]
    public void Names_are_cleaned_where_the_domain_stores_them()
    {
        var member = new ProjectMember(
            new PersonId("00000000-0000-0000-0000-0000000000a1"),
            "Ana\u202E Rivera",
            ProjectRole.Stakeholder,
            StakeholderRole.Nurse,
            Guarded.From("Nurs\u200Bing"));

        Assert.Equal("Ana Rivera", member.DisplayName);
        Assert.Equal("Nursing", member.Department);
    }
}
