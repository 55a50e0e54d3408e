using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Patients as a record's header, an arrival or a mix-up name them: surname first at a text's start, before a patient's notes
/// and results, on arrival, with a kin word in brackets, Karen and Lakota names whose parts read as English, two patients
/// swapped; plan members after a payer's brand, VINs, blogs, HL7 patient fields, numbers said to be the patient's, ages in
/// age-and-sex shorthand, day-month dates and arrivals on a date, fame told as a deed. And their look-alikes: days, quotes and
/// airports named after people, products and environments swapped, vendors visiting, team members, temperatures, shipments.
/// </summary>
public class PhiGuardRecordAndArrivalTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Kenji Morimoto", "Dana Ruiz", "Grace Tanaka-Ruiz"], staffDomains: ["hospital.example"]);

    [Theory]
    // A record's header, surname first.
    [InlineData("nguyen-tran, kim - registration made two profiles, please merge", "nguyen-tran, kim")]
    [InlineData("okonkwo-eze, chidinma: wrong DOB on the face sheet", "okonkwo-eze, chidinma")]
    // Before a patient's notes and results.
    [InlineData("liang xiaoyu op report went to the wrong encounter", "liang xiaoyu")]
    [InlineData("mireille uwimana ED note is missing the interpreter line", "mireille uwimana")]
    [InlineData("dzifa agbeko path result crossed to another chart", "dzifa agbeko")]
    // A kin word in brackets, a family after a surname alone.
    [InlineData("Fernando (the grandson) is the one picking her up at dc", "Fernando")]
    [InlineData("kowalczyk's kids want the room changed before the weekend", "kowalczyk")]
    // Names whose parts read as English words.
    [InlineData("Rosalie Many Horses came in from Lame Deer, IHS chart not linked", "Rosalie Many Horses")]
    [InlineData("Vernon Little Thunder readmit, family asking for the old discharge papers", "Vernon Little Thunder")]
    [InlineData("Saw Eh Htoo's wristband printed with the wrong DOB", "Saw Eh Htoo")]
    [InlineData("rose okafor wants her records mailed to the new address", "rose okafor")]
    [InlineData("hope mukamana keeps calling the desk about her bill", "hope mukamana")]
    // Two patients mixed up.
    [InlineData("the labels for Okwuosa and Hakimi got mixed up on the night run", "Hakimi")]
    [InlineData("the nurse says Vasquez and Thibodeaux were swapped on the bed board", "Thibodeaux")]
    // Mande names the census lists lack.
    [InlineData("re: Fatoumata Diarra - the AVS printed in english, she needs french", "Fatoumata Diarra")]
    public void A_patient_named_by_a_record_an_arrival_or_a_mix_up_is_found(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("Blue Plus member 882103944 for the pt, card looks expired", PhiKind.HealthPlanNumber, "882103944")]
    [InlineData("VINs from crash notes (e.g. 2HGFC2F59KH512345) leak into the extract", PhiKind.VehicleIdentifier, "2HGFC2F59KH512345")]
    [InlineData("family update blog nguyenstrong.blogspot.com names the unit", PhiKind.WebAddress, "nguyenstrong.blogspot.com")]
    [InlineData("PID-3 came across as 4471029 for the wrong patient again", PhiKind.MedicalRecordNumber, "4471029")]
    [InlineData("A3384190 is the pt whose allergies duplicated after the merge", PhiKind.MedicalRecordNumber, "A3384190")]
    [InlineData("96M from the nursing home, hip fx, family wants a call", PhiKind.AgeOver89, "96M")]
    [InlineData("brought in by EMS 11/19 after the fall, still on the trauma alias", PhiKind.PersonalDate, "11/19")]
    [InlineData("readmit 3-Oct, same complaint as last time", PhiKind.PersonalDate, "3-Oct")]
    [InlineData("her dexcom transmitter 9HX4KQ dropped off the app again", PhiKind.DeviceIdentifier, "9HX4KQ")]
    [InlineData("face ID templates for the pt are stored on the kiosk tablet", PhiKind.BiometricIdentifier, "face ID templates")]
    [InlineData("ems picked her up at 2210 hwy 12 lot 9, address failed", PhiKind.StreetAddress, "2210 hwy 12 lot 9")]
    [InlineData("reg typed her street as \"88 calle luna\" and the HIE bounced it", PhiKind.StreetAddress, "88 calle luna")]
    [InlineData("the pt is the Olympic speed skater from town, staff keep opening his chart", PhiKind.OtherUniqueIdentifier,
        "Olympic speed skater")]
    [InlineData("the guy who won the state lottery is in 14, news vans outside", PhiKind.OtherUniqueIdentifier,
        "guy who won the state lottery")]
    [InlineData("pt is the only one in the county with this rare disease", PhiKind.OtherUniqueIdentifier, "the only one in the county")]
    [InlineData("the pt is the school board president, keep his chart locked", PhiKind.OtherUniqueIdentifier,
        "school board president")]
    public void An_identifier_in_the_shape_ward_and_interface_talk_gives_it_is_found(string text, PhiKind kind, string value)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == value);
    }

    [Theory]
    [InlineData("the Cesar Chavez day closure moves training to Wednesday")]
    [InlineData("a Florence Nightingale quote opens the nurse week slides")]
    [InlineData("shuttle to the Will Rogers airport leaves at 0700 for the vendor team")]
    [InlineData("Red Cross blood drive in the Mercy wing on Friday")]
    [InlineData("the PID-3 field mapping for the new feed is in the spec, see section 4")]
    [InlineData("team member 20931 in Workday has the wrong cost center")]
    [InlineData("the temp in the server room hit 94F with the AC down")]
    [InlineData("printer 98F in the lab needs a new toner")]
    [InlineData("our blog at news.wordpress.com is the old intranet, ignore it")]
    [InlineData("Epic and Cerner interfaces were swapped in the diagram, fix the slide")]
    [InlineData("the Dev and Test environments got mixed up in the release notes")]
    [InlineData("the vendor team came in from Madison on 10/4 for the cutover")]
    [InlineData("the shipment came in 10/4 and biomed is tagging the pumps")]
    [InlineData("go-live is 14-Sep for the ambulatory wave")]
    [InlineData("our hospital is the only one in the state with this Epic module live")]
    [InlineData("Kenji Morimoto's team owns the ED triage note template")]
    [InlineData("grace tanaka-ruiz says all the new Citrix servers need the security scan first")]
    [InlineData("Dana and Kenji swapped the Tuesday and Thursday huddles")]
    [InlineData("Jerome and Priya swapped on-call weekends")]
    [InlineData("the downtime BCA PCs in 4 West and 5 East were swapped")]
    [InlineData("the 96F reading was the incubator probe, biomed checked it")]
    public void Days_quotes_products_environments_teams_temperatures_and_shipments_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }
}
