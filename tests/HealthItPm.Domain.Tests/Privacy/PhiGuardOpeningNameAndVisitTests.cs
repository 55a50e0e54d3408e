using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Names of origins the lists hold few of at a text's start before a patient's orders, results, alarms and monitoring, or
/// before what the text says the person is ("… is the pt whose …"); Vietnamese and Korean name shapes; a given name that
/// also names a hospital after a relation. Visits on a day, numbers in grouped digits or with their letters apart, a
/// decedent's fingerprints, registry ids. And their look-alikes: a city after a trip, a peer institution after a comparison,
/// a deadline admitted, a building's age, a patient services line, a colleague by a short form of a rostered name, by their
/// slides or department, or as a speaker's label.
/// </summary>
public class PhiGuardOpeningNameAndVisitTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Katherine Olsen", "Dana Ruiz", "Tomasz Wierzbicki"], staffDomains: ["hospital.example"]);

    [Theory]
    // Before a patient's orders, results, alarms and monitoring, a few words after the possessive.
    [InlineData("oluwadamilare ajayi's potassium results never crossed from the reference lab", "oluwadamilare ajayi")]
    [InlineData("Phuntsok Dolkar's bed alarm keeps routing to the charge nurse", "Phuntsok Dolkar")]
    // What the text says the person is, or where they came from.
    [InlineData("ngaio paewai is the pt whose IV pump lost its drug library", "ngaio paewai")]
    [InlineData("Bolat Seitkali is the one with the missing sliding scale on 5E", "Bolat Seitkali")]
    [InlineData("Tahmina Akter transferred from the county hospital last night, outside records pending", "Tahmina Akter")]
    // A given name no list holds before a surname that is also a word.
    [InlineData("urgent: Moussa Fall's sats keep dropping and the pager never fired", "Moussa Fall")]
    [InlineData("Parwin Rose's daughter wants a call before the family meeting", "Parwin Rose")]
    // Vietnamese and Korean name shapes; a given name that also names a hospital, after a relation.
    [InlineData("nguyen van thanh's wife says his meds were never reconciled", "nguyen van thanh")]
    [InlineData("Le Thi Hoa's son needs the proxy form again", "Le Thi Hoa")]
    [InlineData("min-ji ko's glucose readings are missing from the flowsheet", "min-ji ko")]
    [InlineData("her wife Mercy Adjei called about the bill twice", "Mercy")]
    public void A_name_at_the_start_before_a_patients_things_is_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("the gentleman in 9 came in on the 22nd and still has no attending", PhiKind.PersonalDate, "22nd")]
    [InlineData("clinic visit on march 8 for the same pt didn't drop a charge", PhiKind.PersonalDate, "march 8")]
    [InlineData("he was in the ER jan 30 and again feb 2, the encounters never merged", PhiKind.PersonalDate, "jan 30")]
    [InlineData("surgery 3rd of may for the pt got booked twice", PhiKind.PersonalDate, "3rd of may")]
    [InlineData("the dob for the pt in 4 shows as 22/11/1947 after the feed fix", PhiKind.DateOfBirth, "22/11/1947")]
    [InlineData("she gave soc 601447218 when registering and it landed in the MRN field", PhiKind.SocialSecurityNumber, "601447218")]
    [InlineData("medicaid beneficiary # NM-CS 55102934 for the pt's twins is wrong", PhiKind.HealthPlanNumber, "NM-CS 55102934")]
    [InlineData("pt's drivers license D410 552 873 019 is in media", PhiKind.CertificateOrLicenseNumber, "D410 552 873 019")]
    [InlineData("OH DL # R 118 440 227 pasted into the registration comment", PhiKind.CertificateOrLicenseNumber, "R 118 440 227")]
    [InlineData("state ID card number in the chart: T 330 118 904 119", PhiKind.CertificateOrLicenseNumber, "T 330 118 904 119")]
    [InlineData("the ME asked for fingerprints of the decedent in bay 6", PhiKind.BiometricIdentifier, "fingerprints")]
    [InlineData("face template for Zainab Bello from the registration kiosk is in the log", PhiKind.BiometricIdentifier,
        "face template")]
    [InlineData("OPTN id for the kidney pt is in the free text: QRT8841", PhiKind.OtherUniqueIdentifier, "QRT8841")]
    [InlineData("the pt in 5 south, 30918842, needs the ADT fixed", PhiKind.MedicalRecordNumber, "30918842")]
    public void A_visit_day_or_a_number_of_a_persons_is_found(string text, PhiKind kind, string value)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == value);
    }

    [Theory]
    [InlineData("my cousin is flying in from Kuala Lumpur so I'm out monday")]
    [InlineData("benchmarking against Johns Hopkins and Cleveland Clinic on CPOE adoption")]
    [InlineData("we admitted defeat on the 3/14 cutover, moving to 4/11")]
    [InlineData("the clinic building turns 95 this spring, facilities is planning a party")]
    [InlineData("the Whitcomb tower is 92 years old and the risers can't take more cable")]
    [InlineData("patient financial services line is +1-715-555-0142 ext 3 for billing questions")]
    [InlineData("Olumide Bakare: the ADT feed is caught up, no errors since 6")]
    [InlineData("Svetlana Morozova's go-live training slides are on the team site")]
    [InlineData("Ibrahim Sesay biomed says the pump library push is done")]
    [InlineData("Ms. Kowalczyk is pulling the barcode scanning stats for the steering deck")]
    [InlineData("send the interface spec to Tran Thi Bich at the vendor")]
    public void Places_peers_project_dates_and_colleagues_stay_clean_without_a_roster(string text)
    {
        Assert.Empty(PhiGuard.Scan(text));
    }

    [Theory]
    [InlineData("Kate Olsen says the allergy list is cut off on the tablets")]
    [InlineData("can Kate Olsen look at the med list screen for the floor")]
    public void A_rostered_colleague_called_by_a_short_form_of_the_given_name_stays_clean(string text)
    {
        Assert.NotEmpty(PhiGuard.Scan(text));
        Assert.Empty(PhiGuard.Scan(text, Team));
    }
}
