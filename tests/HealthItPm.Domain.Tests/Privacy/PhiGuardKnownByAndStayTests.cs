using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Numbers a person is known by outside the hospital and numbers a text says are a person's own; licences with their state
/// after the cue, hospital and UR numbers; vein and face enrolments; pictures kept in a person's chart; stays from one date
/// to another; a ZIP a person gave; names before a relative or an appointment of any kind, and unknown names before what only
/// a patient does. And their look-alikes: labs, rooms and machines named after people, vendors named after their founders,
/// fleet vehicles, a centre's fax line and a hospital's main number, a colleague's ticket, extension and employee id.
/// </summary>
public class PhiGuardKnownByAndStayTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Kenji Morimoto", "Dana Ruiz", "Tomasz Wierzbicki"], staffDomains: ["hospital.example"]);

    [Theory]
    // Known outside the hospital: immigration, school, library, court, protective services, police.
    [InlineData("A-number A-118204773 is on the legal aid letter in her chart", PhiKind.OtherUniqueIdentifier, "A-118204773")]
    [InlineData("USCIS # 203-118-447 was scanned with the intake packet", PhiKind.OtherUniqueIdentifier, "203-118-447")]
    [InlineData("school ID 55021873 from the high school is on the sports physical", PhiKind.OtherUniqueIdentifier, "55021873")]
    [InlineData("CPS case # 24-DN-3310 for the infant in the special care nursery", PhiKind.OtherUniqueIdentifier, "24-DN-3310")]
    [InlineData("adult protective services case number 7720-114 for the man in 2W", PhiKind.OtherUniqueIdentifier, "7720-114")]
    [InlineData("parole number 48810-3 is on the discharge paperwork", PhiKind.OtherUniqueIdentifier, "48810-3")]
    // A number the text says is the person's own.
    [InlineData("his community college ID 880013427 is on the work note", PhiKind.OtherUniqueIdentifier, "880013427")]
    [InlineData("the pt's band card # 40917 is taped to the consent form", PhiKind.OtherUniqueIdentifier, "40917")]
    // A licence with its state after the cue; hospital and UR numbers.
    [InlineData("CDL Idaho 41882093 for the driver pt, DOT exam form needs it", PhiKind.CertificateOrLicenseNumber, "41882093")]
    [InlineData("driver license Montana 0302198844 scanned for the pt", PhiKind.CertificateOrLicenseNumber, "0302198844")]
    [InlineData("hospital number 4471-220-9 is the one on her old bracelet", PhiKind.MedicalRecordNumber, "4471-220-9")]
    [InlineData("UR number 7730041 from the referring hospital is on the letter", PhiKind.MedicalRecordNumber, "7730041")]
    // Vein and face enrolments; a picture kept in a person's chart.
    [InlineData("palm vein template for the pt matched two charts at the kiosk", PhiKind.BiometricIdentifier, "palm vein template")]
    [InlineData("biometric enrollment for her failed at check-in", PhiKind.BiometricIdentifier, "biometric enrollment")]
    [InlineData("the ID photo in his chart is somebody else", PhiKind.Photograph, "ID photo")]
    [InlineData("the rash picture uploaded to the pt's MyChart is blurry", PhiKind.Photograph, "rash picture")]
    // A stay from one date to another; a ZIP a person gave.
    [InlineData("he was here 6/3 to 6/8 and the records request only has one day", PhiKind.PersonalDate, "6/3")]
    [InlineData("she was in the NICU from 2/2 to 2/20, mom wants the full record", PhiKind.PersonalDate, "2/2")]
    [InlineData("dad gave 59715 at registration but the address check failed", PhiKind.ZipCode, "59715")]
    // Benefit programmes and plan cards read aloud, boats, voice samples and DNA tests, a ZIP "off" a place, an EMR id.
    [InlineData("her WIC number 5520114 is on the nutrition consult", PhiKind.OtherUniqueIdentifier, "5520114")]
    [InlineData("EBT card # 6001924410228711 was left at the bedside", PhiKind.OtherUniqueIdentifier, "6001924410228711")]
    [InlineData("his insurance card reads W44182093, front desk keyed it wrong", PhiKind.HealthPlanNumber, "W44182093")]
    [InlineData("the pt's trailer registration WY 2281 TK is in the belongings list", PhiKind.VehicleIdentifier, "WY 2281")]
    [InlineData("voice template for her phone banking got into the social work note", PhiKind.BiometricIdentifier, "voice template")]
    [InlineData("DNA test profiles for the baby were uploaded to the wrong chart", PhiKind.BiometricIdentifier,
        "DNA test profiles")]
    [InlineData("she lives out in 82520 and the courier cannot find it", PhiKind.ZipCode, "82520")]
    [InlineData("EHR number 4401928 for him has two open encounters", PhiKind.MedicalRecordNumber, "4401928")]
    public void A_number_a_picture_or_a_date_that_is_a_persons_is_found(string text, PhiKind kind, string value)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == value);
    }

    [Theory]
    [InlineData("losaline vaipulu's aunt wants to stay past visiting hours", "losaline vaipulu")]
    [InlineData("kemi oyelowo's prenatal appts vanished after the merge", "kemi oyelowo")]
    [InlineData("Harriet Twin Feathers's nephew keeps calling for updates", "Harriet Twin Feathers")]
    [InlineData("Tupac Quispe won't use the kiosk, wants someone to check him in", "Tupac Quispe")]
    [InlineData("Koa Kealamakia keeps calling about the bill from his ER visit", "Koa Kealamakia")]
    // A patient's lists and instructions for a name no list holds.
    [InlineData("the problem list for Sefa Leiataua shows someone elses diabetes", "Sefa Leiataua")]
    [InlineData("discharge instructions for Oyelaran Tiwatope printed in english", "Oyelaran Tiwatope")]
    public void A_name_before_a_relative_an_appointment_or_what_a_patient_does_is_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("the Virginia Henderson skills lab has 8 new WOWs for training")]
    [InlineData("alan turing and katherine johnson are the names of the two new print servers")]
    [InlineData("we are naming the huddle rooms after Mary Seacole and Clara Barton")]
    [InlineData("Welch Allyn spot monitors need firmware 1.9 before the vitals feed test")]
    [InlineData("shuttle van plate 4C 11820 is a hospital fleet vehicle, security has the keys")]
    [InlineData("the transfer center fax line 307-555-0144 rolls to the eFax queue at night")]
    [InlineData("the clinic's main number 307-555-0100 goes on the downtime sheet")]
    [InlineData("her ticket number 88201934 was closed by the service desk")]
    [InlineData("his employee ID 20041877 needs Pyxis access before go-live")]
    [InlineData("the pt portal photo upload feature ships with the spring release")]
    [InlineData("Tomasz Wierzbicki refused the change request, CAB packet was late")]
    [InlineData("student ID badges for the nursing students arrive monday")]
    [InlineData("she listed 40 tickets as blockers, 6 are high")]
    [InlineData("the allergy list for Haiku is cut off on small screens, vendor ticket open")]
    [InlineData("the WIC clinic moves to the 2nd floor on 10/3, update the wayfinding")]
    [InlineData("voice sample recordings for the hospitalists' Dragon profiles are due friday")]
    [InlineData("the insurance card scanner at registration reads 300 cards a day")]
    public void Labs_machines_vendors_fleet_lines_and_a_colleagues_numbers_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }

    // Without a roster: a colleague named before project work, addresses and links at an organisation's domain in a text about
    // no person. A patient's address at a mail provider, or whose text says whose it is, and a patient who moved an appointment
    // or presented to the ED, are still found.
    [Theory]
    [InlineData("cc dawit.bekele@lakesidehealth.example on the cutover plan")]
    [InlineData("send the signed SOW to maria.okonjo@northwindvendor.example by friday")]
    [InlineData("the FHIR metadata is at https://fhir.lakesidehealth.example/r4/metadata")]
    [InlineData("Dawit Bekele will present the barcode scanning metrics at steering")]
    [InlineData("Thanh Huong Lam fixed the worklist mapping, pls retest in TST")]
    [InlineData("Ifeoma Nwosu re-ran the provider load, 3 dupes left")]
    [InlineData("Grzegorz Nowicki out sick today, Lars covering the desk")]
    public void Without_a_roster_colleagues_at_work_and_an_organisations_addresses_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text));
    }

    [Theory]
    [InlineData("Maria Okonjo moved the appt to friday and the reminder still went out", PhiKind.PatientName)]
    [InlineData("Thanh Huong Lam presented to the ED with the wrong wristband from last visit", PhiKind.PatientName)]
    [InlineData("portal results went to okonjo.family@lakesidelaw.example instead", PhiKind.EmailAddress)]
    [InlineData("the proxy signup used darnell.twobulls@prairienet.example, the pt never approved it", PhiKind.EmailAddress)]
    [InlineData("statement emailed to ruth.abernathy@juno.com bounced", PhiKind.EmailAddress)]
    [InlineData("https://www.caringbridge.org/visit/tesfayestrong has photos from his room", PhiKind.WebAddress)]
    [InlineData("MRN 00482913, the scan is at https://viewer.lakesidehealth.example/doc/7781", PhiKind.WebAddress)]
    [InlineData("the encounter was sent to j.okonjo@lakesidelaw.example by mistake", PhiKind.EmailAddress)]
    public void Without_a_roster_a_patient_and_their_addresses_are_still_found(string text, PhiKind kind)
    {
        Assert.Contains(PhiGuard.Scan(text), f => f.Kind == kind);
    }
}
