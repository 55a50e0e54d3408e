using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Risks;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Guarded text is made only through the guard: clean text passes cleaned and trimmed, suspected PHI gives findings and no text.
/// </summary>
public class GuardedTextTests
{
    [Theory]
    [InlineData("Epic EHR go-live")]
    [InlineData("Patient portal launch")]
    [InlineData("Telemedicine rollout")]
    [InlineData("Barcode scanners fail at the bedside on 4 West")]
    [InlineData("Video visits drop on the old clinic iPads")]
    [InlineData("Vendor invoice #4411")]
    public void Project_talk_becomes_guarded_text(string typed)
    {
        var (text, phi) = GuardedText.Check("  " + typed + "\u200B ", PhiContext.None);

        Assert.Empty(phi);
        Assert.Equal(typed, text!.Value);
    }

    [Theory]
    [InlineData("123-45-6789", PhiKind.SocialSecurityNumber)]
    [InlineData("MRN 00482913", PhiKind.MedicalRecordNumber)]
    [InlineData("Margaret Olsen", PhiKind.PatientName)]
    public void Identifiers_give_findings_and_no_text(string typed, PhiKind kind)
    {
        var (text, phi) = GuardedText.Check(typed, PhiContext.None);

        Assert.Null(text);
        Assert.Equal(kind, Assert.Single(phi).Kind);
        Assert.DoesNotContain(typed.Split(' ')[^1], PhiGuard.Mask(typed, phi), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_text_gives_neither_text_nor_findings_and_a_required_field_says_so()
    {
        var (text, phi) = GuardedText.Check(" \u200B ", PhiContext.None);

        Assert.Null(text);
        Assert.Empty(phi);
        Assert.Equal(
            Problem.Required(RiskFreeText.RiskTitle),
            Assert.Throws<DomainException>(() => Text.Required(text, RiskFreeText.RiskTitle, 120)).Problem);
    }

    [Fact]
    public void Guarded_text_is_equal_by_value_and_reads_as_its_text()
    {
        var a = GuardedText.Restore("Go-live");
        string shown = a;

        Assert.Equal(GuardedText.Restore("Go-live"), a);
        Assert.True(a == GuardedText.Restore("Go-live"));
        Assert.Equal("Go-live", shown);
        Assert.Equal("Milestone Go-live", $"Milestone {a}");
    }
}
