using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// A state's letters before a licence or a plate, an arrival's or a transfer's date and time, the part of a day a patient's
/// event fell on, a specimen's or a label's number, a ZIP in brackets, an employer's badge in brackets, the only parent of
/// a kind in a place; names typed alike with a letter no English word holds, English-word surnames typed in lower case,
/// more of a patient's care words around a name, a given name that is also a word before a surname no list holds. Then the
/// look-alikes that stay clean: a rostered colleague's cell, a team's on-call line, a central office, a site's address and
/// ZIP, staff photos, the organisation's own account, labs named after scientists, the day a change was deployed.
/// </summary>
public class PhiGuardStateLettersAndDiacriticsTests
{
    private static readonly PhiContext Team = new(
        staffNames: ["Teodora Vukić", "Rangi Parata", "Owen Blackfeather", "Selin Demir"],
        staffDomains: ["prairieheights.example"]);

    [Theory]
    [InlineData("reg scanned the driver license, it reads ND 08-455-1229 but the pt says it was renewed", "08-455-1229")]
    [InlineData("licence on her state card shows IA 447209813, please re-verify", "447209813")]
    [InlineData("his DL (NE 55-392-1184) came back invalid at check-in", "55-392-1184")]
    public void A_licences_number_after_its_states_letters_a_few_words_after_the_licence_is_found(string text, string number)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.CertificateOrLicenseNumber && text.Substring(f.Index, f.Length) == number);
    }

    [Theory]
    [InlineData("security wants the plate for the pt who eloped: SD 4-77213, red pickup", "4-77213")]
    [InlineData("the car the family left in the ambulance bay has WY 22-1934B on it", "22-1934B")]
    public void A_plate_starting_with_a_digit_after_its_states_letters_is_found(string text, string plate)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.VehicleIdentifier && text.Substring(f.Index, f.Length) == plate);
    }

    [Theory]
    [InlineData("triage time 3/02/2025 0415 for the fall, the note has the wrong nurse", PhiKind.PersonalDate, "3/02/2025")]
    [InlineData("her transfer date 11/30 didn't cross to the receiving facility", PhiKind.PersonalDate, "11/30")]
    [InlineData("she seized the evening of 4/12 per her daughter, EEG order question", PhiKind.PersonalDate, "4/12")]
    [InlineData("the label on his tube reads 88130264 and lab can't find the order", PhiKind.MedicalRecordNumber, "88130264")]
    [InlineData("postal code on her face sheet (58103) is not the one she gave us", PhiKind.ZipCode, "58103")]
    [InlineData("pt's employee badge at the grain elevator (GE-20417) is the only ID he has", PhiKind.OtherUniqueIdentifier, "GE-20417")]
    [InlineData("the pt is the only triplet dad in the valley, people will know him", PhiKind.OtherUniqueIdentifier,
        "the only triplet dad in the valley")]
    public void Dates_numbers_zips_and_unique_facts_written_other_ways_are_found(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("Itziar Goñi got a cold tray again, diet orders still not crossing to nutrition", "Itziar Goñi")]
    [InlineData("Eirún Þorvaldsdóttir got the wrong diet again, the nutrition feed is stale", "Eirún Þorvaldsdóttir")]
    [InlineData("darlene two hawks needs her telehealth link resent, it went to the old number", "darlene two hawks")]
    [InlineData("Hazel Brannagh is the one with the wrong tray again", "Hazel Brannagh")]
    public void Names_with_diacritics_and_names_in_lower_case_around_a_patients_care_are_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("Teodora Vukić's cell 701-555-0188 for the weekend cutover only")]
    [InlineData("pharmacy on-call 701-232-4410 for pump library questions tonight")]
    [InlineData("send outpatient referrals to central registration 701-232-9000")]
    [InlineData("MFA texts come from the short code 55012, not from 701-232-1000")]
    [InlineData("the clinic address for the vendor's deliveries is 1200 Broadway N, dock 2")]
    [InlineData("warehouse for the spare scanners is the Fargo DC, ZIP 58102, dock 6")]
    [InlineData("nursing staff selfie at the go-live kickoff (no pts in frame) is on the intranet")]
    [InlineData("hospital instagram is instagram.com/prairieheights, marketing runs it")]
    [InlineData("the Jonas Salk lab (research wing) is off the network during downtime")]
    [InlineData("the fix for the admission date rounding deployed feb 3")]
    [InlineData("petra and her husband both work in imaging, so modality questions can go to either")]
    [InlineData("Hope Whitcombe from informatics signs off on the order sets for the chart build")]
    public void Staff_departments_sites_and_the_projects_own_dates_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }

    [Fact]
    public void A_cell_number_is_a_patients_when_its_owner_is_not_on_the_roster()
    {
        var findings = PhiGuard.Scan("Marta Kowalczyk's cell 701-555-0188 is wrong in the portal", Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PhoneNumber);
    }

    [Fact]
    public void A_licence_word_before_a_date_with_a_states_letters_is_no_licence()
    {
        Assert.DoesNotContain(
            PhiGuard.Scan("the Epic license true-up for CA 2025-01-15 is on the finance calendar", Team),
            f => f.Kind == PhiKind.CertificateOrLicenseNumber);
    }
}
