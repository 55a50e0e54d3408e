using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// What Health IT people paste and type about a patient outside any cue word: HL7 v2 segments (PID-3, PID-5 as FAMILY^GIVEN,
/// PID-7 as yyyyMMdd), a chart header's "FAMILY, GIVEN M", a name then a dash or comma and what happened to the patient, a name
/// before a bed or a patient's things when the given name is also a word, two-word Native American surnames, someone a service
/// is booked for; numbers said in words, addresses spelled out, part of an SSN, log fields, bare record numbers a ward ties to a
/// patient, where a patient lives. And their look-alikes: places of two words, rooms named after people, a meeting's dial-in,
/// a department's fax or reminder line, a visitor's rental, the hospital's own devices and page, a made-up test patient.
/// </summary>
public class PhiGuardPastedRecordTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Renata Kowalski", "Obinna Eze", "Hemi Walker"], staffDomains: ["mercyvalley.example"]);

    [Theory]
    [InlineData("ADT^A08 shows PID|1||77310452^^^MVH^MR||RAMIREZ^ESTELA^^^^||19520914|F| twice", PhiKind.MedicalRecordNumber, "77310452")]
    [InlineData("ADT^A08 shows PID|1||77310452^^^MVH^MR||RAMIREZ^ESTELA^^^^||19520914|F| twice", PhiKind.PatientName, "RAMIREZ^ESTELA")]
    [InlineData("ADT^A08 shows PID|1||77310452^^^MVH^MR||RAMIREZ^ESTELA^^^^||19520914|F| twice", PhiKind.DateOfBirth, "19520914")]
    [InlineData("the ORM had PID-7 as 19381102 and the lab system read it as a 2038 birth", PhiKind.DateOfBirth, "19381102")]
    [InlineData("NK1 came in as NK1|1|HAKIMI^FARIDA|SPO| so the spouse shows but the pt does not", PhiKind.PatientName, "HAKIMI^FARIDA")]
    public void Hl7_segments_give_up_their_identifiers_names_and_birth_dates(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("OYELOWO, ADENIKE T - the rehab referral printed to the wrong tray", "OYELOWO, ADENIKE T")]
    [InlineData("KAHANANUI, MALIA: armband reprint needed after the name fix", "KAHANANUI, MALIA")]
    [InlineData("Blessing Ugwuanyi's coumadin clinic appt landed on a closed day", "Blessing Ugwuanyi")]
    [InlineData("Precious Nkemelu (bed 22) needs the renal diet, the tray keeps coming regular", "Precious Nkemelu")]
    [InlineData("Journey Castellanos in holding bay 6 has no consent scanned", "Journey Castellanos")]
    [InlineData("Delia Two Crows' infusion chair got double booked", "Delia Two Crows")]
    [InlineData("need a hmong interpreter for Pa Houa Lor at the 10 o'clock", "Pa Houa Lor")]
    [InlineData("5S-14 - Abdulkadir - daughter keeps asking for the arabic discharge papers", "Abdulkadir")]
    [InlineData("Gebremedhin -> ED -> 6N, the transfer orders dropped at each hop", "Gebremedhin")]
    public void Names_pasted_from_records_or_before_what_happened_to_the_patient_are_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("her callback is two zero six, five five one, four four seven nine, she asked us to repeat it", PhiKind.PhoneNumber)]
    [InlineData("he says he was born the fourteenth of july nineteen thirty-eight, reg has 1983", PhiKind.DateOfBirth)]
    [InlineData("daughter gave her email as lupe dot arriaga at yahoo dot com over the phone", PhiKind.EmailAddress)]
    [InlineData("she confirmed the last four of her social, 3308, before we reset the portal", PhiKind.SocialSecurityNumber)]
    [InlineData("app log: field=dob value=19470203 user=regclerk4 - should be masked", PhiKind.DateOfBirth)]
    [InlineData("[mpi] field=ssn value=512770914 rejected", PhiKind.SocialSecurityNumber)]
    [InlineData("patient 60318847 on 5S still shows the old allergy", PhiKind.MedicalRecordNumber)]
    [InlineData("chart W2208716 belongs to the Westside merge batch, wrong pt attached", PhiKind.MedicalRecordNumber)]
    [InlineData("61023378 in bed 9 - the one with the isolation flag - can someone fix the banner", PhiKind.MedicalRecordNumber)]
    [InlineData("two of the no-shows live out in 98857, no bus line", PhiKind.ZipCode)]
    [InlineData("the zip she entered on the tablet was 99163 and it picked Pullman", PhiKind.ZipCode)]
    [InlineData("seen in the clinic 2/27/2026 and the note never crossed to the portal", PhiKind.PersonalDate)]
    [InlineData("her colonoscopy got moved to fri 4/17, prep instructions still say 4/10", PhiKind.PersonalDate)]
    [InlineData("she lives in the Sunny Acres trailer park, lot 41, and the courier can't find it", PhiKind.StreetAddress)]
    [InlineData("Apple Health 209451376WA on his card doesn't pass eligibility", PhiKind.HealthPlanNumber)]
    public void Numbers_words_and_places_tied_to_a_patient_are_found(string text, PhiKind kind)
    {
        Assert.Contains(PhiGuard.Scan(text, Team), f => f.Kind == kind);
    }

    [Theory]
    [InlineData("go-live order is Ellensburg, Cle Elum, then Walla Walla in the fall")]
    [InlineData("the Soap Lake and Moses Lake clinics share one interface engine")]
    [InlineData("the steering committee meets in the Mary Mahoney boardroom on tuesdays")]
    [InlineData("the Rosalind Franklin lab wing loses wifi near the elevators")]
    [InlineData("bridge dial-in is (509) 555-0144, passcode 7781#, cutover call at 2200")]
    [InlineData("send the downtime forms to HIM at 509-555-0190 once the system is back")]
    [InlineData("the pharmacy fax moved to 509-555-0133 on monday, update the e-fax templates")]
    [InlineData("our appointment reminders text line (509) 555-0172 does not take replies")]
    [InlineData("the trainer's rental car, plate BKT 4410, is blocking the loading dock")]
    [InlineData("infusion pump serial 24M11873 is ours, asset tag MV-20331, back from biomed")]
    [InlineData("test patient ZZTRAIN, DELTA dob 02/02/1960 in TST is for the scanner script, not a real person")]
    [InlineData("please share https://www.facebook.com/mercyvalleyhealth/ - it's our official page")]
    [InlineData("license plate readers at the garage gate switch on 7/15")]
    [InlineData("Renata Kowalski - the referral workqueue build is done, ready for testing")]
    [InlineData("Obinna Eze's orders template for the ED is in the build tracker")]
    public void Look_alikes_of_places_lines_vehicles_devices_and_staff_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }

    // Without a roster: a colleague's family told for why they are away, and two colleagues doing project work together.
    [Theory]
    [InlineData("ngozi's daughter has a recital so she's leaving at 4, Maren covering the desk")]
    [InlineData("Tariq's mom is in town so he's remote today, ping him on teams")]
    [InlineData("Ioana Popescu and Tariq Mahmoud are co-leads for the scanner rollout")]
    [InlineData("siosaia taufa and mirela dobre will round on the units during go-live week")]
    public void Without_a_roster_colleagues_by_their_family_news_or_their_shared_work_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text));
    }

    [Theory]
    [InlineData("Ioana Popescu's daughter says the pt was discharged without her meds", "Ioana Popescu")]
    [InlineData("Ioana Popescu and Tariq Mahmoud were admitted overnight after the crash", "Ioana Popescu")]
    public void The_same_shapes_about_a_patient_are_still_found(string text, string name)
    {
        Assert.Contains(PhiGuard.Scan(text), f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }
}
