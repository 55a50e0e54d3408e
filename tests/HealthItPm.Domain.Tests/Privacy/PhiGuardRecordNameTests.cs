using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Names no list holds, in a text about a patient's care or papers (a wristband, a label, a bed board, registration, consent,
/// images, an interpreter), typed in lower case at a message's start or after what is done for a patient; Korean names family
/// first; a record's "Surname, Given —" line; a lone name asked about in a bed; a relative's name in brackets; FHIR's family
/// and given. Then the other identifiers the eleventh unseen set let through, written other ways, and the look-alikes that
/// stay clean: colleagues, products and places named after people, a team's birthday, a vendor's address, a department's lines.
/// </summary>
public class PhiGuardRecordNameTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Mpho Dlamini", "Ines Carvalho", "Goran Petrovic", "Kiri Waaka"], staffDomains: ["desertcare.example"]);

    [Theory]
    [InlineData("dragana kovačević - registration made two accounts because the č got dropped", "dragana kovačević")]
    [InlineData("gulnara abdrakhmanova ED to 4W, bed request stuck since noon", "gulnara abdrakhmanova")]
    [InlineData("oluwaseun adebanjo-cole ED to obs, still waiting on the bed board", "oluwaseun adebanjo-cole")]
    [InlineData("nikolina horvatić - duplicate MRN at registration after the merge", "nikolina horvatić")]
    [InlineData("bed request for siosaia taufa stuck in the queue since 0900", "siosaia taufa")]
    public void Names_no_list_holds_in_a_text_about_a_patients_care_or_papers_are_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("Lee Mi-sook only reads Korean and the interpreter line keeps dropping", "Lee Mi-sook")]
    [InlineData("was Farzana the one in 9 with the drip alarm?", "Farzana")]
    [InlineData("her son (Rafael) wants the discharge papers emailed", "Rafael")]
    [InlineData("the pt shouting in 12 is Bogdan, his wife says he's confused, sitter order please", "Bogdan")]
    [InlineData("Honahnie, Harold — obs pt, the portal invite bounced", "Honahnie, Harold")]
    [InlineData("the FHIR bundle came back with \"family\": \"Okwuosa\", \"given\": [\"Chidera\"] in the test tenant", "Okwuosa")]
    [InlineData("the Patient resource in prod has family \"Nakamura\" given \"Sachiko\"", "Sachiko")]
    public void Korean_names_family_first_record_lines_lone_names_in_a_bed_relatives_and_fhir_names_are_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("\"birthDate\": \"1952-11-30\" came back in the prod FHIR pull", PhiKind.DateOfBirth, "1952-11-30")]
    [InlineData("outside records differ — 4.5.1947 is her real birthday", PhiKind.DateOfBirth, "4.5.1947")]
    [InlineData("she was born in '47 but the chart says 3/1/48", PhiKind.DateOfBirth, "3/1/48")]
    [InlineData("readmitted on the 9th for the same infection and the flag missed it", PhiKind.PersonalDate, "9th")]
    [InlineData("pt arrived ED 2025-03-02 04:10, triage note is blank", PhiKind.PersonalDate, "2025-03-02")]
    [InlineData("nonagenarian in 6S (97!) and the scale rejects her weight", PhiKind.AgeOver89, "97")]
    [InlineData("TennCare id 4410229871 not verifying at registration", PhiKind.HealthPlanNumber, "4410229871")]
    [InlineData("pt wants his pottery site claybyjonah.com added to his portal profile", PhiKind.WebAddress, "claybyjonah.com")]
    [InlineData("security says the vanity plate \"ROADRNR\" belongs to the pt's son", PhiKind.VehicleIdentifier, "ROADRNR")]
    [InlineData("the ID photo for the pt in bay 5 is on her husband's chart", PhiKind.Photograph, "ID photo")]
    [InlineData("pic of the bed board in 6S, pt's full name visible, shows the wrong attending", PhiKind.Photograph, "pic")]
    [InlineData("concentrator delivery to 412 W Calle Arroyo in Sahuarita was refused", PhiKind.StreetAddress, "412 W Calle Arroyo")]
    [InlineData("pt's camper is space 22 at Saguaro Sands RV Park off Ajo Way", PhiKind.StreetAddress, "space 22 at Saguaro Sands RV Park")]
    [InlineData("lives in Chinle with her grandson, the video visit keeps dropping", PhiKind.StreetAddress, "Chinle")]
    [InlineData("she's out in the 86503 area so labs at the Chinle clinic", PhiKind.ZipCode, "86503")]
    [InlineData("DL scan gives 85719-2201 for the pt, registration has 85719", PhiKind.ZipCode, "85719-2201")]
    [InlineData("her zip came through as 9021 — the 0 got dropped, should be 90210", PhiKind.ZipCode, "90210")]
    public void Dates_ages_plans_pages_plates_photos_and_places_written_other_ways_are_found(string text, PhiKind kind, string value)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == value);
    }

    [Theory]
    [InlineData("Ngozi's birthday is 6/2, cupcakes in the huddle room at 2")]
    [InlineData("ship the loaner scanners to Corvid Medical, 88 Commerce Pkwy Suite 210, Tempe AZ 85281")]
    [InlineData("the service desk moves to the west annex at 2210 E Broadway Blvd on monday")]
    [InlineData("infusion pump serial 3390-11782 went back to the vendor, not on a patient")]
    [InlineData("the demo pt in the vendor's slides is \"Ruth Kessler\", fine to share")]
    [InlineData("the Harriet Tubman mural by the ED entrance is getting a new light")]
    [InlineData("the Jonas Salk vaccine clinic moves to the new templates next month")]
    [InlineData("as Virginia Henderson would say, the nurse does for the patient what they cannot do")]
    [InlineData("the VA (Jesse Brown) sent their CCD spec for the interface")]
    [InlineData("HIM release of info fax is 602-555-0177, use the cover sheet")]
    [InlineData("pharmacy after hrs: 602-555-0121, they page the on-call")]
    [InlineData("FHIR Patient resource in TST: family \"Testpatient\" given \"Zzalpha\", made-up")]
    [InlineData("kestrel pacs is down again, images stuck in the queue for ED")]
    [InlineData("goran petrovic moved the bed board tiles, ED likes it")]
    [InlineData("Dragan Milić from the service desk says the label printers are patched")]
    [InlineData("is Sprint 14 the one with the label fix?")]
    [InlineData("zip for the project site came over as 85711 per facilities")]
    public void Colleagues_products_namesakes_a_teams_birthday_vendors_and_department_lines_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }

    // The same words with and without a colleague's team in brackets after the name: the brackets are what make it a colleague.
    [Theory]
    [InlineData("ilse haavisto", "privacy")]
    [InlineData("tariq al-mansouri", "HIM")]
    [InlineData("bogdana rusu", "pharmacy informatics")]
    public void A_team_in_brackets_after_a_name_makes_it_a_colleague_where_the_same_text_without_it_is_a_patient(string name, string team)
    {
        const string Rest = "ED to obs, bed request stuck on the bed board since 1400";

        Assert.Contains(PhiGuard.Scan($"{name} {Rest}", Team), f => f.Kind == PhiKind.PatientName);
        Assert.Empty(PhiGuard.Scan($"{name} ({team}) {Rest}", Team));
    }
}
