using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Names said the way ward staff say them: a word no dictionary, product or unit list knows, where ward talk puts a patient (in a
/// bed, rounded on, discharged, after a kin word, before a patient's things, at a text's start before what a person does); titled
/// names in a bed even when someone on the roster shares them; a care event's date; records, licences, tags and ZIPs in the
/// shapes chat gives them. And the look-alikes: products in a bay, times ("in 6 weeks"), shorthand, eponyms, colleagues asked
/// about things, asset tags, runbook sections.
/// </summary>
public class PhiGuardWardSlotTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Greg Olson", "Tom Becker", "Siobhan Garrity"], staffDomains: ["hospital.example"]);

    [Theory]
    // Where a patient lies.
    [InlineData("can someone see Mwangi in 14? his pump keeps alarming", "Mwangi")]
    [InlineData("Ferreira in bay 3 still has no wristband", "Ferreira")]
    [InlineData("mahlangu in 22 still waiting on transport", "mahlangu")]
    [InlineData("ioana raghavachari in ED bay 2, duplicate chart", "ioana raghavachari")]
    [InlineData("Mbeki baby in NICU 2 needs the hearing screen charted", "Mbeki")]
    [InlineData("kowalczyk on 5 south, barcode override used twice", "kowalczyk")]
    // What only a patient is given.
    [InlineData("rounded on Szabo this morning, wound vac order never crossed", "Szabo")]
    [InlineData("checked on Quispe at 0200, sitter order still pending", "Quispe")]
    [InlineData("dc'ing Oyelaran after lunch if the ride shows up", "Oyelaran")]
    [InlineData("please fix the dose for Lindqvist, MAR shows it twice", "Lindqvist")]
    [InlineData("couldn't find Ikaika Kealoha in the ADT feed after the merge", "Ikaika Kealoha")]
    // Kin words used as titles, relatives by the family's name.
    [InlineData("grandpa Begay wants his daughter on the visitor list", "Begay")]
    [InlineData("auntie mele in the lobby is refusing to leave", "mele")]
    [InlineData("the Nwosu lady asked about her discharge papers", "Nwosu")]
    [InlineData("the Sundqvist gentleman left his hearing aids in radiology", "Sundqvist")]
    [InlineData("the Petrossians want the records sent to Glendale", "Petrossians")]
    // At a text's start, before a patient's things or what a person does.
    [InlineData("Tuilagi heparin drip paused, pharmacy needs the new weight", "Tuilagi")]
    [InlineData("Petrakis drip rate never crossed to the pump", "Petrakis")]
    [InlineData("anwen treharne keeps getting letters meant for someone else", "anwen treharne")]
    [InlineData("waiting on Mairead (pt's daughter) to sign the proxy form", "Mairead")]
    // A titled name in a bed is a patient's, whoever on the roster shares it.
    [InlineData("Mrs. Olson in 512 (not our Greg) asked for a copy of her chart", "Mrs. Olson")]
    [InlineData("Mr. Becker in 7 west is a patient, not Tom", "Mr. Becker")]
    public void A_patient_is_found_by_where_ward_talk_puts_them(string text, string name)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == PhiKind.PatientName && text.Substring(f.Index, f.Length) == name);
    }

    [Theory]
    [InlineData("her dialysis was thurs 10/2, the outside unit wants the run sheet", PhiKind.PersonalDate, "10/2")]
    [InlineData("cath on 11/4 for him and the consent is not scanned", PhiKind.PersonalDate, "11/4")]
    [InlineData("he was last seen 2/11/23 per the outside records", PhiKind.PersonalDate, "2/11/23")]
    [InlineData("pt came in on the 3rd, dc home the 7th, the claim shows 2 days", PhiKind.PersonalDate, "7th")]
    [InlineData("surgery was 03/22/2024 and the implant record is blank", PhiKind.PersonalDate, "03/22/2024")]
    [InlineData("chart 4410298 shows two allergy lists", PhiKind.MedicalRecordNumber, "4410298")]
    [InlineData("unmerge 61003324 from 61003342 please, not the same pt", PhiKind.MedicalRecordNumber, "61003324")]
    [InlineData("pls look at 5509128, his meds show twice on the MAR", PhiKind.MedicalRecordNumber, "5509128")]
    [InlineData("scanned his DL TX 40918273 into the wrong encounter", PhiKind.CertificateOrLicenseNumber, "40918273")]
    [InlineData("TWIC card 5521-0087-3310 was used as his photo id", PhiKind.CertificateOrLicenseNumber, "5521-0087-3310")]
    [InlineData("his military service number 44-219-083 is for the VA", PhiKind.OtherUniqueIdentifier, "44-219-083")]
    [InlineData("his truck with tag KLM 482 is blocking the ambulance bay", PhiKind.VehicleIdentifier, "KLM 482")]
    [InlineData("family moved her to 39501 so the agency changed", PhiKind.ZipCode, "39501")]
    [InlineData("the face sheet says 70809 but she moved", PhiKind.ZipCode, "70809")]
    [InlineData("Ambetter subscriber 55019283 is her husband", PhiKind.HealthPlanNumber, "55019283")]
    public void Dates_records_and_numbers_tied_to_a_patient_are_found(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("Epic in 6 weeks is the target for the ambulatory wave")]
    [InlineData("Rauland in 4 east is down, nurse call on the backup pagers")]
    [InlineData("Masimo in bay 4 shows no waveform on the central station")]
    [InlineData("Accu-Chek in 4 east not syncing, biomed has a ticket")]
    [InlineData("Imprivata in 7.11 broke badge tap on 3 north")]
    [InlineData("rounded on the new units with the super-users")]
    [InlineData("drip rate for the demo pump was wrong in the build")]
    [InlineData("the Parkinson's med timing alert fires too often")]
    [InlineData("rad results release to the portal after 36 hrs per policy")]
    [InlineData("sept readmit rate for medicaid went down")]
    [InlineData("pls check on the label printer in 4 west, thx")]
    [InlineData("check on Haugen about the Rhapsody feed, he said the vendor patched it")]
    [InlineData("Redox's results feed dropped 40 messages overnight")]
    [InlineData("Ms. Garrity in 4 east covers the night huddle")]
    [InlineData("the Medtronic guy is on site for the pump upgrade")]
    [InlineData("asset tag M20418 on the WOW in bay 3 is not in the inventory")]
    [InlineData("cath lab go-live on 11/4, super-users on site from 0600")]
    [InlineData("procedure 4.2 in the downtime runbook covers label printing")]
    [InlineData("chart 2 of the dashboard shows readmits by unit")]
    [InlineData("Scanners drop the Wi-Fi on 4 West after the AP swap")]
    [InlineData("Barcode medication administration")]
    [InlineData("Epic EHR go-live")]
    [InlineData("Scanners fail at the bedside on 4 West")]
    [InlineData("Loaner scanners")]
    public void Look_alikes_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }
}
