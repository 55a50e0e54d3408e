using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>
/// Names alone at a text's start, relatives by surname, patients who are clinicians; record numbers that are merged or linked;
/// dates of stays and visits in more shapes; places a patient comes from; and the look-alikes that stay clean: units, partners
/// and departments named after people or patients, versions, vendor sites, default dates, parts played, work sent to colleagues.
/// </summary>
public class PhiGuardWardAndRecordTests
{
    private static readonly PhiContext Team =
        new(staffNames: ["Priya Shah", "Kofi Boateng", "Niamh Kelly"], staffDomains: ["hospital.example"]);

    [Theory]
    // A lone given name at the start, before a patient's own things or where a patient lies.
    [InlineData("Seo-yeon's labs went to the wrong inbox", PhiKind.PatientName, "Seo-yeon")]
    [InlineData("abena in 31 asked again about her son's visit", PhiKind.PatientName, "abena")]
    [InlineData("Caoimhe on 4N refused the bed alarm", PhiKind.PatientName, "Caoimhe")]
    [InlineData("Jae-won in nicu had his armband reprinted", PhiKind.PatientName, "Jae-won")]
    // Lower-case names before what befalls a patient, a language, a patient's things; a surname that is also a word.
    [InlineData("akua mensah slipped in the shower on 5W", PhiKind.PatientName, "akua mensah")]
    [InlineData("Shabnam Popal on 2S needs dari, the iPad line keeps dropping", PhiKind.PatientName, "Shabnam Popal")]
    [InlineData("chen fang's daughter wants her dad's results", PhiKind.PatientName, "chen fang")]
    [InlineData("ama serwaa owusu wants her records sent to the clinic", PhiKind.PatientName, "ama serwaa owusu")]
    [InlineData("Kia Mai Xiong missed dialysis again", PhiKind.PatientName, "Kia Mai Xiong")]
    // A relative by the family's surname; a patient who is a clinician.
    [InlineData("the Wisniewski granddaughter keeps calling the unit", PhiKind.PatientName, "Wisniewski")]
    [InlineData("pt is a retired pharmacist, Dr. Ngozi Eze, who wants her own MAR", PhiKind.PatientName, "Dr. Ngozi Eze")]
    // Record numbers merged, linked or behind an enterprise cue.
    [InlineData("unmerge 5520193 with 5520139 before the feed runs, same pt", PhiKind.MedicalRecordNumber, "5520193")]
    [InlineData("the MPI linked 66031942 to another person", PhiKind.MedicalRecordNumber, "66031942")]
    [InlineData("CMRN 3380017722 not on the face sheet", PhiKind.MedicalRecordNumber, "3380017722")]
    [InlineData("legacy mrn Q-902211 is missing", PhiKind.MedicalRecordNumber, "Q-902211")]
    // Dates of a stay, a visit, a procedure moved; ward shorthand with a verb.
    [InlineData("pt's knee replacement got moved to Feb 9", PhiKind.PersonalDate, "Feb 9")]
    [InlineData("pt treated in clinic 04/11/25, note missing", PhiKind.PersonalDate, "04/11/25")]
    [InlineData("her admission on the 3rd of march 2022 is missing", PhiKind.PersonalDate, "3rd of march 2022")]
    [InlineData("dc date says 2024.02.17 in the portal", PhiKind.PersonalDate, "2024.02.17")]
    // Ages in brackets, places, benefit numbers, biometrics, faces, notable people, examiner and service numbers.
    [InlineData("centenarian patient (104) fails the age check", PhiKind.AgeOver89, "104")]
    [InlineData("home health should deliver to 12 Willow Creek Dr for him", PhiKind.StreetAddress, "12 Willow Creek Dr")]
    [InlineData("the patient is from Fort Defiance and has no phone", PhiKind.StreetAddress, "Fort Defiance")]
    [InlineData("her trailer is off FM 1960 past the church", PhiKind.StreetAddress, "FM 1960")]
    [InlineData("sponsor's DBN 20938475610 for the pt", PhiKind.HealthPlanNumber, "20938475610")]
    [InlineData("his iris pattern failed at the kiosk", PhiKind.BiometricIdentifier, "iris pattern")]
    [InlineData("the rash photo shows the pt's entire face", PhiKind.Photograph, "the pt's entire face")]
    [InlineData("pt is the channel 12 weather girl, restrict her chart", PhiKind.OtherUniqueIdentifier, "channel 12 weather girl")]
    [InlineData("the man in bed 9 on CVICU is the police chief", PhiKind.OtherUniqueIdentifier, "police chief")]
    [InlineData("ME case # ME-23-44120 came with the body", PhiKind.OtherUniqueIdentifier, "ME-23-44120")]
    [InlineData("his navy service number 1-4471920 is on the old form", PhiKind.OtherUniqueIdentifier, "1-4471920")]
    public void Identifiers_of_these_kinds_are_found_where_they_are(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text, Team);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("the Walter Reed behavioral health unit is on the wave 2 list")]
    [InlineData("Clara Barton PICU: pumps need the new library")]
    [InlineData("Jonas Salk UCSF team presented their downtime lessons")]
    [InlineData("cloverleaf version 6.2.0.4 in TST and 6.1.3.2 in PRD")]
    [InlineData("the channel for staff training is youtube.com/@RiverbendHealthIT")]
    [InlineData("release notes live at https://userweb.epic.com in the 2025 folder")]
    [InlineData("Patient Access staff training is in room 310")]
    [InlineData("the pt in 5E asked about the cafeteria hours")]
    [InlineData("pt in 12 needs the somali template, ticket REQ0044120, no other identifiers")]
    [InlineData("the ADT default DOB is 01/01/1900 for unknown registrations")]
    [InlineData("the 'mrs. jones' in the sim lab script is played by an actor")]
    [InlineData("send the agenda to Vusi Dlamini and Katarzyna Nowak by Monday")]
    [InlineData("Kofi's chart review of the order sets is done")]
    [InlineData("Niamh on 4N is the super user for nights")]
    [InlineData("the new wing is on County Road 9, parking opens in May")]
    [InlineData("the vendor is from Salt Lake City and flies in Monday")]
    public void Look_alikes_stay_clean(string text)
    {
        Assert.Empty(PhiGuard.Scan(text, Team));
    }
}
