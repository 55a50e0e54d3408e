using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// One word no list holds where only a patient is (before their drip, tube or room, moved to a bed, missing from the bed
/// board, the name they go by), a name after consent for it or back from a procedure, a chart's bare number unlocked,
/// scanned off a band or said to be a patient's, an MRN read digit by digit, an SSN by PID-19, a state programme's id a word
/// after it, the date a patient was dc'd or their care began, a plate after the car, an implant's serial, an age over 89 in
/// words, a USCIS receipt, a permit shown as ID, a registration photo, streets with two-letter directionals, phones with
/// spaced dots. Then the look-alikes that stay clean: hospitals named after people told by their teams and feeds, a
/// famous person's music, made-up records of a dry run, a pager, a share of records after a birth-date field, a shipment
/// that came in on a day, a saint's hospital, a rostered colleague's deck.
/// </summary>
public class PhiGuardLoneNameAndBareNumberTests
{
    private static readonly PhiContext Team = new(
        staffNames: ["Nino Beridze", "Tevita Fifita", "Ana Lucia Sobral", "Arman Petrosyan"],
        staffDomains: ["cascadevalley.example"]);

    private static void AssertFound(string text, PhiKind kind, string value, PhiContext? context = null)
    {
        var findings = PhiGuard.Scan(text, context ?? Team);
        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == value);
    }

    [Theory]
    [InlineData("tupaarnaq's foley bag is full and nobody charted output since 0600", "tupaarnaq")]
    [InlineData("Kalolaine's wound vac keeps alarming, biomed says the canister is fine", "Kalolaine")]
    [InlineData("can someone check on zhyldyz's picc, the dressing is lifting", "zhyldyz")]
    [InlineData("moved vardanyan to 22 so transport can get the stretcher in", "vardanyan")]
    [InlineData("ngozika still not on the bed board and she's been in 7 since noon", "ngozika")]
    [InlineData("he goes by Tukummiq, the legal name on the card is longer", "Tukummiq")]
    public void One_word_no_list_holds_where_only_a_patient_is_is_a_name(string text, string name) =>
        AssertFound(text, PhiKind.PatientName, name);

    [Theory]
    [InlineData("consent for Wayra Quispe Mamani went into last week's encounter", "Wayra Quispe")]
    [InlineData("kelechi nwachukwu back from the cath lab and the heparin order never released", "kelechi nwachukwu")]
    [InlineData("Mzia Kapanadze (her family is Orthodox, from Tbilisi) asks that only female staff come in, flag in the chart",
        "Mzia Kapanadze")]
    public void A_name_after_consent_for_it_back_from_a_procedure_or_with_kin_in_brackets_is_found(string text, string name) =>
        AssertFound(text, PhiKind.PatientName, name);

    [Theory]
    [InlineData("please unlock 55029317 so pharmacy can finish verifying", "55029317")]
    [InlineData("wristband scans as 004471829 and the chart says 04471829", "004471829")]
    [InlineData("71120448 — that's the L&D pt's band, it won't scan", "71120448")]
    [InlineData("Bartlett chart 448120 for the flown-in pt, we need their med list", "448120")]
    [InlineData("MRN 3 3 0 8 9 1 2 7 came over on the transfer fax like that", "3 3 0 8 9 1 2 7")]
    [InlineData("merge request: 51102298 into 51102289, HIM says it's the same pt", "51102298")]
    public void A_charts_bare_number_tied_to_a_patient_is_found(string text, string number) =>
        AssertFound(text, PhiKind.MedicalRecordNumber, number);

    [Theory]
    [InlineData("PID-19 on the ADT feed carries 623904418 for the pt in 5E", PhiKind.SocialSecurityNumber, "623904418")]
    [InlineData("ProviderOne client id 309221874WA is termed for the baby", PhiKind.HealthPlanNumber, "309221874WA")]
    [InlineData("Hoosier Healthwise # 8802194 for her son, eligibility shows pending", PhiKind.HealthPlanNumber, "8802194")]
    [InlineData("plate on the grey honda, OR 884 KLM, the pt's son left it at the curb", PhiKind.VehicleIdentifier, "884 KLM")]
    [InlineData("red toyota BRX4471 is the pt's, security wants it moved", PhiKind.VehicleIdentifier, "BRX4471")]
    [InlineData("the pacemaker in 9 — serial PJN-441207 — rep needs it before the MRI", PhiKind.DeviceIdentifier, "PJN-441207")]
    [InlineData("USCIS receipt WAC2290014472 is in his scanned docs, move it to the right folder", PhiKind.OtherUniqueIdentifier,
        "WAC2290014472")]
    [InlineData("the only ID she had was her hunting licence 88213K, reg took it", PhiKind.CertificateOrLicenseNumber, "88213K")]
    [InlineData("his daughter's place, 4410 SW 112th St, Burien, is where he goes after dc", PhiKind.StreetAddress,
        "4410 SW 112th St")]
    [InlineData("her son's cell 360 . 772 . 0914, call him first", PhiKind.PhoneNumber, "360 . 772 . 0914")]
    public void Identifiers_written_the_rounds_ways_are_found(string text, PhiKind kind, string value) =>
        AssertFound(text, kind, value);

    [Theory]
    [InlineData("the lady in 4 who was dc'd friday the 12th came back with the same pain", "12th")]
    [InlineData("came in on the 31st of december with a hand laceration, ED stamped it 1/1", "31st of december")]
    [InlineData("his dialysis started 3 Feb and the outside unit has it as 2/3", "3 Feb")]
    [InlineData("she had her knee replaced here 2021-11-04 and the implant log says 2020", "2021-11-04")]
    public void The_day_a_patient_was_dcd_came_in_or_their_care_began_is_found(string text, string date) =>
        AssertFound(text, PhiKind.PersonalDate, date);

    [Fact]
    public void An_age_over_89_in_words_opening_a_text_and_a_registration_photo_are_found()
    {
        AssertFound("ninety-three and still lives alone, wants the video visit", PhiKind.AgeOver89, "ninety-three");
        AssertFound("the kiosk photo for the pt is someone else's face", PhiKind.Photograph, "kiosk photo");
    }

    [Theory]
    [InlineData("Jefferson's transfer center wants the new ADT spec by Friday")]
    [InlineData("Providence Sacred Heart's interface team says the referral feed is ready")]
    [InlineData("Mary Bridge's go-live team shared their downtime packets")]
    [InlineData("Harborview uses a different PACS, so the outside images come through the exchange")]
    [InlineData("the hold music is Louis Armstrong music and legal says fine")]
    [InlineData("test patients Zzdad, Owl and Zzkid, Owl are for the peds dry run")]
    [InlineData("playground pt Olympus, Mount is the one for the triage scenario")]
    [InlineData("biomed pager 509-555-0142 for pump alarms, don't text it")]
    [InlineData("the FHIR feed drops birthDate on 0.7% of records, Arman looking")]
    [InlineData("the shipment came in 11/4 and biomed is tagging the pumps")]
    [InlineData("St. Joseph's tele hub covers our nights until we hire")]
    [InlineData("ana lucia's portal training deck is in the shared folder")]
    [InlineData("delivered 30 lab runs overnight, the robot is a hit")]
    public void Look_alikes_stay_clean(string text) => Assert.Empty(PhiGuard.Scan(text, Team));
}
