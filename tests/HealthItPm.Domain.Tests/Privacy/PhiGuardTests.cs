using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Tests.Privacy;

/// <summary>A corpus of realistic check-in answers, with and without PHI.</summary>
public class PhiGuardTests
{
    public static TheoryData<string, PhiKind> WithPhi => new()
    {
        { "Order set broke for MRN 00482913 this morning, had to paper-chart", PhiKind.MedicalRecordNumber },
        { "med rec number: A1234567 duplicated after the merge", PhiKind.MedicalRecordNumber },
        { "Chart # 7734120 shows the old allergy list", PhiKind.MedicalRecordNumber },
        { "MR# 5512345 wristband label prints blank", PhiKind.MedicalRecordNumber },
        { "Registration typed 123-45-6789 into the wrong field", PhiKind.SocialSecurityNumber },
        { "SSN 123456789 visible on the face sheet", PhiKind.SocialSecurityNumber },
        { "DOB 04/12/1948 defaulted to 1900 in the new system", PhiKind.DateOfBirth },
        { "pt born on March 3, 1961 got the pediatric dosing screen", PhiKind.DateOfBirth },
        { "date of birth: 1955-07-30 missing on the transfer", PhiKind.DateOfBirth },
        { "family called (312) 555-0187 asking about portal access", PhiKind.PhoneNumber },
        { "callback number +1 414-555-0199 for the daughter", PhiKind.PhoneNumber },
        { "patient emailed jane.doe1962@gmail.com about results", PhiKind.EmailAddress },
        { "patient John Smith could not see his results", PhiKind.PatientName },
        { "pt. Alvarez waited 40 min for meds verification", PhiKind.PatientName },
        { "Mrs. Okafor in bed 4 had the wrong diet order", PhiKind.PatientName },
        { "Mr Nguyen's discharge summary didn't cross to the PCP", PhiKind.PatientName },
        { "the patient in bed 12 got a duplicate heparin alert", PhiKind.BedOrRoom },
        { "pt in room 3B was double-booked for CT", PhiKind.BedOrRoom },
        // The phrasings the guard used to miss.
        { "MRN is 00482913 and the label printed twice", PhiKind.MedicalRecordNumber },
        { "MRN=00482913 in the interface log", PhiKind.MedicalRecordNumber },
        { "mrn: 0048-2913 merged into the wrong chart", PhiKind.MedicalRecordNumber },
        { "record number 00482913 shows two encounters", PhiKind.MedicalRecordNumber },
        { "SSN 123.45.6789 was on the face sheet", PhiKind.SocialSecurityNumber },
        { "S.S.N. 123456789 copied into the comment field", PhiKind.SocialSecurityNumber },
        { "Registration typed 123-45\u200B-6789 into the wrong field", PhiKind.SocialSecurityNumber },
        { "Registration typed \uFF11\uFF12\uFF13-45-6789 into the wrong field", PhiKind.SocialSecurityNumber },
        { "Patient: john smith, label reprinted", PhiKind.PatientName },
        { "patient called Teresa Hunt about her portal login", PhiKind.PatientName },
        { "Why did Margaret Olsen's CT go to the wrong queue?", PhiKind.PatientName },
        { "Margaret A. Olsen has two charts since the merge", PhiKind.PatientName },
        { "Olsen, Margaret shows twice on the census board", PhiKind.PatientName },
        { "Mrs Okafor's wristband printed with the wrong name", PhiKind.PatientName },
        { "account no. 55-2210931 dropped off the work queue", PhiKind.AccountNumber },
        { "encounter #E7719920 has no attending", PhiKind.AccountNumber },
        { "FIN 88412093 did not cross to billing", PhiKind.AccountNumber },
        { "visit number V00923311 duplicated in ADT", PhiKind.AccountNumber },
        { "member ID W123456789 rejected by eligibility", PhiKind.HealthPlanNumber },
        { "Medicare number 1EG4-TE5-MK73 failed the check", PhiKind.HealthPlanNumber },
        { "lives at 42 Harbor Rd and never got the letter", PhiKind.StreetAddress },
        { "mailing went to 1187 W Addison St by mistake", PhiKind.StreetAddress },
        { "zip code 60614 defaulted wrong in registration", PhiKind.ZipCode },
        { "address reads Springfield, IL 62704 on the banner", PhiKind.ZipCode },
        { "admitted on 11/02/2025 but shows as outpatient", PhiKind.PersonalDate },
        { "discharged March 3 and the summary never went out", PhiKind.PersonalDate },
        { "date of death 2025-10-14 missing from the registry feed", PhiKind.PersonalDate },
        { "a 94-year-old got the pediatric dosing screen", PhiKind.AgeOver89 },
        { "aged 97, allergy list empty after conversion", PhiKind.AgeOver89 },
        { "faxed to fax 312-555-0144 instead of the clinic", PhiKind.FaxNumber },
        { "driver's license D1234-5678-9012 scanned into media", PhiKind.CertificateOrLicenseNumber },
        { "death certificate number 2025-004411 attached to the wrong chart", PhiKind.CertificateOrLicenseNumber },
        { "pacemaker serial PJN882113 in the implant log", PhiKind.DeviceIdentifier },
        { "her insulin pump S/N 77120045 did not pair", PhiKind.DeviceIdentifier },
        { "results link https://portal.example.org/results?id=88123 sent to the family", PhiKind.WebAddress },
        { "logins from 84.112.39.20 on the portal account", PhiKind.IpAddress },
        { "patient Will Brown got the reminder twice", PhiKind.PatientName },
        { "Mrs. Grant asked why her portal shows another visit", PhiKind.PatientName },
        { "Baby Girl Nguyen is still under her mother's encounter", PhiKind.PatientName },
        { "Dennis O'Connor was scheduled in the old template", PhiKind.PatientName },
        { "UDI (01)00884838053142(17)271231 on the wrong patient", PhiKind.DeviceIdentifier },
        // Names typed in lower case after a cue or a title.
        { "pt maria gonzalez can't log in", PhiKind.PatientName },
        { "mrs. chen says the app shows her husband's meds", PhiKind.PatientName },
        { "mr whitefeather waited 5 hrs in the lobby", PhiKind.PatientName },
        { "pt sione tupou needs an interpreter for the consent", PhiKind.PatientName },
        { "pt keeps saying her name is Odalys, not Odalis", PhiKind.PatientName },
        { "Baby Girl A Okoye has the same wristband as her twin", PhiKind.PatientName },
        // Names of many origins with no cue: both parts from the lists, or a surname by its ending.
        { "pharmacy verified Ravi Chandrasekhar's drip", PhiKind.PatientName },
        { "Rashid Mahmoud missed dialysis because the transport order fell off", PhiKind.PatientName },
        { "Svetlana Kovalenko was registered twice", PhiKind.PatientName },
        { "the kiosk wouldn't check in Siddharth Ramanathan this morning", PhiKind.PatientName },
        { "Nguyễn Thị Lan has two charts since the merge", PhiKind.PatientName },
        // Names no list holds, near a patient's things.
        { "can someone check why Tesfaye Gebremariam's labs didn't result", PhiKind.PatientName },
        { "the bed board shows Ciaran O'Flaherty in two rooms", PhiKind.PatientName },
        // Dates tied to a patient by other cues and formats.
        { "DOB on the armband shows 1941-03-02", PhiKind.DateOfBirth },
        { "her bday 08/11/1937 shows as 1973", PhiKind.DateOfBirth },
        { "pt dc'd 11/3 but the bed board still shows him", PhiKind.PersonalDate },
        { "readmit 11/09, same pt, charts not linked", PhiKind.PersonalDate },
        { "d/c 12/4 and the follow-up was never booked", PhiKind.PersonalDate },
        { "she passed 11/20 but the reminders keep going out", PhiKind.PersonalDate },
        // Phone numbers without separators and international ones.
        { "her cell is 3125550187 and the texts fail", PhiKind.PhoneNumber },
        { "pt's daughter in london, +44 20 7946 0958, wants an update", PhiKind.PhoneNumber },
        // A person's address even where infrastructure is mentioned; public IPv6.
        { "home ip 98.45.201.17 in the vpn logs is the patient", PhiKind.IpAddress },
        { "patient logged in from 2601:5c1:8200:5e0:a4d1:3f2e:91c:7b10", PhiKind.IpAddress },
        // Vehicles, photographs, biometrics, ZIP codes and other identifiers.
        { "security wrote his plate, ABC 1234, in the incident note", PhiKind.VehicleIdentifier },
        { "VIN 2FMDK3GC4BBA12345 is in the social work note", PhiKind.VehicleIdentifier },
        { "1HGCM82633A004352 was pasted in the valet note", PhiKind.VehicleIdentifier },
        { "the photo of her rash from the portal got attached to the wrong chart", PhiKind.Photograph },
        { "someone pasted the patient's face photo into the ticket", PhiKind.Photograph },
        { "the voiceprint of mr. diallo from the IVR was saved to the team drive", PhiKind.BiometricIdentifier },
        { "pt's palm scan at check-in matched another patient", PhiKind.BiometricIdentifier },
        { "lives in 60614 and the clinic list shows florida", PhiKind.ZipCode },
        { "pt in 60614 can't pick a pharmacy", PhiKind.ZipCode },
        { "wristband barcode 4410027781 scanned on the wrong pt", PhiKind.OtherUniqueIdentifier },
        { "trial subject id ONC-2231-0044 is in the ticket", PhiKind.OtherUniqueIdentifier },
        { "the patient in 612 bed A got the wrong tray", PhiKind.BedOrRoom },
        // Names of more origins, lower-case pairs, "patient" mistyped, a given name that is also a word.
        { "the ED board shows Tenzin Dorji in bay 6 and bay 9", PhiKind.PatientName },
        { "marisol quispe no show x2, the reminder calls went to the old number", PhiKind.PatientName },
        { "paitent olumide bakare keeps getting logged out of the app", PhiKind.PatientName },
        { "Could someone look at Precious Dlamini's insurance? eligibility keeps failing", PhiKind.PatientName },
        // Dates in more formats and after a stay's events.
        { "DOB 12-Jan-1950 shows as 1905 after the conversion", PhiKind.DateOfBirth },
        { "b. 07/19/1938, the age calc is off by one", PhiKind.DateOfBirth },
        { "DOB: 1939 Nov 5 didn't validate in the new field", PhiKind.DateOfBirth },
        { "transferred to rehab 6/2, her records didn't follow", PhiKind.PersonalDate },
        { "pt came in on 10/14 and left AMA the next day", PhiKind.PersonalDate },
        { "date of service 11/14/2025 for her MRI was changed", PhiKind.PersonalDate },
        { "pt is 101 and the system won't accept the birth year", PhiKind.AgeOver89 },
        // Numbers and addresses.
        { "son's phone (773)5550122 is the only contact", PhiKind.PhoneNumber },
        { "daughter can be reached on 0044 7700 900123", PhiKind.PhoneNumber },
        { "his mobile is 07700 900 456, he's visiting from the UK", PhiKind.PhoneNumber },
        { "his address is 2210 north Halsted", PhiKind.StreetAddress },
        { "medicare beneficiary 1EG4TE5MK73 didn't match", PhiKind.HealthPlanNumber },
        { "her facebook page facebook.com/maria.gonzalez.5011 has photos of the discharge", PhiKind.WebAddress },
        // Other identifiers and characteristics.
        { "MyChart activation code 7HG2-KP9Q-TT3M for the patient was in the email", PhiKind.OtherUniqueIdentifier },
        { "accession number S25-004411 was on the patient's label", PhiKind.OtherUniqueIdentifier },
        { "rx number 6612093 for her refill went to the old pharmacy", PhiKind.OtherUniqueIdentifier },
        { "blood bank band number BB44120 didn't scan", PhiKind.OtherUniqueIdentifier },
        { "patient's portal username jsmith1962 was shared in the chat", PhiKind.OtherUniqueIdentifier },
        { "portal username tgarcia77 belongs to a patient and was in the screenshot", PhiKind.OtherUniqueIdentifier },
        { "the pt with the snake tattoo on his neck keeps eloping", PhiKind.OtherUniqueIdentifier },
    };

    public static TheoryData<string> WithoutPhi => new()
    {
        "On track, super-users have been great on 4 West",
        "Barcode scanners in the ED drop Wi-Fi every few hours, ticket INC0048213",
        "Go-live moved to 03/15/2026, training schedule needs updating",
        "Need more practice time on the new order sets before go-live",
        "Patient Portal enrollment flow is confusing for older adults",
        "Patient safety huddle asked about downtime procedures",
        "patient flow board is slow to refresh",
        "Training is in room 12 on Tuesday, we need more laptops",
        "Vendor call moved to 2:30, extension 4411",
        "Interface engine queue backed up to 15000 messages overnight",
        "CPOE order sets for sepsis still missing the lactate reflex",
        "PACS hanging protocols reset after the upgrade",
        "",
        "   ",
        "Blocked: can't print labels from the new workstation",
        "The PT department needs tablets for bedside documentation",
        "Impact is about 3/5, mostly extra clicks in med rec",
        // The false alarms that cost clinicians time.
        "Ms. Brandt from the interface vendor confirmed the fix",
        "Dr. Patel signed off on the order set build",
        "analyst Priya Shah rebuilt the sepsis alert",
        "Priya Shah, our Epic analyst, owns the fix",
        "Patient Portal go-live is on Monday in 4 West",
        "Epic and Cerner both need the Go Live date by April",
        "Interface engine at 10.20.4.15 restarted overnight",
        "Scanner serial 5CD1234XYZ replaced on the unit",
        "Charge it to GL account 612004 like last quarter",
        "Nurse manager Rachel Adams says 6 East is ready",
        "Nurse Ruiz will cover the night huddle",
        "Rachel Adams, RN, covers nights on go-live week",
        "Director of nursing Paula Jensen wants a walk-through",
        "Send the cutover plan to Kyle Morgan (PMO)",
        "Go Live on Monday, April 6 for 4 West and Jordan Valley clinic",
        "Will Brown's team sign off on the network cutover?",
        "VPN tunnel to the vendor at 52.14.77.210 is down again",
        // Places named after people, department lines, role mailboxes at any domain.
        "the steering committee moved to the Clara Barton conference room",
        "go-live for the Martin Luther King Jr. center is phase 3",
        "call the toll-free help line 1-800-555-0199, option 3, for pharmacy build questions",
        "the service desk is 414-555-0100 ext 4 for Epic issues",
        "the nurse advice line is 608-555-0100",
        "the vendor's UK support is +44 161 555 0100",
        "the vendor says to email ts-support@cernerlike.com with the logs",
        "send the interface specs to implementation@vendor-example.com",
        "interfaces@rhapsodyvendor.io wants the new port number",
        "the epic-support@customerlink.example box is the right one",
        // Staff of many origins with a role, words after "pt" that are not names, dates that are not a stay.
        "Rajesh Iyer (Epic TS) says the patch is in",
        "our Epic TS Jae-won Choi is on vacation next week",
        "Ewa Mazur (Imprivata) fixed the tap-and-go issue",
        "pt education handouts need translating into somali",
        "dc readiness huddle moved to 3/14",
        "the DC cutover for the data center is on 3/14",
        "the SSL cert expired 11/30 on the interface engine",
        // Ten digits that are orders, not phones; devices that read biometrics; photos of things.
        "PO 4500012345 for the badge readers was received",
        "order 2025110745 shipped from CDW",
        "fingerprint readers for the Omnicell cabinets arrive 1/20",
        "take a photo of the label printer settings and send it to the vendor",
        "clinics in 60614 and 60657 go live in wave 2",
        "IPv6 on the guest wifi uses 2001:db8::/32 in the test lab",
        "staff parking plates must be registered with security by Friday",
        // Colleagues named with their product, team or project work; places, institutions and brands named after people.
        "Anjali Deshpande (Epic Willow) is out Thursday",
        "Mr. Alvarez from facilities will move the carts",
        "ask Amara Diallo in HIM about the scanning backlog",
        "Adebayo Ogunleye will lead the downtime drill",
        "shout out to Tenzin Dorji on nights for covering",
        "Sergio Mendoza's dashboard shows the wait times",
        "Ngozi, Tesfaye and Wanjiru will cover the command center overnight",
        "Sarah Cannon oncology network wants the interface spec",
        "Mr. Clean wipes are back in stock on 6 East",
        // Sites of the organisation, lines for patients, dates and numbers that are not a person's.
        "our office is at 1402 Maple Grove Dr, suite 300",
        "the clinic at 77 Elm St opens in June",
        "patients call the scheduling line at 414-555-0166 and wait 20 min",
        "she presented the readiness scores at the 2/20 steering committee",
        "he transferred to the ambulatory team on 1/6",
        "born-in-the-cloud vendors want SSO by 6/30",
        "she's 95 percent sure the build is done",
        "tattoo policy for staff was updated by HR",
        "MyChart activation code letters are printing in the wrong language",
    };

    [Theory]
    [MemberData(nameof(WithPhi))]
    public void Sentences_with_phi_are_caught(string text, PhiKind kind)
    {
        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == kind);
    }

    [Theory]
    [MemberData(nameof(WithoutPhi))]
    public void Ordinary_project_talk_is_left_alone(string text) =>
        Assert.Empty(PhiGuard.Scan(text));

    [Theory]
    [InlineData("Siobhán Ó Briain's discharge meds printed twice", PhiKind.PatientName, "Siobhán Ó Briain")]
    [InlineData("Tomás de la Fuente's drip order was cancelled", PhiKind.PatientName, "Tomás de la Fuente")]
    [InlineData("jose dela paz's kids keep calling the unit", PhiKind.PatientName, "jose dela paz")]
    [InlineData("ngozi adeyemi-okafor insulin order dropped", PhiKind.PatientName, "ngozi adeyemi-okafor")]
    [InlineData("efua boateng (NICU mom) asked for the packet", PhiKind.PatientName, "efua boateng")]
    [InlineData("lena standing-elk's glucometer shows mmol", PhiKind.PatientName, "lena standing-elk")]
    [InlineData("Tadhg Breathnach readmit, no sepsis alert", PhiKind.PatientName, "Tadhg Breathnach")]
    [InlineData("the Okonjo family wants a call back", PhiKind.PatientName, "Okonjo")]
    [InlineData("armband says 03/14/41 but registration has 1942", PhiKind.DateOfBirth, "03/14/41")]
    [InlineData("d.o.b. 19510312 in the feed", PhiKind.DateOfBirth, "19510312")]
    [InlineData("dc date 2024.01.09 didn't flow", PhiKind.PersonalDate, "2024.01.09")]
    [InlineData("the pt fell on the 14th of august 2023", PhiKind.PersonalDate, "14th of august 2023")]
    [InlineData("pt had a lap chole on 12 May 2024", PhiKind.PersonalDate, "12 May 2024")]
    [InlineData("her visits were jan 5th and again feb 2nd", PhiKind.PersonalDate, "jan 5th")]
    [InlineData("pt is ninety-three and lives alone", PhiKind.AgeOver89, "ninety-three")]
    [InlineData("a ninety-four-year-old man fell", PhiKind.AgeOver89, "ninety-four")]
    [InlineData("pt's social is 401227781 in the free text", PhiKind.SocialSecurityNumber, "401227781")]
    [InlineData("her aetna ID W123456789 is on the old card", PhiKind.HealthPlanNumber, "W123456789")]
    [InlineData("CA DL B7729104 scanned into the ID field", PhiKind.CertificateOrLicenseNumber, "B7729104")]
    [InlineData("NY license 492 188 305 in the comment", PhiKind.CertificateOrLicenseNumber, "492 188 305")]
    [InlineData("state ID number 93-118-4472 in the note", PhiKind.CertificateOrLicenseNumber, "93-118-4472")]
    [InlineData("her car has GA tag ABC-1234", PhiKind.VehicleIdentifier, "ABC-1234")]
    [InlineData("her dexcom transmitter id 8G3K2L won't pair", PhiKind.DeviceIdentifier, "8G3K2L")]
    [InlineData("her son can be reached on 07911 123456", PhiKind.PhoneNumber, "07911 123456")]
    [InlineData("wound pic with the pt's face visible", PhiKind.Photograph, "the pt's face")]
    [InlineData("the pt's face template is on the kiosk", PhiKind.BiometricIdentifier, "face template")]
    [InlineData("the pt is the mayor, restrict the chart", PhiKind.OtherUniqueIdentifier, "mayor")]
    [InlineData("the local news anchor was admitted last night", PhiKind.OtherUniqueIdentifier, "news anchor")]
    [InlineData("the only quadruplets born here are in the NICU", PhiKind.OtherUniqueIdentifier, "the only quadruplets born")]
    public void Kinds_missed_on_text_nobody_here_wrote_are_caught_where_they_are(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("Cerner after-hours line 1-608-555-0100 for the outage")]
    [InlineData("send the forms to the central pharmacy fax (617) 555-0100")]
    [InlineData("admitted the defect into the backlog on 2/11")]
    [InlineData("the Clara Barton women's center gets new scanners")]
    [InlineData("Moira Kelleher lounge Wi-Fi is down again")]
    [InlineData("Saint Brigid's lab printers were swapped")]
    [InlineData("the Okafor family lounge needs a TV mount")]
    [InlineData("the portal shows pt photos on the banner")]
    [InlineData("https://status.vendor.example shows the outage resolved")]
    [InlineData("monitors updated to firmware B.02.14 overnight")]
    [InlineData("aetna payer id 60054 for the 837 feed")]
    [InlineData("ninety-three tickets closed this week")]
    [InlineData("the face sheet printed with the old logo")]
    [InlineData("the mayor visited the new tower for the ribbon cutting")]
    [InlineData("the Mac Mini in the command center needs a reboot")]
    public void Their_clean_look_alikes_stay_clean(string text) =>
        Assert.Empty(PhiGuard.Scan(text));

    [Theory]
    [InlineData("Kwabena Asante is on the downtime census", PhiKind.PatientName, "Kwabena Asante")]
    [InlineData("Sveinn Thorvaldsson declined the booster", PhiKind.PatientName, "Sveinn Thorvaldsson")]
    [InlineData("shirin mohammadi refused the blood draw", PhiKind.PatientName, "shirin mohammadi")]
    [InlineData("pa nhia vang refused the flu shot", PhiKind.PatientName, "pa nhia vang")]
    [InlineData("her son Abdirahman keeps calling the unit", PhiKind.PatientName, "Abdirahman")]
    [InlineData("Tesfaye's brother Dawit asked for a badge", PhiKind.PatientName, "Dawit")]
    [InlineData("the Haile kids (Selam and Yonas) were roomed", PhiKind.PatientName, "Haile")]
    [InlineData("Okwuosa family asked for a copy", PhiKind.PatientName, "Okwuosa")]
    [InlineData("90-y-o on 5 west with the wrong diet", PhiKind.AgeOver89, "90-y-o")]
    [InlineData("she is turning 103 on Saturday", PhiKind.AgeOver89, "103")]
    [InlineData("our oldest pt this week is 106", PhiKind.AgeOver89, "106")]
    [InlineData("SB00938127 shows two open encounters", PhiKind.MedicalRecordNumber, "SB00938127")]
    [InlineData("old MEDITECH number M000284416 did not convert", PhiKind.MedicalRecordNumber, "M000284416")]
    [InlineData("ICD serial number RBX 301442 for the pt", PhiKind.DeviceIdentifier, "RBX 301442")]
    [InlineData("CDL # 0834421977 scanned in", PhiKind.CertificateOrLicenseNumber, "0834421977")]
    [InlineData("pt is a nurse, RN 2214981 on the form", PhiKind.CertificateOrLicenseNumber, "2214981")]
    [InlineData("DL S530-7784-2210-04 on the face sheet", PhiKind.CertificateOrLicenseNumber, "S530-7784-2210-04")]
    [InlineData("Texas DL 28471960 in the notes", PhiKind.CertificateOrLicenseNumber, "28471960")]
    [InlineData("concealed carry permit # CCW-44820 in his wallet", PhiKind.CertificateOrLicenseNumber, "CCW-44820")]
    [InlineData("Route 4 Box 118, Chinle is all we have", PhiKind.StreetAddress, "Route 4 Box 118")]
    [InlineData("she moved to 77 Harbor View Terrace #4", PhiKind.StreetAddress, "77 Harbor View Terrace #4")]
    [InlineData("her email is dmartinez1958@gmail,com", PhiKind.EmailAddress, "dmartinez1958@gmail,com")]
    [InlineData("policy W284019377, group 0081234 for the pt", PhiKind.HealthPlanNumber, "W284019377")]
    [InlineData("medi-cal CIN 91827364A on the face sheet", PhiKind.HealthPlanNumber, "91827364A")]
    [InlineData("the pt is the city's fire chief", PhiKind.OtherUniqueIdentifier, "city's fire chief")]
    [InlineData("the weekend anchor on channel 5 was admitted", PhiKind.OtherUniqueIdentifier, "anchor on channel 5")]
    [InlineData("the hot dog eating champ is in bed 12", PhiKind.OtherUniqueIdentifier, "eating champ")]
    [InlineData("the only 7 ft tall guy in town is on 4 east", PhiKind.OtherUniqueIdentifier, "the only 7 ft tall guy in town")]
    [InlineData("one of the quintuplets born here is back", PhiKind.OtherUniqueIdentifier, "one of the quintuplets born")]
    [InlineData("ME case number 2024-01187 on the note", PhiKind.OtherUniqueIdentifier, "2024-01187")]
    [InlineData("his army service number RA 18 442 017", PhiKind.OtherUniqueIdentifier, "RA 18 442 017")]
    [InlineData("pt is one of our employees, badge number 448812", PhiKind.OtherUniqueIdentifier, "448812")]
    public void Kinds_missed_on_a_third_unseen_set_are_caught_where_they_are(string text, PhiKind kind, string part)
    {
        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == kind && text.Substring(f.Index, f.Length) == part);
    }

    [Theory]
    [InlineData("the Florence Nightingale classroom has no projector")]
    [InlineData("meet at the Rosa Parks entrance at 7")]
    [InlineData("shuttle stops at the Martin Luther King Jr. entrance")]
    [InlineData("naming convention is Baby Girl Lastname until named")]
    [InlineData("newborns are Baby Girl or Baby Boy plus the mom's last name")]
    [InlineData("the staff channel youtube.com/@NorthwindHealth has the video")]
    [InlineData("pt in room 22 had a scanner issue, reporting without identifiers")]
    [InlineData("bed 14 pump alarm for the pt, no name needed")]
    [InlineData("INC0012345 and RITM0044556 are still open")]
    [InlineData("asset tag HSP00123456 on the cart laptop")]
    [InlineData("AD group 0081234 grants the Haiku role")]
    [InlineData("the clinic moved to 12 Elm Street in March")]
    [InlineData("the Dell serial number JX 44120 laptop needs a dock")]
    [InlineData("the only Epic-certified analyst in town is on our team")]
    [InlineData("ticket count is turning 100 this week")]
    [InlineData("our physician champion signed off")]
    [InlineData("the Kahale family gift paid for the new garden")]
    [InlineData("badge readers on 4 east need firmware 204471")]
    public void The_third_sets_clean_look_alikes_stay_clean(string text) =>
        Assert.Empty(PhiGuard.Scan(text));

    [Fact]
    public void A_colleague_called_by_the_first_two_of_three_names_is_staff()
    {
        var context = new PhiContext(staffNames: ["Ana Lucia Sobral"]);

        Assert.Empty(PhiGuard.Scan("Ana Lucia will send the cutover checklist tonight", context));
        Assert.Contains(PhiGuard.Scan("Ana Lucia will send the cutover checklist tonight"), f => f.Kind == PhiKind.PatientName);
        Assert.Contains(PhiGuard.Scan("Ana Gomes's chart is locked", context), f => f.Kind == PhiKind.PatientName);
    }

    [Fact]
    public void A_patients_record_link_is_phi_even_at_a_staff_domain()
    {
        var context = new PhiContext(staffDomains: ["hospital.example"]);

        Assert.Contains(
            PhiGuard.Scan("https://portal.hospital.example/patient/4471902 is the link she pasted", context),
            f => f.Kind == PhiKind.WebAddress);
        Assert.Empty(PhiGuard.Scan("Docs are at https://wiki.hospital.example/golive/2025", context));
    }

    [Fact]
    public void Findings_say_where_and_what_and_can_be_pointed_out_masked()
    {
        const string text = "Call Mrs. Okafor at 312-555-0187";

        var findings = PhiGuard.Scan(text);

        Assert.Equal([PhiKind.PatientName, PhiKind.PhoneNumber], findings.Select(f => f.Kind));
        Assert.Equal("Mrs. Okafor", text.Substring(findings[0].Index, findings[0].Length));
        Assert.Equal("Mr•••••••or", PhiGuard.Masked(text, findings[0]));
        Assert.Equal(
            [new PhiPointedOut(PhiKind.PatientName, "Mr•••••••or"), new PhiPointedOut(PhiKind.PhoneNumber, "31••••••••87")],
            PhiGuard.PointOut(text, findings));
    }

    [Fact]
    public void Staff_domains_and_shared_mailboxes_are_not_phi()
    {
        var context = new PhiContext(staffDomains: ["hospital.example"]);

        Assert.Empty(PhiGuard.Scan("Send it to servicedesk@hospital.example please", context));
        Assert.Empty(PhiGuard.Scan("Ask dana.ruiz@nursing.hospital.example for the roster", context));
        Assert.Empty(PhiGuard.Scan("Docs are at https://wiki.hospital.example/golive", context));
        Assert.Contains(PhiGuard.Scan("patient wrote from jane.doe1962@gmail.com", context), f => f.Kind == PhiKind.EmailAddress);
        // Without the staff domains, the address is a person's when the text is about one.
        Assert.Contains(PhiGuard.Scan("Ask dana.ruiz@nursing.hospital.example for her chart copy"), f => f.Kind == PhiKind.EmailAddress);
    }

    [Fact]
    public void Staff_on_the_roster_are_not_patients_but_the_same_words_without_a_roster_are()
    {
        var context = new PhiContext(staffNames: ["Priya Shah", "Ruiz, Dana", "Dr. Tom K. Becker, MD"]);

        Assert.Empty(PhiGuard.Scan("Priya Shah and Dana Ruiz will cover the command center", context));
        Assert.Empty(PhiGuard.Scan("Tom Becker is out until Friday", context));
        Assert.Empty(PhiGuard.Scan("Ms. Shah moved the training", context));
        Assert.Contains(PhiGuard.Scan("Tom Becker is out until Friday"), f => f.Kind == PhiKind.PatientName);
        Assert.Contains(PhiGuard.Scan("Margaret Olsen's CT went to the wrong queue", context), f => f.Kind == PhiKind.PatientName);
    }

    [Fact]
    public void Role_mailboxes_are_not_a_person_at_any_domain_but_a_persons_address_there_is()
    {
        Assert.Empty(PhiGuard.Scan("the vendor says to email ts-support@cernerlike.com"));
        Assert.Empty(PhiGuard.Scan("noreply@mychart.example sent 400 duplicates"));
        Assert.Contains(PhiGuard.Scan("the proxy writes from jane.support@gmail.com"), f => f.Kind == PhiKind.EmailAddress);
        Assert.Contains(PhiGuard.Scan("proxy wants updates at abdi.warsame88@gmail.com"), f => f.Kind == PhiKind.EmailAddress);
    }

    [Fact]
    public void A_department_line_is_not_a_person_but_a_number_said_to_be_someones_is()
    {
        Assert.Empty(PhiGuard.Scan("the help desk is 312-555-0100, option 2"));
        Assert.Contains(PhiGuard.Scan("her cell is 312-555-0187, she called the help desk"), f => f.Kind == PhiKind.PhoneNumber);
        Assert.Empty(PhiGuard.Scan("text the command center line 8665550142 if the pagers fail"));
    }

    [Fact]
    public void Names_of_many_origins_on_the_roster_or_with_a_role_are_staff()
    {
        var context = new PhiContext(staffNames: ["Ravi Chandrasekhar", "Oksana Melnyk"]);

        Assert.Empty(PhiGuard.Scan("Ravi Chandrasekhar asked for the build review on Friday", context));
        Assert.Empty(PhiGuard.Scan("our trainer Oksana Melnyk has two classes left", context));
        Assert.Empty(PhiGuard.Scan("Nkechi Okafor, RN, is the night super-user lead"));
        Assert.Empty(PhiGuard.Scan("Ravi Chandrasekhar called about the portal on Friday", context));
        Assert.Contains(PhiGuard.Scan("Ravi Chandrasekhar called about the portal on Friday"), f => f.Kind == PhiKind.PatientName);
    }

    [Fact]
    public void A_name_is_found_where_it_is_typed_and_masked_whole()
    {
        const string text = "pt maria gonzalez can't log in";

        var finding = Assert.Single(PhiGuard.Scan(text));

        Assert.Equal("maria gonzalez", text.Substring(finding.Index, finding.Length));
    }

    [Fact]
    public void Findings_point_at_the_text_as_typed_even_through_invisible_characters()
    {
        const string text = "SSN 123\u200B-45-\u202E6789 on the face sheet";

        var finding = Assert.Single(PhiGuard.Scan(text));

        Assert.Equal("123\u200B-45-\u202E6789", text.Substring(finding.Index, finding.Length));
        Assert.Equal("SSN \u2022\u2022\u2022 on the face sheet", PhiGuard.Mask(text, [finding]));
    }

    [Fact]
    public void Masking_replaces_every_suspected_part_and_keeps_the_rest()
    {
        const string text = "Patient: john smith, MRN=00482913, call (312) 555-0187";

        Assert.Equal("Patient: \u2022\u2022\u2022, MRN=\u2022\u2022\u2022, call \u2022\u2022\u2022", PhiGuard.Mask(text));
        Assert.Equal("Nothing to hide here", PhiGuard.Mask("Nothing to hide here"));
    }

    [Fact]
    public void A_long_text_is_scanned_quickly_and_without_catastrophic_backtracking()
    {
        var text = string.Concat(Enumerable.Repeat("patient Aaaaaaaa-aaaaaaa ", 400)) + "MRN 1234567";

        var findings = PhiGuard.Scan(text);

        Assert.Contains(findings, f => f.Kind == PhiKind.MedicalRecordNumber);
    }

    [Theory]
    [InlineData("1-2-3.4 5-")]
    [InlineData("MRN is no # ")]
    [InlineData("admitted to the unit and ")]
    [InlineData("Margaret A. Olsen, ")]
    [InlineData("https://a.b/c?d=1-2-3&")]
    [InlineData("9999.")]
    [InlineData("+44 20 7946 ")]
    [InlineData("selfie ")]
    [InlineData("fingerprint of ")]
    [InlineData("dob on the armband shows ")]
    [InlineData("pt in ")]
    [InlineData("Aaaa Bbbb ")]
    [InlineData("2601:5c1:")]
    [InlineData("merge 1234567 into ")]
    [InlineData("pt is from Aaa Bbb ")]
    [InlineData("Pa Aaa Bbb ")]
    [InlineData("the man in bed 1 on ")]
    public void Long_runs_of_near_misses_do_not_time_out(string piece)
    {
        var text = string.Concat(Enumerable.Repeat(piece, 4000 / piece.Length));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        PhiGuard.Scan(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed.TotalMilliseconds} ms");
    }
}
