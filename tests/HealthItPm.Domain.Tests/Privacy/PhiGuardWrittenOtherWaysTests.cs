using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Identifiers written other ways than the cue and shape the guard first knew: dates day first with dots, in words, as an
/// ordinal after a care event, after a procedure's nickname, a pregnancy's LMP and EDD; SSNs read out with their digits apart;
/// chart numbers in groups; a state's licence in lower case; numbers of corrections, foster care and donor registries; a photo
/// taken with a patient; a car told by its make; street types of the south-east. And their look-alikes: a project's birthday,
/// a release's date, a ticket admitted to a backlog, a device biomed pulled, a clinic's ZIP, a colleague's birthday, a
/// department's lines and places named after people.
/// </summary>
public class PhiGuardWrittenOtherWaysTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Mpho Dlamini", "Ines Carvalho", "Taini Morningstar"], staffDomains: ["coastalcare.example"]);

    [Theory]
    [InlineData("DOB keyed by the outside lab as (17.09.1944), ours says sept 17", "17.09.1944")]
    [InlineData("birth date on the transfer from Lisbon (05.02.1939), reg swapped day and month", "05.02.1939")]
    [InlineData("her daughter gave the first of may, nineteen thirty-three at the kiosk", "the first of may, nineteen thirty-three")]
    [InlineData("mr. Mensah said \"august the fifth, nineteen forty-seven\" at the kiosk", "august the fifth, nineteen forty-seven")]
    public void Birth_dates_day_first_in_brackets_or_said_aloud_are_found(string text, string date)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.DateOfBirth && text.Substring(f.Index, f.Length) == date);
    }

    [Theory]
    [InlineData("she coded on the 3rd at 0310 and the code sheet scanned to another encounter", "3rd")]
    [InlineData("he was extubated on the second and the RT flowsheet shows the vent till the fifth", "second")]
    [InlineData("the pt was seen the twelfth of june at the walk-in and the note is missing", "twelfth of june")]
    [InlineData("his lap chole was 4/22/25 and the op note is unsigned", "4/22/25")]
    [InlineData("her appy was 9/9 and the pathology never crossed to the portal", "9/9")]
    [InlineData("the pt's tha was 1/30/2025, implant log has 1/31", "1/30/2025")]
    [InlineData("LMP 3/17/25 sits in the wrong flowsheet row for the pt in triage 2", "3/17/25")]
    [InlineData("edd of 12/1 from the first US, the calc in the OB module says 12/9", "12/1")]
    public void Care_dates_as_ordinals_after_nicknames_or_in_a_pregnancy_are_found(string text, string date)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PersonalDate && text.Substring(f.Index, f.Length) == date);
    }

    [Theory]
    [InlineData("his social is on the old face sheet - 5 2 9 - 1 1 - 4 0 8 2", PhiKind.SocialSecurityNumber, "5 2 9 - 1 1 - 4 0 8 2")]
    [InlineData("her ss# was typed as 610 - 22 - 9184 in the comment, purge it", PhiKind.SocialSecurityNumber, "610 - 22 - 9184")]
    [InlineData("unlock chart 2209-5531 please, pt is at the window", PhiKind.MedicalRecordNumber, "2209-5531")]
    [InlineData("#6618-0042 (pt's chart) is locked by an old session", PhiKind.MedicalRecordNumber, "6618-0042")]
    [InlineData("nc dl 000118842931 scanned into the media tab unmasked", PhiKind.CertificateOrLicenseNumber, "000118842931")]
    [InlineData("pt arrived from county, GDC# 1002993184 on the transfer form", PhiKind.OtherUniqueIdentifier, "1002993184")]
    [InlineData("DFCS case # 2026-0044182 for the infant in NICU bed 3", PhiKind.OtherUniqueIdentifier, "2026-0044182")]
    [InlineData("foster child # 44-8812 for the toddler in peds", PhiKind.OtherUniqueIdentifier, "44-8812")]
    [InlineData("organ donor registry id 21-SC-7730021 for the pt in neuro ICU", PhiKind.OtherUniqueIdentifier, "21-SC-7730021")]
    [InlineData("pt's employee badge # at the mill, KPM-55012, for the comp claim", PhiKind.OtherUniqueIdentifier, "KPM-55012")]
    [InlineData("the son's blue tacoma, tag WRX 5521 - wait, his ford, tag RTL 0921", PhiKind.VehicleIdentifier, "RTL 0921")]
    [InlineData("a tech took a selfie with the pt in 9 and posted it", PhiKind.Photograph, "selfie with the pt")]
    [InlineData("Discharge to: 418 Marsh Hen Ext Lot 7, ride at 1300", PhiKind.StreetAddress, "418 Marsh Hen Ext Lot 7")]
    [InlineData("zip for the pt in hallway bed 2 is 29407, EMS billing needs it", PhiKind.ZipCode, "29407")]
    public void Numbers_places_and_pictures_written_other_ways_are_found(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("the pt's DCFS worker gave case number 2026-CW-00931 for the chart", PhiKind.OtherUniqueIdentifier, "2026-CW-00931")]
    [InlineData("his readmit was on the 9th of feb and the banner never fired", PhiKind.PersonalDate, "9th of feb")]
    public void Agency_cases_a_few_words_after_the_agency_and_readmissions_with_their_day_are_found(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    // Without a roster: a colleague by what they do with the project's things, when the text says nothing of a patient's care.
    [Theory]
    [InlineData("Nokuthula Zwane approved change request CR-3310 this morning")]
    [InlineData("aroha ngata updated the risk register, 2 new risks")]
    [InlineData("Oyelaran Adebisi is on the Prelude build, ask about the reg templates")]
    [InlineData("kiri tamihana from desktop swapping the label printers on 2 north")]
    [InlineData("Tomasz Nowak from the Riverside campus wants 3 more COWs on 4 east")]
    [InlineData("Sefa Tuiasosopo's upgrade estimate is in the budget sheet")]
    [InlineData("Thandeka Mahlangu's drip calculator build is in TST for review")]
    public void Without_a_roster_a_colleague_by_the_project_work_they_do_is_not_a_patient(string text)
    {
        Assert.Empty(PhiGuard.Scan(text));
    }

    [Theory]
    [InlineData("Nokuthula Zwane's sliding scale didnt build right, RNs charting on paper", "Nokuthula Zwane")]
    [InlineData("the MRI for Bolat Nurlanovich got cancelled by the interface", "Bolat Nurlanovich")]
    [InlineData("Aroha Ngata's DNR status did not carry over in the conversion", "Aroha Ngata")]
    public void The_same_names_with_a_patient_s_care_are_still_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("the telehealth program was born 4/1/2022, happy birthday to the team")]
    [InlineData("DOB field masking fix goes out in the 3/14 release")]
    [InlineData("PRJ-2201 was admitted to the roadmap on 8/2 by the steering committee")]
    [InlineData("infusion pump serial 77310294 failed PM, biomed pulled it from service")]
    [InlineData("the Bluffton clinic (zip 29910) gets its fax server in wave 2")]
    [InlineData("our oldest volunteer turns 94 on friday, cake at the info desk")]
    [InlineData("the 6E nurses station is 843-555-0141 if Vocera drops")]
    [InlineData("release of information fax is 843-555-0188 for records requests")]
    [InlineData("cardiology reading room 843 555 0136 for downtime reads")]
    [InlineData("portal sign-up table at the Septima Clark museum on saturday")]
    [InlineData("the kickoff is on the fourteenth of march, board room B")]
    [InlineData("chart 3 of 12 in the deck shows the downtime trend")]
    [InlineData("asset tag CMC 4471 on the workstation in 3 west is missing")]
    public void Their_look_alikes_in_project_talk_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }
}
