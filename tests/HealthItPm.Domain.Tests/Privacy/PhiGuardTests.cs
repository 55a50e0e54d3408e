using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>A corpus of realistic check-in answers, with and without PHI.</summary>
public class PhiGuardTests
{
    public static TheoryData<string, PhiKind> WithPhi => new()
    {
        { "Order set broke for MRN 00482913 this morning, had to paper-chart", PhiKind.MedicalRecordNumber },
        { "med rec number: A1234567 duplicated after the merge", PhiKind.MedicalRecordNumber },
        { "Chart # 7734120 shows the old allergy list", PhiKind.MedicalRecordNumber },
        { "MR# 5512345 wristband label prints blank", PhiKind.MedicalRecordNumber },
        { "Registration typed 123-45-6789 into the wrong field", PhiKind.SocialSecurityNumber },
        { "SSN 123456789 visible on the face sheet", PhiKind.SocialSecurityNumber },
        { "DOB 04/12/1948 defaulted to 1900 in the new system", PhiKind.DateOfBirth },
        { "pt born on March 3, 1961 got the pediatric dosing screen", PhiKind.DateOfBirth },
        { "date of birth: 1955-07-30 missing on the transfer", PhiKind.DateOfBirth },
        { "family called (312) 555-0187 asking about portal access", PhiKind.PhoneNumber },
        { "callback number +1 414-555-0199 for the daughter", PhiKind.PhoneNumber },
        { "patient emailed jane.doe1962@gmail.com about results", PhiKind.EmailAddress },
        { "patient John Smith could not see his results", PhiKind.PatientName },
        { "pt. Alvarez waited 40 min for meds verification", PhiKind.PatientName },
        { "Mrs. Okafor in bed 4 had the wrong diet order", PhiKind.PatientName },
        { "Mr Nguyen's discharge summary didn't cross to the PCP", PhiKind.PatientName },
        { "the patient in bed 12 got a duplicate heparin alert", PhiKind.BedOrRoom },
        { "pt in room 3B was double-booked for CT", PhiKind.BedOrRoom },
    };

    public static TheoryData<string> WithoutPhi => new()
    {
        "On track, super-users have been great on 4 West",
        "Barcode scanners in the ED drop Wi-Fi every few hours, ticket INC0048213",
        "Go-live moved to 03/15/2026, training schedule needs updating",
        "Need more practice time on the new order sets before go-live",
        "Patient Portal enrollment flow is confusing for older adults",
        "Patient safety huddle asked about downtime procedures",
        "patient flow board is slow to refresh",
        "Training is in room 12 on Tuesday, we need more laptops",
        "Vendor call moved to 2:30, extension 4411",
        "Interface engine queue backed up to 15000 messages overnight",
        "CPOE order sets for sepsis still missing the lactate reflex",
        "PACS hanging protocols reset after the upgrade",
        "",
        "   ",
        "Blocked: can't print labels from the new workstation",
        "The PT department needs tablets for bedside documentation",
        "Impact is about 3/5, mostly extra clicks in med rec",
    };

    [Theory]
    [MemberData(nameof(WithPhi))]
    public void Sentences_with_phi_are_caught(string text, PhiKind kind)
    {
        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == kind);
    }

    [Theory]
    [MemberData(nameof(WithoutPhi))]
    public void Ordinary_project_talk_is_left_alone(string text) =>
        Assert.Empty(PhiGuard.Scan(text));

    [Fact]
    public void Findings_say_where_and_what_and_can_be_pointed_out_masked()
    {
        const string text = "Call Mrs. Okafor at 312-555-0187";

        var findings = PhiGuard.Scan(text);

        Assert.Equal([PhiKind.PatientName, PhiKind.PhoneNumber], findings.Select(f => f.Kind));
        Assert.Equal("Mrs. Okafor", text.Substring(findings[0].Index, findings[0].Length));
        Assert.Equal("Mr•••••••or", PhiGuard.Masked(text, findings[0]));
        Assert.Equal("a phone number", findings[1].Description);
    }

    [Fact]
    public void A_long_text_is_scanned_quickly_and_without_catastrophic_backtracking()
    {
        var text = string.Concat(Enumerable.Repeat("patient Aaaaaaaa-aaaaaaa ", 400)) + "MRN 1234567";

        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == PhiKind.MedicalRecordNumber);
    }
}
