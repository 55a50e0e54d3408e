using System.Text.RegularExpressions;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// Finds people's names in normalised text: after a patient cue ("Patient: john smith", "patient
/// called Teresa Hunt"), after a title ("Mrs Okafor"), and with no cue at all when a given name
/// from the lexicon is followed by a surname from it ("Margaret Olsen", "Margaret A. Olsen",
/// "Olsen, Margaret"). Staff are not patients: a name on the roster, after a staff title or a
/// role ("Dr. Patel", "analyst Priya Shah") or followed by one ("Priya Shah, our Epic analyst",
/// "Ms. Brandt from the interface vendor") is left alone.
/// </summary>
internal static class NameFinder
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Timeout = PatternLimits.MatchTimeout;

    private static readonly Regex Word = new(@"\p{L}+(['-]\p{L}+)*", Options, Timeout);

    private const string Roles =
        @"(dr|doctor|nurse|rn|lpn|np|pa|md|ts|pharmacist|physician|surgeon|hospitalist|resident|attending|clinician|therapist|manager|mgr|"
            + @"director|analyst|lead|architect|engineer|developer|trainer|educator|super-?user|champion|sponsor|pm|coordinator|"
            + @"specialist|consultant|contractor|rep|representative|vendor|admin|administrator|tech|technician|technologist|"
            + @"informaticist|cmio|cnio|cio|cno|cmo|cfo|ceo|coo|ciso|cto|vp|chief|supervisor|scheduler|builder|tester|owner|officer|"
            + @"liaison|colleague|counterpart|contact|dba|sme|head|executive|president|assistant|registrar|coder|partner|principal|"
            + @"chair|mentor|pmo|hr)s?";

    private const string Organisations =
        @"(vendors?|team|desk|group|office|department|dept|it|is|hr|informatics|pharmacy|lab|consulting|consultants|pmo|him|finance|"
            + @"procurement|security|networking|infrastructure|integration|interfaces?|build|training|education|nursing|helpdesk|"
            + @"servicedesk|epic|cerner|oracle|meditech|microsoft|philips|ge|siemens|imprivata|nuance|sunquest|pyxis|bd|carefusion|"
            + @"zebra|allscripts|vocera|stryker|omnicell|baxter|hyland|citrix|inc|llc|corp|systems|solutions|technologies|software|"
            + @"partners|facilities|biomed|evs|engineering|operations|marketing|communications|legal|compliance|quality|accounting|"
            + @"purchasing|supply\s+chain|revenue\s+cycle|rev\s+cycle|radiology|registration|scheduling|networking|"
            + @"patient\s+experience|clinical\s+(informatics|content|applications|apps|engineering)|case\s+management|"
            + @"materials\s+management|nutrition\s+services)";

    // What follows a staff member's name: a role, a credential, an organisation, their team.
    private static readonly Regex StaffAfter = new(
        @"^('s)?(\s*[,(:]\s*|\s+-\s+|\s+(is|was|as|will\s+be)\s+)((our|the|a|an|my|their|his|her|lead|senior|sr|new|interim|" +
        @"acting)\.?\s+)*([\p{L}-]+\s+){0,3}?" + Roles + @"\b" +
        @"|^\s*\((?![^)]*\b(mom|dad|mother|father|baby|pt|patient|parent|family|wife|husband|son|daughter)\b)([\p{L}-]+\s+){0,2}"
            + @"((?-i:[A-Z]{2,6})|" + Roles + "|" + Organisations + @")(\s+[\p{L}-]+){0,2}\)" +
        @"|^\s*,?\s*(?-i:RN|MD|NP|PA-C|PA|DO|LPN|CNA|PharmD|BSN|MSN|DNP|PhD|MBA|PMP|CPHIMS|CRNA|APRN|RPh|MHA)\b" +
        @"|^\s*,?\s*(from|at|of|with)\s+((the|our|their)\s+)?([\p{L}-]+\s+){0,2}?" + Organisations + @"\b" +
        // A visitor from a vendor: "Sarah Lindqvist is visiting from Epic next week", "… will be onsite from the interface team".
        @"|^\s+(is|was|will\s+be|are)\s+(visiting|here|onsite|on\s+site|flying\s+in|coming)\s+from\s+((the|our|their)\s+)?"
            + @"([\p{L}-]+\s+){0,2}?" + Organisations + @"\b" +
        @"|^\s+in\s+(the\s+)?" + Organisations + @"\b(?!\s+(waiting|lobby|queue|line|window))" +
        @"|^'s\s+(team|group|crew|staff|office|department|analysts|build|org|direct\s+reports|manager|calendar|inbox|dashboard|deck|"
            + @"slides|presentation|spreadsheet|tracker|workbook|project\s+plan|cutover\s+plan|demo|smartphrase|order\s+sets?|"
            + @"test\s+scripts?|extract|query|tickets?)\b" +
        // A colleague's work a few words on: "…'s chart review template", "…'s drip calc fix", "…'s training slides".
        // Not a patient's things of the same words: "…'s pathology slides", "…'s pre-op checklist", "…'s sliding scale order set".
        @"|^'s\s+([\p{L}/&-]+\s+){0,3}?((?<!path(ology)?\s)slides|templates?|training|migration\s+plan|migration|badge|laptop|"
            + @"config|configuration|runbook|tip\s+sheet|fix|sign-?off|proposal|budget|charter|timeline|spec|test\s+scripts?|"
            + @"dashboard|sandbox)\b(?!\s+(for|of)\s+(the\s+)?(pt|patient|her|him))" +
        // A department's word after a colleague: "… biomed says all pumps are on the new firmware".
        @"|^\s+" + Organisations + @"\s+(says|said|confirmed|reports|reported|wants|needs|asked|thinks)\b" +
        // "… asked for the downtime report", "… is pulling the interpreter usage stats".
        @"|^\s+((is|was|will\s+be)\s+)?(pulling|pulled|pull|sending|sent|sharing|shared|asked\s+for|wants|needs|building|"
            + @"compiling|compiled)\s+the\s+([\p{L}-]+\s+){0,3}?(stats|statistics|metrics|dashboard|extract|query|test\s+scripts|"
            + @"slides|deck|(downtime|status|usage|cutover|go-?live|project|weekly|daily|monthly|incident|variance|readiness)\s+"
            + @"reports?)\b" +
        // Project work only staff do: "Adebayo Ogunleye will lead the drill", "Dimitri Papadimitriou presented the scores".
        @"|^\s+((will|to|has|had|just|also|can|should|must)\s+)?(lead|leads|led|own|owns|owned|build|builds|built|rebuilt|"
            + @"configured?|presented|presents|facilitated?|chairs|chaired|demoed|demos|validated|tested|signed\s+off|"
            + @"cover(ed|s)?\s+(the\s+)?(command|night|day|go-?live|shift|huddle|call|desk|weekend|on-?call|cutover)|"
            + @"run(s)?\s+the|ran\s+the|approved\s+the|trained\s+the|trains\s+the|escalated\s+the|drafted|wrote\s+the|"
            + @"is\s+(leading|running|covering|presenting|building|configuring|facilitating|training|testing|validating|owning))\b"
        // More project work, done to the project's things: "… fixed the worklist mapping", "… re-ran the provider load", "… will
        // present interface metrics" (a patient presents to the ED, with a complaint), "… out sick today", "… is on PTO".
        + @"|^((?-i:\s+[A-Z])[\p{L}'-]+)?\s+((will|to|has|had|just|also|can|should|is|are|was|already)\s+)?((fixed|reviewed|"
            + @"confirmed|finished|re-?ran|"
            + @"moved|negotiated?|mapped|deployed|migrated|documented|approved|swapped|imaged|patched|upgraded|"
            + @"reimaged|restarted|rebooted|scripted|loaded|drafted|published|closed|triaged)\s+the\s+" + NotCare + "|"
            + @"(fixing|reviewing|finishing|negotiating|mapping|deploying|migrating|documenting|approving|swapping|imaging|patching|"
            + @"upgrading|scripting|loading|drafting|booking|scheduling|updating)\s+the\s+" + NotCare + @"|"
            + @"present(s|ed|ing)?(?!\s+(to|with|at|in|"
            + @"for|as|back)\b)|will\s+(negotiate|translate|demo|present)|co-?(own|owns|lead|leads|chair|chairs)|"
            + @"(on|out\s+on)\s+(call|pto|leave|vacation|nights|days)\b|out\s+sick|ooo|remote\s+today)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // After "… moved the", "… booking the": what a patient moves or books themselves is no project work.
    private const string NotCare =
        @"(?!(appointments?|appts?|visits?|surgery|procedure|follow-?up|f/u|infusion|dialysis|consent|forms?|paperwork|bill|"
            + @"payment|ride|transport|meds|prescription|refill)\b)";

    // Endings of English words the dictionary may lack ("wayfinding", "signage", "telesitter"): not a name typed in lower case.
    private static readonly Regex EnglishEnding = new(
        @"(ing|age|tion|sion|ment|ness|ity|able|ible|ful|less|ize|ware|ship|ology|ism)$", Options, Timeout);

    private static readonly HashSet<string> PatientCues = new(["patient", "pt", "patients", "pts"], StringComparer.OrdinalIgnoreCase);

    // What follows a person's name when it names a place: "the Clara Barton conference room", "Barton wing".
    private static readonly Regex PlaceAfter = new(
        @"^((?-i:\s+[A-Z][\p{L}]*\.?)){0,2}('s)?\s+((conference|meeting|board|class|training|family|quiet|break|women'?s|men'?s|"
            + @"children'?s|birth(ing)?|heart|cancer|wellness|breast|maternity|staff|nurses'?|physicians'?|doctors'?|behavioral\s+health|"
            + @"mental\s+health|psych(iatric)?|rehab(ilitation)?|cardiac|surgical|medical|oncology|ortho(pedic)?|pediatric|neuro|"
            + @"trauma|burn|stroke|transplant|dialysis|infusion|inpatient|outpatient|intensive\s+care|lab|laboratory|research|science|"
            + @"vaccine|vaccination|immunization|flu|travel|wound|memory|sleep|diabetes|lactation|spine|hearing|sports\s+medicine|"
            + @"east|west|north|south|new|old|main)\s+)?(rooms?|boardrooms?|wing|"
            + @"cent(er|re)|building|hall|auditorium|pavilion|tower|library|lobby|lounge|classrooms?|entrances?|exits?|doors?|garage|"
            + @"parking|lot|bridge|plaza|park|elevators?|stairwell|cafe|café|cafeteria|chapel|courtyard|skywalk|walkway|"
        + @"clinic|institute|foundation|school|college|house|atrium|garden|campus|suite|award|lecture|scholarship|fund|unit|floor|annex|"
            + @"street|avenue|road|drive|st|rd|ave|blvd|boulevard|ln|lane|court|pkwy|parkway|hwy|highway|dr\b(?!\.?\s+[A-Z])|"
            + @"day\b(?!\s*#?[0-9])|holiday|quotes?|quotation|statue|portrait|biography|airport|prize|medal|lecture|criteria|method|"
            + @"mural|painting|sculpture|exhibit|plaque|"
            + @"museum|gallery|arena|stadium|theat(er|re)|amphitheat(er|re)|coliseum|memorial|academy|gym(nasium)?|fieldhouse|"
            + @"church|cathedral|temple|mosque|synagogue|(community|recreation|rec|senior|civic|convention|visitors?'?)\s+cent(er|re))\b"
        // A lab named after a scientist, told as a place: "Rosalind Franklin lab (research bldg)", "the Salk lab is off network".
        + @"|^\s+(lab|laboratory)(\s*[(,\u2014]|\s+-\s|\s+(is|was|will|has|goes|moves)\s+(off|closed|down|on|open|moving|being|"
            + @"getting|to))"
        // A famous person quoted: "as Florence Nightingale would say".
        + @"|^\s+(would|used\s+to|once)\s+(say|said|put\s+it|tell\s+you)\b"
        // A lab where staff learn: "the Florence Nightingale skills lab", "Hopper simulation center".
        + @"|^('s)?\s+(skills|simulation|sim|learning|computer|study|innovation)\s+(lab|labs|cent(er|re)|rooms?|hub|suite)\b"
        // An institution named after a person: "Sarah Cannon oncology network", "the Van Andel Institute".
        + @"|^\s+(network|oncology|health\s+system|healthcare|medical\s+(center|group|college|school)|hospital|university|research|"
            + @"cancer\s+(center|institute)|memorial|institute|children'?s)\b"
        // A unit or a partner named after a person: "Virginia Apgar NICU", "Ronald Reagan UCLA team".
        + @"|^\s+(?-i:NICU|PICU|MICU|SICU|CVICU|ICU|ED|PACU|L&D)\b(?!\s+(mom|dad|baby|parent|pt|patient|bed|room)\b)"
        + @"|^\s+(?-i:[A-Z]{2,6})\s+(team|health|medical|hospital|campus|center|centre|physicians|staff|group)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex CareWords = new(
        @"\b(chart|meds|labs|results|allerg[a-z]*|vitals|wristband|armband|interpreter|proxy|consent|discharge|admission|portal|"
            + @"mychart|mrn|"
            + @"bill|"
        + @"appointment|referral|prescription|pharmacy|ED|ER|ICU|NICU|PACU|bed|room|unit|floor|nurse|triage|registered|registration|CT|"
            + @"MRI|scan|x-?ray|"
        + @"ultrasound|surgery|procedure|dialysis|infusion|transport|wheelchair|tray|diet|dose|insulin|heparin|AVS|insurance)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // A text about a patient: the word itself, a person's clinical things ("his meds", "her results",
    // "'s drip"), a stay ("admitted", "dc'd"), a patient's family.
    private static readonly Regex PatientContext = new(
        @"\b(patients?|pts?|inpatient|admitted|readmit(ted)?|discharged|dc'?d|expired|deceased)\b"
        + @"|(\b(his|her|their|him)|'s)\s+((own|new|old|home|current|last|first|next)\s+)?(chart|meds|medications?|drips?|results?|labs?|"
            + @"allerg[a-z]*|vitals|wristband|armband|"
        + @"bed|room|rash|wound|pain|diagnosis|dx|consent|scans?|x-?rays?|ct|mri|doses?|dosing|insulin|heparin|prescriptions?|rx|infusion|"
            + @"iv|pump|"
        + @"appointments?|visit|bills?|statement|portal|mychart|proxy|family|wife|husband|daughter|son|mother|father|mom|dad|kids?|"
            + @"children|"
        + @"discharge|admission|surgery|procedure|biopsy|blood|sugars?|glucose|glucometer|records|bp|weight|oxygen|o2|tray|diet|"
            + @"orders?|mar|avs|care|nurse|"
        + @"doctor|pcp|surgeon|referral|imaging|echo|ekg|ecg|sats|foley|catheter|line|picc|transfusion|isolation|fall|code\s+status)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Right after a name at the start of a text, what makes it a patient's: "Tadhg Breathnach insulin order", "ama owusu (NICU mom)",
    // "… readmit", "… wants her records", "…'s glucometer".
    private static readonly Regex CareAfter = new(
        @"^('s)?\s+(\(?(nicu|picu|icu|l&d|ob|peds|nursery|dialysis|onc|oncology)\s+(mom|dad|baby|parent|pt|patient)\)?|((new|home|am|"
            + @"pm|sliding\s+scale|iv|basal|bolus|discharge)\s+)?(insulin|heparin|meds?|medications?|orders?|readmit(ted)?|readmission|"
            + @"admit|glucometer|labs?|results|chart|kids?|family|wife|husband|mom|dad|daughter|son|"
            + @"(missed|got|gets|needs|refused|fills|filled)\s+(her|his|their|a|an|the)\s+|wants\s+(her|his|their)\s+"
            + @"(records|chart|results|meds))\b)"
        // A patient's own things after a possessive: "…'s portal", "…'s ultrasound report", "…'s covid result".
        + @"|^'s\s+((new|old|own|last|first)\s+)?(portal|mychart|ultrasound|mri|ct|x-?ray|echo|ekg|ecg|scan|biopsy|covid|flu|"
            + @"allerg[a-z]*|vitals|wristband|armband|pcp|surgery|procedure|dialysis|infusion|prescription|rx|wound|pain|diet|"
            + @"tray|room|bed|interpreter|proxy|consent|avs|discharge|admission|appointment|appt|sister|brother|aunt|auntie|uncle|"
            + @"niece|nephew|cousin|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|mother|father|parents?|guardian|"
            + @"caregiver|fianc[eé]e?|girlfriend|boyfriend|widow|widower|twin)\b"
        // "…'s OB appts vanished", "…'s cardiology referral": a patient's appointments of any kind.
        // "…'s INR results", "…'s EPCS order", "…'s tele alarm", "…'s sats dropping": a patient's orders, results and monitoring.
        + @"|^'s\s+([\p{L}/&-]+\s+){0,2}(appointments?|appts?|visits?|referrals?|refills?|prescriptions?|scripts?|bills?|statements?|"
            + @"claims?|follow-?ups?|f/u|telehealth|video\s+visits?|results?|orders?|alarms?|levels?|sats|vitals|meds|labs|drips?|"
            + @"pumps?|monitor(ing)?|education|isolation|transfusions?|infusions?|chemo|doses?|pca|tele(metry)?|o2|oxygen|"
            + @"glucose|sugars?|pressures?|heart\s+rate|rhythm|ekg|ecg|telemetry|insulin|heparin|discharge|dc|admit)\b"
        // "… is the pt whose PCA …", "… was our patient in 4": the text says who the name is.
        + @"|^\s+(is|was)\s+(the|our|a|your|my)\s+(same\s+|new\s+|other\s+|\p{L}+\s+)?(pt|patient)\b"
        // "… transferred from the Gallup IHS hospital": a patient's transfer, not a colleague's move between teams.
        + @"|^\s+(was\s+|got\s+|just\s+)?transferred\s+(in\s+|over\s+|here\s+)?from\s+[^,.;]{0,40}?\b(hospital|ihs|clinic|snf|"
            + @"nursing\s+home|rehab|icu|ed|er|facility|medical\s+cent(er|re)|osh)\b"
        // A patient's clinical record after the name: "… ED triage note missing", "… path result interfaced to ...", "… encounter".
        + @"|^('s)?\s+" + RecordAfter
        // An arrival: "… came in from Pine Ridge", "… is visiting from AZ, outside records ...", "… brought in by EMS".
        + @"|^\s+(is\s+|was\s+)?(came\s+in|brought\s+in|visiting|arrived|transferred\s+in|flown\s+in)\s+(from|by|via)\b"
            + @"(?!\s+((the|our|their)\s+)?" + Organisations + @"\b)"
        // What happens to a patient: "… is on the downtime census", "… refused the flu shot", "… needs halal trays", "… and his twin".
        + @"|^('s)?\s+" + WardPlace + @"((is|was)\s+(still\s+)?(on|in)\s+the\s+([\p{L}-]+\s+){0,2}(census|bed\s?board|board|list|"
            + @"unit|ed|er|icu|or)|"
            + @"(refused|declined|refuses|declines|missed|pulled|eloped|fell|coded|slipped|tripped|seized|vomited|desatted)\b|"
            + @"(needs|wants|requested|requests|asked\s+for)\s+"
            + @"(an?\s+|the\s+|his\s+|her\s+|their\s+)?([\p{L}-]+\s+){0,2}(trays?|diet|interpreter|chaplain|consult|walker|"
            + @"wheelchair|sitter|meds|insulin|copy|records|visit)|(needs|wants|requested|requests|speaks|only\s+speaks)\s+"
            + Languages + @"|had\s+(his|her|their)\s+(chart|record|mrn|wristband|armband|meds|labs)|"
            + @"(was|got|is|has\s+been)\s+(discharged|admitted|readmitted|"
            + @"transferred|roomed|intubated|extubated|sedated|restrained)|and\s+(his|her|their)\s+(twin|brother|sister|wife|husband|"
            + @"son|daughter|mom|dad|mother|father))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // A patient's notes and results in the record: "ED triage note", "path result", "op report", "encounter".
    private const string RecordAfter =
        @"(((ed|er|triage|nursing|progress|h&p|op|operative|consult|discharge|path|pathology|lab|radiology|imaging|biopsy|ct|mri|echo|"
            + @"ekg|ecg|covid|culture|micro)\s+){1,2}(note|notes|result|results|report|reports)|encounter|encounters|face\s?sheet)\b";

    // Where a patient is, between a name and what happens to them: "… on 3S needs …", "… in 22 asked …", "… in peds had …".
    private const string WardPlace =
        @"((on|in)\s+(bed\s+|room\s+|rm\s+)?([0-9]{1,4}[a-z]{0,2}|peds|picu|nicu|micu|sicu|icu|ed|er|l&d|the\s+ed)\s+"
            + @"((again|still|today|tonight|last\s+night|this\s+am)\s+)?(?=(is|was|needs|wants|asked|called|had|refused|declined|"
            + @"missed|fell|slipped|requested|speaks|only)\b))?";

    // Languages a patient may need an interpreter for.
    private const string Languages =
        @"(an?\s+)?(spanish|pashto|dari|farsi|somali|arabic|vietnamese|mandarin|cantonese|hmong|tigrinya|amharic|oromo|russian|"
            + @"ukrainian|haitian(\s+creole)?|creole|portuguese|nepali|burmese|karen|swahili|french|urdu|punjabi|hindi|bengali|"
            + @"tagalog|korean|japanese|polish|asl|sign\s+language|kinyarwanda|lingala|marshallese|chuukese|navajo|yup'ik|"
            + @"k'iche'?|mam|mixteco|tamil|telugu|gujarati|khmer|lao|thai|turkish|kurdish|albanian|bosnian|romanian)"
            + @"(\s+(interpreter|interp|only))?";

    // A name in quotes in a text about a part played or made up: "the \"mrs. smith\" in the training video is an actor".
    private static bool IsPlayedRole(string text, int start) =>
        start > 0 && text[start - 1] is '"' or '\u201c' or '\'' or '\u2018' && PlayedRole.IsMatch(text);

    private static readonly Regex PlayedRole = new(
        @"\b(actors?|actress|played\s+by|role-?play|fictional|made[\s-]up|fake|sample|example|mock|dummy|test\s+patient)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Right before a title: the patient is a clinician, and the titled name is theirs ("the pt is a retired surgeon, Dr. ...").
    private static readonly Regex PatientIsClinician = new(
        @"\b(pt|patient)\s+(is|was)\s+(a|an|our\s+own|one\s+of\s+our)\s+([\p{L}-]+\s+){0,2}?(doctor|physician|surgeon|nurse|"
            + @"dentist|pharmacist|anesthesiologist|cardiologist|pediatrician|radiologist|psychiatrist|professor|vet|veterinarian)s?"
            + @"[\s,:(-]*$",
        Options | RegexOptions.IgnoreCase, Timeout);

    // A relative named after the relation: "her son Abdirahman", "Tesfaye's brother Dawit", "the pt's wife Marisol".
    private static readonly Regex RelativeBefore = new(
        @"(\b(his|her|their|pt's|patient's|pts|mom's|dad's)|(?-i:[A-Z])\p{L}+'s)\s+((older|younger|little|big|baby|twin|oldest|"
            + @"youngest|eldest|adult|step-?)\s*)?(son|daughter|brother|sister|husband|wife|partner|fianc[eé]e?|mom|dad|mother|father|"
            + @"grandson|granddaughter|grandma|grandpa|grandmother|grandfather|nephew|niece|aunt|uncle|cousin|twin|kid|child|boy|girl|"
            + @"baby|stepson|stepdaughter|in-?law|guardian|caregiver)s?,?\s+$",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Name particles that join the surname after them: "Ó Briain", "Nic Dhiarmada", "Mac Cárthaigh" (Irish), and after a name,
    // "dela Cruz", "de la Fuente", "van der Berg", "bin Salleh".
    private static readonly HashSet<string> IrishParticles =
        new(["Ó", "Ní", "Nic", "Mac", "Mhic", "Ua", "Uí", "O"], StringComparer.Ordinal);

    private static readonly HashSet<string> Particles = new(
        ["de", "dela", "del", "della", "da", "di", "dos", "das", "van", "von", "der", "den", "la", "bin", "binti", "ibn", "ó", "ní", "nic",
            "mac", "ua", "uí", "ni", "De", "Dela", "Del", "Della", "Da", "Di", "Dos", "Van", "Von", "Der", "Bin", "Ibn"],
        StringComparer.Ordinal);

    private static readonly Regex PlaceOrPeerBefore = new(
        @"\b((visiting|visit|flying|flew|fly|flights?|moved|moving|relocat(ed|ing)|immigrated|emigrated|trip|travel(l?ing|l?ed)?|"
            + @"vacation(ing)?|holiday|originally|conference|offsite|site\s+visit)\s+(in\s+|out\s+|back\s+)?(from|to|in|at)|"
            + @"vs\.?|versus|benchmark(ed|ing)?\s+(vs\.?|against|with|to)|compared\s+(to|with)|peers?\s+(like|such\s+as)|"
            + @"(systems|hospitals|orgs|organi[sz]ations|sites)\s+(like|such\s+as))\s+$",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex SpeakerBefore = new(@"(^|\bfrom|\bper|\bcc|\bfyi|\bupdate\s+from)\s*$", Options, Timeout);

    private static readonly Regex PatientWords = new(
        @"\b(dob|birth|born|diagnos[a-z]*|dx|pts?|patients?|mom|dad|son|daughter|wife|husband|mrn|fin|csn|admit[a-z]*|discharg[a-z]*|"
            + @"allerg[a-z]*|meds|she|he|her|his|him)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static bool IsSpeakerLabel(string text, List<Token> tokens, int i)
    {
        if (i + 1 >= tokens.Count || !IsPlainCapitalised(tokens[i]) || !IsPlainCapitalised(tokens[i + 1])
            || text[tokens[i].End..tokens[i + 1].Start] is not " "
            || !text.AsSpan(tokens[i + 1].End).StartsWith(": ", StringComparison.Ordinal)
            || !SpeakerBefore.IsMatch(text.AsSpan(0, tokens[i].Start)))
        {
            return false;
        }

        var rest = text[(tokens[i + 1].End + 1)..];
        return !PatientContext.IsMatch(rest) && !CareWords.IsMatch(rest) && !PatientWords.IsMatch(rest);
    }

    private static readonly HashSet<string> PlaceSaints =
        new(["Saint", "St", "Sainte", "Ste", "San", "Santa", "São"], StringComparer.Ordinal);

    // After "the X family", what makes it a place, a service or a specialty rather than a patient's family.
    private static readonly Regex FamilyThing = new(
        @"^\s+(medicine|practice|planning|resources?|waiting|meeting|conference|members?\s+of\s+staff|room|lounge|cent(er|re)|clinic|"
            + @"health|dentistry|services|suite|area|house|foundation|fund|wing|donation|gift|endowment|scholarship|award|trust|"
            + @"of\s+(products|companies|apps|brands))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Names given to things: "… are the names of the two new training VMs", "servers named after …", "naming the printers …".
    private static readonly Regex ThingsNamed = new(
        @"\b((are|is|were|was)\s+(the\s+)?(new\s+)?names?\s+(of|for)|(re)?named(\s+after)?|naming)\s+(the\s+|our\s+|all\s+|"
            + @"each\s+)?([\p{L}0-9-]+\s+){0,3}?(vms?|virtual\s+machines|servers?|hosts?|printers?|workstations?|wows|carts|robots?|"
            + @"bots?|tablets?|laptops?|ipads?|environments?|sprints?|releases?|conference\s+rooms|huddle\s+rooms|training\s+rooms|"
            + @"wi-?fi|ssids?|networks?|queues?|test\s+patients|scenarios?)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Words between a patient cue and the name: "patient called Teresa Hunt", "patient's name is ...".
    private static readonly HashSet<string> CueConnectors = new(["called", "named", "name", "is", "was"], StringComparer.OrdinalIgnoreCase);

    private readonly record struct Token(int Start, int Length, string Value)
    {
        public int End => Start + Length;
    }

    public static IEnumerable<(int Index, int Length)> Find(string text, PhiContext context)
    {
        // "grace hopper and ada lovelace are the names of the new training VMs": people's names given to machines and rooms.
        if (text.Contains("nam", StringComparison.OrdinalIgnoreCase) && ThingsNamed.IsMatch(text) && !PatientContext.IsMatch(text))
        {
            return [];
        }

        var tokens = Tokens(text);
        var used = new bool[tokens.Count];
        var found = new List<(int, int)>();
        var lastStaffEnd = -1;
        bool? patientContext = null;
        bool? recordTalk = null;

        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var token = tokens[i];
            string Gap(int at) => at <= 0 || at >= tokens.Count ? "" : text[tokens[at - 1].End..tokens[at].Start];

            // "Saint Brigid's lab", "St. Agnes registration": a place named after a saint.
            if (PlaceSaints.Contains(token.Value) && i + 1 < tokens.Count && Gap(i + 1) is " " or ". " && IsCapitalised(tokens[i + 1]))
            {
                MarkUsed(used, i, i + 1);
                continue;
            }

            // "visiting from Buenos Aires", "benchmarking vs Henry Ford and Mayo": two capitalised words where a trip or a comparison
            // puts a city or a peer institution, not a person.
            if (IsPlainCapitalised(token) && i + 1 < tokens.Count && Gap(i + 1) is " " && IsPlainCapitalised(tokens[i + 1])
                && PlaceOrPeerBefore.IsMatch(text.AsSpan(Math.Max(0, token.Start - 40), token.Start - Math.Max(0, token.Start - 40))))
            {
                MarkUsed(used, i, i + 1);
                continue;
            }

            // "Joelle Tremblay: charge router hold is 72h", "from Emre Yildirim: ORM outbound is back": who speaks, when the rest of
            // the text says nothing of a patient.
            if (IsSpeakerLabel(text, tokens, i))
            {
                MarkUsed(used, i, i + 1);
                lastStaffEnd = i + 1;
                continue;
            }

            // "the Okonjo family wants a call back": a patient's family by its surname.
            if ((FamilyName(text, tokens, i, context) ?? PluralFamily(text, tokens, i, context)) is { } family)
            {
                found.Add((tokens[family].Start, tokens[family].Length));
                MarkUsed(used, i, family + 1);
                continue;
            }

            if ((FamilyAtStart(text, tokens, i, context) ?? RelativeName(text, tokens, i, context)
                ?? HmongTitledName(text, tokens, i) ?? BurmeseTitledName(text, tokens, i, context)
                ?? EnglishWordSurname(text, tokens, i, context) ?? VietnameseName(text, tokens, i, context)
                ?? KoreanName(text, tokens, i, context)) is { } kin)
            {
                found.Add((tokens[i].Start, tokens[kin].End - tokens[i].Start));
                MarkUsed(used, i, kin);
                continue;
            }

            // "Dr. Patel", "Nurse Ruiz": staff; skip the name, unless the text says the patient is one ("pt is a retired surgeon,
            // Dr. Emeka Nnaji, ...").
            if (NameLexicon.IsStaffTitle(token.Value) && i + 1 < tokens.Count && Gap(i + 1) is " " or ". " or ".")
            {
                var end = NameEnd(tokens, text, i + 1, capitalisedOnly: true);
                if (end > i + 1 && PatientIsClinician.IsMatch(text.AsSpan(0, token.Start))
                    && !context.IsStaffSurname(tokens[end - 1].Value))
                {
                    found.Add((token.Start, tokens[end - 1].End - token.Start));
                    MarkUsed(used, i, end - 1);
                    continue;
                }

                for (var k = i; k < end; k++)
                {
                    used[k] = true;
                }

                lastStaffEnd = end - 1;
                continue;
            }

            // Newborns are registered as "Baby Boy Sanchez", "baby girl Nguyen" until they are named.
            if (token.Value.Equals("baby", StringComparison.OrdinalIgnoreCase) && i + 2 < tokens.Count
                && tokens[i + 1].Value.ToUpperInvariant() is "BOY" or "GIRL")
            {
                // Twins are "Baby Girl A Okoye", "Baby Girl B Okoye".
                var at = i + 3 < tokens.Count && IsInitial(tokens[i + 2]) ? i + 3 : i + 2;
                if (IsCandidate(tokens[at]) && !NamingPlaceholders.Contains(tokens[at].Value))
                {
                    found.Add((token.Start, tokens[at].End - token.Start));
                    MarkUsed(used, i, at);
                    continue;
                }
            }

            // "her name is Odalys", "his last name is Ybarra not Ibarra", "pt's preferred name: tuyet".
            if (NamedAfter(text, tokens, i) is { } named)
            {
                found.Add((tokens[named.From].Start, tokens[named.To].End - tokens[named.From].Start));
                MarkUsed(used, i, named.To);
                continue;
            }

            if (IsPatientCue(StripPossessive(token.Value)) && PatientName(text, tokens, i) is { } cued)
            {
                found.Add((tokens[cued.From].Start, tokens[cued.To].End - tokens[cued.From].Start));
                MarkUsed(used, i, cued.To);
                continue;
            }

            if (TitledNameEnd(text, tokens, i) is { } titledEnd)
            {
                var end = titledEnd;
                var last = tokens[end - 1];
                var given = end - 1 > i + 1 ? tokens[i + 1].Value : "";
                // "Mrs. Thibodeaux in 308 (NOT marguerite)": a titled name in a bed is a patient's, whoever on the roster shares it.
                // Not "Ms. Garrity in 4 east covers the night huddle": staff work on a unit. A bracket after the bed says who it is.
                var bed = WardSlotAfter.Match(text, last.End, Math.Min(80, text.Length - last.End));
                var rest = bed.Index + bed.Length;
                var inBed = bed.Success && (text.AsSpan(rest).TrimStart().StartsWith("(") || !IsFollowedByRole(text, rest));
                var staff = !inBed
                    && (context.IsStaffSurname(last.Value) || context.IsStaff(given, last.Value) || IsFollowedByRole(text, last.End));
                if (!staff && !IsPlayedRole(text, token.Start))
                {
                    found.Add((token.Start, last.End - token.Start));
                }
                else
                {
                    lastStaffEnd = end - 1;
                }

                MarkUsed(used, i, end - 1);
                continue;
            }

            // "send the slides to Vusi Dlamini and ...": a colleague by what comes before, whether or not the lists know the name.
            if (IsPlainCapitalised(token) && i + 1 < tokens.Count && IsPlainCapitalised(tokens[i + 1]) && Gap(i + 1) is " "
                && IsPrecededByRole(text, tokens, i))
            {
                lastStaffEnd = i + 1;
                MarkUsed(used, i, i + 1);
                continue;
            }

            if (SurnameFirstAtStart(text, tokens, i, context) is { } header)
            {
                found.Add((token.Start, tokens[header].End - token.Start));
                MarkUsed(used, i, header);
                continue;
            }

            if (LexiconName(text, tokens, i) is { } name)
            {
                var first = tokens[name.From];
                var last = tokens[name.To];
                var (given, surname) = name.SurnameFirst ? (last.Value, first.Value) : (first.Value, last.Value);
                var staff = context.IsStaff(given, surname)
                    || IsPrecededByRole(text, tokens, i)
                    || (lastStaffEnd >= 0 && lastStaffEnd == i - 2 && tokens[i - 1].Value is "and" or "or" or "with")
                    || (lastStaffEnd >= 0 && lastStaffEnd == i - 1 && Gap(i) is ", ")
                    || (IsFollowedByRole(text, last.End) && !IsAfterWardSlot(text, first)); // "can't find X Y in MEDITECH"
                if (staff)
                {
                    lastStaffEnd = name.To;
                }
                else if (!IsFollowedByPlace(text, last.End))
                {
                    // Not "the Clara Barton conference room", "Barton wing": places named after people.
                    found.Add((first.Start, last.End - first.Start));
                }

                MarkUsed(used, i, name.To);
                continue;
            }

            // "yaw darko asked to opt out", "rose okafor wants her records": a given name that is also a word, then a surname no
            // word spells, typed in lower case at a text's start before what a person does or has.
            if (WordGivenAtStart(text, tokens, i, context) is { } wordGiven)
            {
                found.Add((token.Start, tokens[wordGiven].End - token.Start));
                MarkUsed(used, i, wordGiven);
                continue;
            }

            // "Hye-jin's chart still shows the wrong PCP", "fatuma in 22 asked again": a given name alone, at the start, before a
            // patient's things or where a patient lies.
            if (SingleNameAtStart(text, tokens, i, context))
            {
                found.Add((token.Start, token.Length));
                used[i] = true;
                continue;
            }

            if (ContextName(text, tokens, i, ref patientContext) is { } unlisted)
            {
                var staff = context.IsStaff(tokens[i].Value, tokens[unlisted].Value)
                    || IsPrecededByRole(text, tokens, i)
                    || (lastStaffEnd >= 0 && lastStaffEnd == i - 2 && tokens[i - 1].Value is "and" or "or" or "with")
                    || IsFollowedByRole(text, tokens[unlisted].End);
                if (staff)
                {
                    lastStaffEnd = unlisted;
                }
                else
                {
                    found.Add((tokens[i].Start, tokens[unlisted].End - tokens[i].Start));
                }

                MarkUsed(used, i, unlisted);
                continue;
            }

            if (RecordName(text, tokens, i, context, ref recordTalk) is { } record)
            {
                found.Add((tokens[i].Start, tokens[record].End - tokens[i].Start));
                MarkUsed(used, i, record);
                continue;
            }

            // "Okonkwo in 6", "rounded on Petrov", "grandma Nakai's glucometer", "Tesfaye insulin still on hold": a word no
            // dictionary or list of products knows, where ward talk puts a patient.
            if (WardName(text, tokens, i, context) is { } ward && !IsPrecededByRole(text, tokens, i)
                && !IsFollowedByRole(text, tokens[ward].End))
            {
                found.Add((tokens[i].Start, tokens[ward].End - tokens[i].Start));
                MarkUsed(used, i, ward);
            }
        }

        // "the sheets have Tesfaye and Two Bulls swapped": two patients mixed up, whatever the lists know of their names.
        if (text.Contains(" and ", StringComparison.Ordinal) && MixUpWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (Match m in SwappedPair.Matches(text))
            {
                var (a, b) = (m.Groups["a"], m.Groups["b"]);
                if (IsMixedUpPerson(a.Value, context) && IsMixedUpPerson(b.Value, context)
                    && !found.Any(f => f.Item1 < b.Index + b.Length && a.Index < f.Item1 + f.Item2))
                {
                    found.Add((a.Index, a.Length));
                    found.Add((b.Index, b.Length));
                }
            }
        }

        foreach (var extra in PastedAndEventNames(text, context))
        {
            if (!found.Any(f => f.Item1 < extra.Index + extra.Length && extra.Index < f.Item1 + f.Item2))
            {
                found.Add(extra);
            }
        }

        return found.Where(f => !IsPlaceName(text, f.Item1, f.Item2) && !IsColleague(text, f.Item1, f.Item2)
            && !IsOrganisationOrWork(text, f.Item1 + f.Item2) && !IsMadeUpName(text, f.Item1, f.Item2));
    }

    // "Virginia Mason's go-live team", "Mary Bridge transfer center", "Kadlec's lab team says their results feed is ready", "Cherry
    // Hill uses a different PACS", "Jimi Hendrix music": a hospital or health system named after a person, told as an organisation
    // by its teams, feeds and systems, or a famous person's work.
    private static readonly Regex OrganisationOrWorkAfter = new(
        @"^('s|')?\s+(((go-?live|interface|integration|lab|it|is|informatics|pharmacy|transfer|build|project|implementation|"
            + @"cutover|ehr|emr|pacs|radiology|hie|security|network|analyst|leadership|exec(utive)?|command)\s+)(team|center|centre|"
            + @"group|desk|office|folks|staff|analysts?)|transfer\s+cent(er|re)|go-?live|(adt|hl7|results|referral|lab|interface|orders?|"
            + @"data|fhir)\s+feeds?|feeds?\b|downtime\s+(packets?|procedures?)|uses\s+(a\s+|an\s+|the\s+)?(different|same|their|its|"
            + @"another|other)|(went|goes|go|is|are)\s+live|music|songs?|albums?|lyrics|records?\s+(label|collection)|quotes?)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static bool IsOrganisationOrWork(string text, int end) =>
        end < text.Length && OrganisationOrWorkAfter.IsMatch(text.AsSpan(end, Math.Min(50, text.Length - end)));

    // "Zzmom, Stork", "ZZTEST": a made-up record's name says so.
    private static bool IsMadeUpName(string text, int index, int length) =>
        text.AsSpan(index, length).StartsWith("zz", StringComparison.OrdinalIgnoreCase)
        || (index >= 2 && text.AsSpan(index - 2, 2) is ", " && index >= 4 && LastWordIsMadeUp(text.AsSpan(0, index - 2)));

    private static bool LastWordIsMadeUp(ReadOnlySpan<char> before)
    {
        var start = before.LastIndexOf(' ') + 1;
        return before[start..].StartsWith("zz", StringComparison.OrdinalIgnoreCase);
    }

    // "hiroshi's son is sick so he's remote today": a colleague's family, told for why they are away, in a text of no patient.
    private static readonly Regex ColleagueAway = new(
        @"\bso\s+(she|he|they)('s|\s+is|\s+are|\s+will\s+be|'ll\s+be|'ll)?\s+(remote|out|off|leaving|wfh|working\s+from\s+home|"
            + @"late|ooo|join(ing)?)\b|\b(remote|wfh|ooo)\s+today\b|\bleaving\s+at\s+[0-9]|\b(covering|thank\s+(her|him|them))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex CareOfAPatient = new(
        @"\b(pts?|patients?|admitted|discharged|readmit(ted)?|dc'?d|meds|chart|labs|bed|ed|er|icu|nicu|ama|mrn|dob|surgery|"
            + @"crash|injur(y|ed)|fell|sick\s+with|in\s+the\s+hospital|allerg(y|ies)|bills?|med\s+list|armbands?|wristbands?|"
            + @"swapped|portal|app\s+shows|called\s+the)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex KinAfter = new(
        @"^'s\s+(son|daughter|mom|mum|dad|mother|father|husband|wife|partner|kids?|baby|sister|brother)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // "Teodora Ilieva and Marcus Delacroix are doing the cutover checklist": two colleagues doing project work together.
    private static readonly Regex PairWork = new(
        @"^\s+(and|&)\s+(?!(her|his|their|the|a|an)\b)[\p{L}'-]+(\s[\p{L}'-]+){0,2}?\s+" + PairVerbs,
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex PairVerbsAfter = new(@"^\s+" + PairVerbs, Options | RegexOptions.IgnoreCase, Timeout);

    private const string PairVerbs =
        @"((are|were)\s+(both\s+)?(the\s+)?([\p{L}-]+\s+)?(leads?|co-?leads?|"
            + @"co-?chairs?|doing|leading|running|covering|owners?|champions?)|co-?(chair|lead|own)s?|will\s+(both\s+)?(round|do|"
            + @"run|lead|cover|present|host|test|build|own|be\s+at)|to\s+co-?own|(both|are\s+both)\s+(out|off)\s+"
            + @"(sick|today|tomorrow|this)|covering|"
            + @"signed|approved)\b";

    // What a colleague does with the project's things, in a text of no patient's care: "… approved change request CR-2291",
    // "… updated the risk register", "… is on the Cadence build", "… from imaging asked for …", "…'s RIS upgrade estimate".
    private static readonly Regex ColleagueWork = new(
        @"^((?-i:\s+[A-Z])[\p{L}'-]+)?('s\s+([\p{L}-]+\s+){0,3}?(estimate|mitigation|evidence\s+note|tool|spreadsheet|calculator|"
            + @"workflow\s+doc|doc|interface\s+status|pager|upgrade|build(?=\s+(is|was|passed|needs|has|in|for)\b|\s*[,:]))\b|"
            + @"\s*,?\s+(from|in|with)\s+(the\s+)?"
            + @"([\p{L}-]+\s+){0,2}?(imaging|desktop|ris|pacs|interpreter\s+services|language\s+services|telecom|analytics|"
            + @"applications|apps|pharmacy\s+informatics|command\s+cent(er|re)|[\p{L}-]+\s+campus)\b|"
            + @"\s+((will|to|has|had|just|also|is|was|can)\s+)?(approved|updated|ran|runs|run|host|hosts|asked\s+for|owns|needs|wants|"
            + @"is\s+moving\s+to|moved\s+to|is\s+on|is\s+the\s+go-?to\s+for|is\s+our)\s+((the|a|an|our|2|3|4|two|three|more)\s+)?"
            + @"([\p{L}0-9-]+\s+){0,4}?(change\s+request|CR-?[0-9]+|CHG[0-9]+|risk\s+register|runbook|workgroup|build|go-?live|cutover|"
            + @"command\s+cent(er|re)|team|review|template|spec|interface|feeds?|walkthrough|demo|training|UAT|phones|desk|call|"
            + @"FHIR|HL7|API|super-?users?|order\s+set|spreadsheet|deck|slides|tip\s+sheet|campaign|hosts|servers?|pharmacists|"
            + @"reading\s+stations|lines|questions|escalations|sign-?off|PDF|estimate|licen[cs]es)\b)",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static bool IsColleague(string text, int index, int length)
    {
        var end = index + length;
        var after = text.AsSpan(end, Math.Min(120, text.Length - end));
        if (CareOfAPatient.IsMatch(text))
        {
            return false;
        }

        if (KinAfter.IsMatch(after) && ColleagueAway.IsMatch(text))
        {
            return true;
        }

        // The first of a pair, or the second when the first was one too.
        if (PairWork.IsMatch(after) || ColleagueWork.IsMatch(after))
        {
            return true;
        }

        var before = text.AsSpan(0, index).TrimEnd();
        return (before.EndsWith(" and", StringComparison.OrdinalIgnoreCase) || before.EndsWith(" &", StringComparison.Ordinal))
            && PairVerbsAfter.IsMatch(after);
    }

    private static readonly string[] MixUpWords = ["swap", "mix", "switch", "flip", "cross", "mislabel", "'s "];

    private static readonly Regex SwappedPair = new(
        @"(?<![\p{L}'-])(?<a>(?-i:[A-Z])[\p{L}'-]+(\s(?-i:[A-Z])[\p{L}'-]+)?)\s+and\s+(?<b>(?-i:[A-Z])[\p{L}'-]+(\s(?-i:[A-Z])[\p{L}'-]+)?)"
            + @"('s\s+([\p{L}-]+\s+)?(bands|wristbands|armbands|labels|charts|meds|orders|results|specimens|beds|rooms|trays|paperwork)|"
            + @"\s+((were|was|are|got|have\s+been|had\s+been)\s+)?(swapped|mixed\s+up|switched|flipped|crossed|mislabell?ed))\b"
            // Not colleagues who swapped something: "Jerome and Priya swapped on-call weekends".
            + @"(?!\s+(their|the|our|his|her|on-?call|shifts?|weekends?|seats?|days|nights|roles|places|spots|desks|calls|slots|"
            + @"duties|assignments|rotations|rooms|offices|laptops|badges)\b)",
        Options | RegexOptions.IgnoreCase, Timeout);

    // One side of a mix-up is a person when a word of it may be a name: not a product, unit, team, role or someone on the roster.
    private static bool IsMixedUpPerson(string side, PhiContext context)
    {
        var words = side.Split(' ');
        if (context.IsStaff(words[0], words[^1]) || context.IsStaffSurname(words[^1]) || (words.Length == 1
            && context.IsStaffGivenName(words[0])))
        {
            return false;
        }

        return words.All(w => !NameLexicon.IsNotName(w) && !NameLexicon.IsOrganisation(w) && !NameLexicon.IsRole(w)
                && !NameLexicon.IsTitleOrCredential(w) && !ChatWords.Contains(w))
            && words.Any(w => w.Length >= 3 && (NameLexicon.IsAnyName(w) || !NameLexicon.IsEnglishWord(w)));
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in Word.Matches(text))
        {
            // "Olsen's" is Olsen; the 's stays in the text for the role check ("Shah's team").
            var length = m.Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && m.Length > 3 ? m.Length - 2 : m.Length;
            tokens.Add(new Token(m.Index, length, m.Value[..length]));
        }

        return JoinParticles(text, tokens);
    }

    // "Ó Briain", "dela Cruz", "de la Fuente": one surname, looked up by its last word and found whole.
    private static List<Token> JoinParticles(string text, List<Token> tokens)
    {
        var joined = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = i;
            while (end + 1 < tokens.Count && text[tokens[end].End..tokens[end + 1].Start] is " " && IsParticle(tokens, end, i, joined))
            {
                end++;
            }

            var last = tokens[end];
            var surname = end > i && (IsCapitalised(last) || (IsLower(last) && IsLower(tokens[i]) && last.Length >= 3))
                && !NameLexicon.IsEnglishWord(last.Value);
            if (surname)
            {
                joined.Add(new Token(tokens[i].Start, last.End - tokens[i].Start, last.Value));
                i = end;
            }
            else
            {
                joined.Add(tokens[i]);
            }
        }

        return joined;
    }

    // An Irish particle before a capitalised word, or another particle right after a word that may be a name.
    private static bool IsParticle(List<Token> tokens, int at, int from, List<Token> before) =>
        (IrishParticles.Contains(tokens[at].Value) && at == from && IsCapitalised(tokens[at + 1]))
            || (Particles.Contains(tokens[at].Value) && (at > from || (before.Count > 0 && MayBeName(before[^1]))));

    private static bool MayBeName(Token token) =>
        IsCapitalised(token) || (NameLexicon.IsAnyName(token.Value) && !NameLexicon.IsEnglishWord(token.Value));

    // "the Okonjo family", "the okafor family": a surname (no English word, not on the roster) before "family", not a place's name.
    private static int? FamilyName(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 2 >= tokens.Count || !tokens[i].Value.Equals("the", StringComparison.OrdinalIgnoreCase)
            || !(FamilyWords.Contains(tokens[i + 2].Value) || Relations.Contains(tokens[i + 2].Value))
            || text[tokens[i].End..tokens[i + 1].Start] is not " " || text[tokens[i + 1].End..tokens[i + 2].Start] is not " ")
        {
            return null;
        }

        var name = tokens[i + 1];
        var surname = (IsPlainCapitalised(name) && IsUnlistedWord(name))
            || (IsLower(name) && name.Length >= 3 && NameLexicon.IsSurname(name.Value) && IsUnlistedWord(name));
        return surname && !context.IsStaffSurname(name.Value) && !IsFollowedByPlace(text, tokens[i + 2].End)
            && !FamilyThing.IsMatch(text.AsSpan(tokens[i + 2].End))
            ? i + 1
            : null;
    }

    // "the Haddads want a second opinion": a family by its surname in the plural, doing what a patient's family does.
    private static int? PluralFamily(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || !tokens[i].Value.Equals("the", StringComparison.OrdinalIgnoreCase)
            || text[tokens[i].End..tokens[i + 1].Start] is not " ")
        {
            return null;
        }

        var name = tokens[i + 1];
        var stem = name.Value.EndsWith("es", StringComparison.Ordinal) && NameLexicon.IsSurname(name.Value[..^2])
            ? name.Value[..^2]
            : name.Value[..^1];
        return name.Length >= 5 && name.Value.EndsWith('s') && IsPlainCapitalised(name) && IsUnlistedWord(name)
            && NameLexicon.IsSurname(stem) && !NameLexicon.IsEnglishWord(stem) && !context.IsStaffSurname(stem)
            && FamilyDoes.IsMatch(text.AsSpan(name.End, Math.Min(60, text.Length - name.End)))
            ? i + 1
            : null;
    }

    private static readonly Regex FamilyDoes = new(
        @"^\s+(want|wanted|asked|are|were|called|said|say|need|requested|request|came|left|brought|refused|declined|signed|"
            + @"visited|have\s+(asked|called|requested)|keep)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // The naming convention itself, not a newborn: "Baby Girl Lastname", "Baby Boy or Baby Girl plus the mom's last name".
    private static readonly HashSet<string> NamingPlaceholders = new(
        ["Lastname", "LastName", "Surname", "Last", "Name", "Mom", "Mother", "Mothers", "Moms", "Baby", "Boy", "Girl", "Plus", "Xxx",
            "Doe"],
        StringComparer.Ordinal);

    // "the Kowalczyk daughter called again": one relative, by the family's surname.
    private static readonly HashSet<string> Relations = new(
        ["daughter", "son", "wife", "husband", "mom", "dad", "mother", "father", "sister", "brother", "grandson", "granddaughter",
            "grandma", "grandpa", "widow", "widower", "niece", "nephew", "aunt", "uncle", "cousin", "baby", "boy", "girl", "kid",
            "gentleman", "lady", "woman", "man", "fella", "gent"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> FamilyWords =
        new(["family", "kids", "children", "twins", "triplets", "boys", "girls", "siblings", "sisters", "brothers"],
            StringComparer.OrdinalIgnoreCase);

    // "Brennan family wants the chaplain called", "Okwuosa family asked for a copy": a family by its surname at the start of a text.
    private static int? FamilyAtStart(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || !IsSentenceStart(text, tokens[i]) || !FamilyWords.Contains(tokens[i + 1].Value)
            || text[tokens[i].End..tokens[i + 1].Start] is not " " || !IsPlainCapitalised(tokens[i]) || !IsUnlistedWord(tokens[i])
            || context.IsStaffSurname(tokens[i].Value) || IsFollowedByPlace(text, tokens[i + 1].End)
            || FamilyThing.IsMatch(text.AsSpan(tokens[i + 1].End)))
        {
            return null;
        }

        return i;
    }

    // "her son Abdirahman", "Tesfaye's brother Dawit": a given name right after a relation is a patient's relative.
    private static int? RelativeName(string text, List<Token> tokens, int i, PhiContext context)
    {
        var token = tokens[i];
        // After a relation, a name that also names a hospital is a name: "his wife Lourdes Tanedo", "her daughter Mercy".
        var placeName = IsPlainCapitalised(token) && NameLexicon.IsNotName(token.Value) && NameLexicon.IsListedGiven(token.Value);
        if (i == 0 || !(IsCandidate(token) || placeName || (IsLower(token) && token.Length >= 3 && NameLexicon.IsAnyName(token.Value)
            && !NameLexicon.IsEnglishWord(token.Value))) || (!IsUnlistedWord(token) && !NameLexicon.IsAnyName(token.Value) && !placeName)
            || !RelativeBefore.IsMatch(text.AsSpan(Math.Max(0, token.Start - 60), token.Start - Math.Max(0, token.Start - 60))))
        {
            return null;
        }

        var end = IsCandidate(token) || placeName ? NameEnd(tokens, text, i, capitalisedOnly: true) - 1 : i;
        return context.IsStaff(token.Value, tokens[end].Value) || context.IsStaffSurname(tokens[end].Value) ? null : end;
    }

    // Hmong names typed in lower case open with "pa", "nhia", "kia" before the given name and clan: "pa nhia vang refused the
    // flu shot" at the start of a text, before what happens to a patient (a physician assistant is "PA", with a surname).
    private static int? HmongTitledName(string text, List<Token> tokens, int i)
    {
        var lower = tokens[i].Value is "pa" or "nhia" or "kia" or "mai" or "yer";
        var capital = tokens[i].Value is "Pa" or "Nhia" or "Kia" or "Mai" or "Yer";
        if (i + 2 >= tokens.Count || !(lower || capital) || !IsSentenceStart(text, tokens[i])
            || !(lower ? IsLower(tokens[i + 1]) && IsLower(tokens[i + 2])
                : IsPlainCapitalised(tokens[i + 1]) && IsPlainCapitalised(tokens[i + 2]))
            || text[tokens[i].End..tokens[i + 1].Start] is not " "
            || text[tokens[i + 1].End..tokens[i + 2].Start] is not " " || NameLexicon.IsEnglishWord(tokens[i + 2].Value)
            || NameLexicon.IsEnglishWord(tokens[i + 1].Value) || !NameLexicon.IsAnyName(tokens[i + 2].Value))
        {
            return null;
        }

        var end = tokens[i + 2].End;
        return CareAfter.IsMatch(text.AsSpan(end, Math.Min(60, text.Length - end))) ? i + 2 : null;
    }

    // Karen and Burmese names open with a word of standing or sex, "Naw", "Saw", "Daw", "Nan", "Sai", "Mahn", "Maung", before one
    // or two more: "consent for Naw Paw Htoo", "Saw Eh Moo's wristband"; the last a name the lists hold, in a text about care.
    private static int? BurmeseTitledName(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || tokens[i].Value is not ("Naw" or "Saw" or "Daw" or "Nan" or "Sai" or "Mahn" or "Maung")
            || Between(text, tokens[i], tokens[i + 1]) is not " " || !IsPlainCapitalised(tokens[i + 1]))
        {
            return null;
        }

        var end = i + 1;
        if (end + 1 < tokens.Count && text[tokens[end].End..tokens[end + 1].Start] is " " && IsPlainCapitalised(tokens[end + 1])
            && NameLexicon.IsAnyName(tokens[end + 1].Value))
        {
            end++;
        }

        var last = tokens[end];
        var atStart = IsSentenceStart(text, tokens[i]);
        var names = Enumerable.Range(i + 1, end - i).Select(k => tokens[k]).ToList();
        return (end > i + 1 || !atStart) && names.Any(t => NameLexicon.IsAnyName(t.Value) && !NameLexicon.IsEnglishWord(t.Value))
            && names.All(t => !NameLexicon.IsNotName(t.Value) && (t.Length <= 3 || IsUnlistedWordOrName(t)))
            && !context.IsStaffSurname(last.Value) && !context.IsStaff(tokens[i + 1].Value, last.Value)
            && !IsFollowedByRole(text, last.End) && (PatientContext.IsMatch(text) || CareWords.IsMatch(text))
            ? end
            : null;
    }

    // What stands between two words, without copying it.
    private static ReadOnlySpan<char> Between(string text, Token first, Token next) => text.AsSpan(first.End, next.Start - first.End);

    private static bool IsUnlistedWordOrName(Token token) => IsUnlistedWord(token) || NameLexicon.IsAnyName(token.Value);

    // Lakota, Navajo and other surnames of English words after a given name, before what happens to a patient: "Darnell Two
    // Bulls came in from Pine Ridge", "Marlene Red Cloud's glucometer", "Vernon Little Thunder readmit".
    private static int? EnglishWordSurname(string text, List<Token> tokens, int i, PhiContext context)
    {
        // "shaylee wolf tail missed her telehealth": the same typed in lower case, opening a text.
        var lower = i + 2 < tokens.Count && IsLower(tokens[i]) && IsLower(tokens[i + 1]) && IsLower(tokens[i + 2])
            && IsSentenceStart(text, tokens[i]) && !FunctionWords.Contains(tokens[i + 1].Value)
            && !FunctionWords.Contains(tokens[i + 2].Value);
        if (i + 2 >= tokens.Count || !(lower || IsPlainCapitalised(tokens[i])) || Between(text, tokens[i], tokens[i + 1]) is not " "
            || Between(text, tokens[i + 1], tokens[i + 2]) is not " " || !NameLexicon.IsUnambiguousGiven(tokens[i].Value))
        {
            return null;
        }

        var (a, b) = (tokens[i + 1], tokens[i + 2]);
        var english = (lower || (IsPlainCapitalised(a) && IsPlainCapitalised(b))) && NameLexicon.IsEnglishWord(a.Value)
            && NameLexicon.IsEnglishWord(b.Value) && !NameLexicon.IsNotName(a.Value) && !NameLexicon.IsNotName(b.Value)
            && !NameLexicon.IsOrganisation(a.Value) && !NameLexicon.IsOrganisation(b.Value) && !NameLexicon.IsRole(b.Value);
        return english && !context.IsStaff(tokens[i].Value, b.Value) && !IsPrecededByRole(text, tokens, i)
            && !IsFollowedByPlace(text, b.End) && !IsFollowedByRole(text, b.End)
            && CareAfter.IsMatch(text.AsSpan(b.End, Math.Min(60, text.Length - b.End)))
            ? i + 2
            : null;
    }

    private static readonly Regex VietnameseMiddle =
        new(@"^\s(van|thi|văn|thị)\s(?<g>\p{L}+)\b", Options | RegexOptions.IgnoreCase, Timeout);

    // A Vietnamese name, family name first with "Van" or "Thi" in the middle: "tran van hung", "Pham Thi Mai". The middle word
    // makes it a name even when the given name is also a word ("Hung", "Long", "Lan").
    private static int? VietnameseName(string text, List<Token> tokens, int i, PhiContext context)
    {
        var first = tokens[i];
        if (first.Length < 2 || !(IsPlainCapitalised(first) || IsLower(first)) || !NameLexicon.IsSurname(first.Value)
            || NameLexicon.IsEnglishWord(first.Value) || NameLexicon.IsNotName(first.Value))
        {
            return null;
        }

        var m = VietnameseMiddle.Match(text, first.End, Math.Min(30, text.Length - first.End));
        var given = m.Groups["g"];
        if (!m.Success || !NameLexicon.IsAnyName(given.Value) || NameLexicon.IsNotName(given.Value)
            || IsLower(first) != given.Value.All(c => char.IsLower(c)) || context.IsStaff(given.Value, first.Value)
            || context.IsStaffSurname(first.Value))
        {
            return null;
        }

        // Staff have such names too: "send the checklist to Bui Thi Mai at the vendor".
        var end = tokens.FindIndex(i, t => t.End == given.Index + given.Length);
        var after = text.AsSpan(given.Index + given.Length, Math.Min(60, text.Length - given.Index - given.Length));
        return end > i && !IsPrecededByRole(text, tokens, i) && !IsFollowedByRole(text, given.Index + given.Length)
            && (PatientContext.IsMatch(text) || CareAfter.IsMatch(after))
            ? end
            : null;
    }

    // A Korean name, the given name's two syllables joined by a hyphen, then a family name of one syllable the lists hold, before a
    // patient's things: "jin-soo oh's pt education videos", "Hye-jin Ko's meds".
    private static readonly HashSet<string> KoreanFamilies = new(
        ["Kim", "Lee", "Yi", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang",
            "Lim", "Im", "Han", "Oh", "Seo", "Suh", "Shin", "Sin", "Kwon", "Hwang", "Ahn", "An", "Song", "Yoo", "Yu", "Hong", "Jeon",
            "Jun", "Ko", "Go", "Moon", "Mun", "Yang", "Son", "Bae", "Baek", "Paik", "Heo", "Hur", "Nam", "Noh", "Roh", "Ha", "Kwak",
            "Sung", "Seong", "Cha", "Joo", "Ju", "Woo", "Min", "Ryu", "Na", "Jin", "Um", "Eom", "Chae", "Won", "Cheon", "Bang", "Gong"],
        StringComparer.OrdinalIgnoreCase);

    private static int? KoreanName(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || Between(text, tokens[i], tokens[i + 1]) is not " ")
        {
            return null;
        }

        // Family name first, as Korean registers write it: "Park Soon-ja prefers Korean", "choi min-jun in ED bay 7".
        if (KoreanFamilies.Contains(tokens[i].Value)
            && tokens[i + 1].Value.Split('-') is [{ Length: >= 2 and <= 4 } p1, { Length: >= 2 and <= 4 } p2]
            && !(NameLexicon.IsEnglishWord(p1) && NameLexicon.IsEnglishWord(p2))
            && ((IsLower(tokens[i]) && IsLower(tokens[i + 1])) || (IsPlainCapitalised(tokens[i]) && IsPlainCapitalised(tokens[i + 1])))
            && !context.IsStaff(tokens[i + 1].Value, tokens[i].Value) && (CareWords.IsMatch(text) || PatientContext.IsMatch(text)))
        {
            return i + 1;
        }

        var (given, family) = (tokens[i], tokens[i + 1]);
        var parts = given.Value.Split('-');
        var shape = parts.Length == 2 && parts.All(p => p.Length is >= 2 and <= 4 && !NameLexicon.IsEnglishWord(p))
            && ((IsLower(given) && IsLower(family)) || (IsPlainCapitalised(given) && IsPlainCapitalised(family)));
        return shape && family.Length <= 4 && NameLexicon.IsSurname(family.Value) && !NameLexicon.IsNotName(family.Value)
            && !context.IsStaff(given.Value, family.Value) && !context.IsStaffSurname(family.Value)
            && CareAfter.IsMatch(text.AsSpan(family.End, Math.Min(60, text.Length - family.End)))
            ? i + 1
            : null;
    }

    private static bool SingleNameAtStart(string text, List<Token> tokens, int i, PhiContext context)
    {
        var token = tokens[i];
        if (token.Length < 3 || !(IsPlainCapitalised(token) || IsLower(token)) || !IsSentenceStart(text, token)
            || !NameLexicon.IsAnyName(token.Value) || !IsUnlistedWord(token) || context.IsStaffGivenName(token.Value)
            || context.IsStaffSurname(token.Value))
        {
            return false;
        }

        return SingleNameAfter.IsMatch(text.AsSpan(token.End, Math.Min(80, text.Length - token.End))) && !IsFollowedByRole(text, token.End);
    }

    // After a lone given name, what only a patient has: their own chart or results, a bed on a ward and what happens there.
    private static readonly Regex SingleNameAfter = new(
        @"^'s\s+((new|old|own|last|first|current)\s+)?(chart|meds|labs|results?|allerg[a-z]*|vitals|wristband|armband|portal|mychart|"
            + @"mrn|ultrasound|mri|ct|x-?ray|echo|ekg|biopsy|surgery|dialysis|infusion|insulin|heparin|pcp|discharge|admission|"
            + @"prescription|rx|mom|dad|mother|father|wife|husband|son|daughter|twin|family|kids|children|proxy|"
            + @"consent|belongings|caregiver)\b"
        + @"|^\s+(on|in)\s+(bed\s+|room\s+|rm\s+)?([0-9]{1,4}[a-z]{0,2}|peds|picu|nicu|micu|sicu|icu|ed|er|l&d|the\s+ed)\s+"
            + @"((again|still|today|tonight|last\s+night|this\s+am)\s+)?(is|was|needs|wants|asked|called|had|has|refused|declined|"
            + @"missed|fell|slipped|requested|speaks|only\s+speaks|keeps|can't|cant|won't|wont)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // "patient" as typed in a hurry: "paitent", "pateint", "patinet" (its letters, first and last in place).
    private static bool IsPatientCue(string word) =>
        PatientCues.Contains(word)
            || (word.Length == 7 && (word[0] is 'p' or 'P') && (word[^1] is 't' or 'T')
                && word.ToLowerInvariant().Order().SequenceEqual("patient".Order()));

    private static string StripPossessive(string word) => word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) ? word[..^2] : word;

    private static void MarkUsed(bool[] used, int from, int to)
    {
        for (var k = from; k <= to; k++)
        {
            used[k] = true;
        }
    }

    private static bool IsCapitalised(Token token) =>
        char.IsUpper(token.Value[0]) && token.Value.Skip(1).Any(char.IsLower);

    private static bool IsInitial(Token token) => token.Length == 1 && char.IsUpper(token.Value[0]);

    // A capitalised word that may be a name: not a calendar, product, unit or project word.
    private static bool IsCandidate(Token token) => IsCapitalised(token) && !NameLexicon.IsNotName(token.Value);

    // The end (exclusive) of a name starting at 'from': up to three words, initials included.
    private static int NameEnd(List<Token> tokens, string text, int from, bool capitalisedOnly)
    {
        var end = from;
        while (end < tokens.Count && end - from < 3)
        {
            var token = tokens[end];
            var gap = end == from ? " " : text[tokens[end - 1].End..token.Start];
            var joined = gap is " " || (gap is ". " && end > from && IsInitial(tokens[end - 1]));
            if (!joined || !(IsCandidate(token) || IsInitial(token) || (!capitalisedOnly && IsLexiconWord(token))))
            {
                break;
            }

            end++;
        }

        // A trailing initial is a sentence's "I" or "A", not part of the name.
        while (end > from + 1 && IsInitial(tokens[end - 1]))
        {
            end--;
        }

        return Math.Max(end, from + 1);
    }

    private static bool IsLexiconWord(Token token) =>
        (NameLexicon.IsUnambiguousGiven(token.Value) || NameLexicon.IsSurname(token.Value)) && !NameLexicon.IsNotName(token.Value);

    // After "patient"/"pt": a capitalised word that is not a product word ("Patient Portal"), or, after
    // a strong cue ("Patient: john smith", "patient called ..."), a lower-case word from the lexicon.
    private static (int From, int To)? PatientName(string text, List<Token> tokens, int cue)
    {
        var j = cue + 1;
        var strong = false;
        while (j < tokens.Count && j - cue <= 3 && CueConnectors.Contains(tokens[j].Value))
        {
            strong |= !tokens[j].Value.Equals("is", StringComparison.OrdinalIgnoreCase)
                && !tokens[j].Value.Equals("was", StringComparison.OrdinalIgnoreCase);
            j++;
        }

        if (j >= tokens.Count)
        {
            return null;
        }

        var gap = text[tokens[j - 1].End..tokens[j].Start];
        if (gap.Trim() is not ("" or ":" or "." or "=" or "-" or ","))
        {
            return null;
        }

        strong |= gap.Contains(':', StringComparison.Ordinal) || gap.Contains('=', StringComparison.Ordinal);
        var first = tokens[j];
        if (IsCandidate(first))
        {
            // "Patient SafetyNet", "Patient TrackBoard": a product's camel case, unless the lists know the name ("LaToya").
            return IsPlainCapitalised(first) || NameLexicon.IsAnyName(first.Value)
                ? (j, NameEnd(tokens, text, j, capitalisedOnly: true) - 1)
                : null;
        }

        if (!char.IsLower(first.Value[0]))
        {
            return null;
        }

        if (strong && IsLexiconWord(first))
        {
            return (j, NameEnd(tokens, text, j, capitalisedOnly: false) - 1);
        }

        // "pt maria gonzalez can't log in", "patient okonkwo's meds": typed in lower case, a name
        // is a word of the name lists that is not an English word, or an English one ("maria",
        // "rose") with such a word after it.
        return LowerNameEnd(text, tokens, j) is { } end ? (j, end - 1) : null;
    }

    private static (int From, int To)? NamedAfter(string text, List<Token> tokens, int i)
    {
        if (i == 0 || i + 2 >= tokens.Count || !tokens[i].Value.Equals("name", StringComparison.OrdinalIgnoreCase)
            || !NameOwners.Contains(StripPossessive(tokens[i - 1].Value)))
        {
            return null;
        }

        var j = i + 1;
        if (tokens[j].Value is "is" or "was")
        {
            j++;
        }
        else if (text[tokens[i].End..tokens[j].Start].Trim() is not ":")
        {
            return null;
        }

        if (j >= tokens.Count || text[tokens[j - 1].End..tokens[j].Start].Trim() is not ("" or ":"))
        {
            return null;
        }

        if (IsCandidate(tokens[j]))
        {
            return (j, NameEnd(tokens, text, j, capitalisedOnly: true) - 1);
        }

        return IsLower(tokens[j]) && !NameLexicon.IsEnglishWord(tokens[j].Value) && tokens[j].Length >= 3
            ? (j, (LowerNameEnd(text, tokens, j) ?? j + 1) - 1)
            : null;
    }

    // Whose name: "her name is", "pt's last name is".
    private static readonly HashSet<string> NameOwners = new(
        ["his", "her", "their", "pt", "patient", "last", "first", "maiden", "legal", "preferred", "middle", "whose", "baby's", "mom's",
            "dad's"],
        StringComparer.OrdinalIgnoreCase);

    // The end (exclusive) of a lower-case name at 'from', or null when the words there are not one.
    private static int? LowerNameEnd(string text, List<Token> tokens, int from)
    {
        bool IsOddName(int at) =>
            at < tokens.Count && IsLower(tokens[at]) && tokens[at].Length >= 3 && NameLexicon.IsAnyName(tokens[at].Value)
                && !NameLexicon.IsEnglishWord(tokens[at].Value)
                && (at == from || text[tokens[at - 1].End..tokens[at].Start] is " ");

        // Two words no list knows, after the cue: "pt sione tupou", "patient wanjiru kamau".
        bool IsUnknownWord(int at) =>
            at < tokens.Count && IsLower(tokens[at]) && tokens[at].Length >= 4 && IsUnlistedWord(tokens[at])
                && !NameLexicon.IsAnyName(tokens[at].Value)
                && !EnglishEnding.IsMatch(tokens[at].Value) && (at == from || text[tokens[at - 1].End..tokens[at].Start] is " ");

        int end;
        if (IsOddName(from))
        {
            end = from + 1;
        }
        else if (IsLower(tokens[from]) && NameLexicon.IsAnyName(tokens[from].Value) && IsOddName(from + 1))
        {
            end = from + 2;
        }
        else if (IsUnknownWord(from) && (IsOddName(from + 1) || IsUnknownWord(from + 1)))
        {
            end = from + 2;
        }
        else
        {
            return null;
        }

        while (end - from < 3 && IsOddName(end))
        {
            end++;
        }

        return end;
    }

    private static bool IsLower(Token token) => token.Value.All(c => !char.IsLetter(c) || char.IsLower(c));

    // A person's title and the name after it: "Mrs. Okafor", "Mr Nguyen", and as typed in a hurry,
    // "mrs. chen", "mr okafor". "ms" and "miss" are also words ("200 ms", "miss the window"), so after
    // them in lower case the name must be one no English word spells.
    private static int? TitledNameEnd(string text, List<Token> tokens, int i)
    {
        var title = tokens[i].Value;
        var capitalTitle = NameLexicon.IsPersonTitle(title);
        var lowerTitle = title is "mr" or "mrs" or "mx" or "MR" or "MRS";
        var wordTitle = title is "ms" or "miss";
        if ((!capitalTitle && !lowerTitle && !wordTitle) || i + 1 >= tokens.Count
            || text[tokens[i].End..tokens[i + 1].Start] is not (" " or ". "))
        {
            return null;
        }

        var next = tokens[i + 1];

        // "Mr. Clean wipes": an English word no name list holds is a brand, not a person.
        if (IsCandidate(next) && NameLexicon.IsEnglishWord(next.Value) && !NameLexicon.IsAnyName(next.Value))
        {
            return null;
        }

        if (IsCandidate(next) && (!wordTitle || NameLexicon.IsAnyName(next.Value)))
        {
            return NameEnd(tokens, text, i + 1, capitalisedOnly: true);
        }

        if (IsUnknownAfterTitle(tokens[i], next))
        {
            return i + 2;
        }

        if (!IsLower(next) || !NameLexicon.IsAnyName(next.Value))
        {
            return null;
        }

        if (wordTitle && NameLexicon.IsEnglishWord(next.Value))
        {
            return null;
        }

        return LowerNameEnd(text, tokens, i + 1) ?? i + 2;
    }

    // After "mr"/"mrs" typed in lower case, a word no list or dictionary knows is a name too ("mr whitefeather").
    private static bool IsUnknownAfterTitle(Token title, Token next) =>
        title.Value is "mr" or "mrs" or "Mr" or "Mrs" or "MR" or "MRS" && IsLower(next) && next.Length >= 3 && IsUnlistedWord(next);

    // Two words that spell no English word, product or unit, in a text about a patient ("pharmacy
    // verified Ravi Chandrasekhar's drip", "Tesfaye Gebremariam's labs"): a name the lists may not
    // hold. Lower-case words must be from the name lists ("ravi chandrasekhar's drip").
    private static int? ContextName(string text, List<Token> tokens, int i, ref bool? patientContext)
    {
        // A given name that is also a word, then a surname no English word spells, about a patient: "Precious Dlamini's insurance".
        if (i + 1 < tokens.Count && IsPlainCapitalised(tokens[i]) && IsPlainCapitalised(tokens[i + 1])
            && text[tokens[i].End..tokens[i + 1].Start] is " " && NameLexicon.IsAnyName(tokens[i].Value)
            && NameLexicon.IsAnyName(tokens[i + 1].Value) && IsUnlistedWord(tokens[i + 1])
            && (text.AsSpan(tokens[i + 1].End).StartsWith("'s", StringComparison.OrdinalIgnoreCase)
                || (patientContext ??= PatientContext.IsMatch(text)) == true))
        {
            return i + 1;
        }

        // Most words are English: that ends it before anything else is looked up.
        if (i + 1 >= tokens.Count || tokens[i].Length < 2 || NameLexicon.IsEnglishWord(tokens[i].Value)
            || tokens[i + 1].Start - tokens[i].End != 1 || text[tokens[i].End] != ' ')
        {
            return null;
        }

        var (a, b) = (tokens[i], tokens[i + 1]);
        var capitalised = IsPlainCapitalised(a) && IsPlainCapitalised(b);
        var bothLower = IsLower(a) && IsLower(b);
        if (!capitalised && !bothLower)
        {
            return null;
        }

        var lower = bothLower && NameLexicon.IsAnyName(a.Value) && NameLexicon.IsAnyName(b.Value);

        var careAfter = CareAfter.IsMatch(text.AsSpan(b.End, Math.Min(60, text.Length - b.End)))
            || (capitalised && IsSentenceStart(text, a) && PatientDoesAfter.IsMatch(text.AsSpan(b.End, Math.Min(60, text.Length - b.End))));

        // At the start of a text, typed in lower case before a patient's things, one part from the lists will do: "faadumo cali's kids".
        // Or none, when the possessive gives a patient's kin or things: "losaline vaipulu's aunt", "teuila faamausili's appts".
        var lowerAtStart = bothLower && b.Length >= 3 && careAfter && IsSentenceStart(text, a)
            && (NameLexicon.IsAnyName(a.Value) || NameLexicon.IsAnyName(b.Value)
                || (a.Length >= 4 && b.Length >= 4 && text.AsSpan(b.End).StartsWith("'s", StringComparison.OrdinalIgnoreCase)
                    && !ChatWords.Contains(a.Value) && !ChatWords.Contains(b.Value) && !EnglishEnding.IsMatch(a.Value)
                    && !EnglishEnding.IsMatch(b.Value)));
        // Compound surnames of English words after a given name, before a patient's things: "lena standing-elk's glucometer".
        var compound = careAfter && b.Value.Contains('-', StringComparison.Ordinal) && NameLexicon.IsAnyName(a.Value);

        // Three words typed in lower case at the start, the first a given name, before a patient's things: "yaa boatemaa asante wants
        // her records".
        if (bothLower && IsSentenceStart(text, a) && NameLexicon.IsAnyName(a.Value) && IsUnlistedWord(a) && IsUnlistedWord(b)
            && i + 2 < tokens.Count && IsLower(tokens[i + 2]) && text[b.End..tokens[i + 2].Start] is " " && IsUnlistedWord(tokens[i + 2])
            && NameLexicon.IsAnyName(tokens[i + 2].Value)
            && CareAfter.IsMatch(text.AsSpan(tokens[i + 2].End, Math.Min(60, text.Length - tokens[i + 2].End))))
        {
            return i + 2;
        }

        // A surname that is also a word, after a given name no word spells, before a patient's things: "wang fang's son called".
        // Capitalised at a text's start, the given name may be one no list holds: "Amadou Sow's sats", "Hina Sheikh's mother".
        var wordSurname = ((lowerAtStart && NameLexicon.IsAnyName(a.Value) && NameLexicon.IsAnyName(b.Value))
                || (capitalised && careAfter && a.Length >= 3 && IsSentenceStart(text, a) && NameLexicon.IsSurname(b.Value)
                    && !ChatWords.Contains(a.Value)))
            && !NameLexicon.IsNotName(b.Value)
            && text.AsSpan(b.End).StartsWith("'s", StringComparison.OrdinalIgnoreCase);
        if ((!capitalised && !lower && !lowerAtStart) || !IsUnlistedWord(a) || (!IsUnlistedWord(b) && !compound && !wordSurname))
        {
            return null;
        }

        if (lowerAtStart && !lower)
        {
            return i + 1;
        }

        var bothListed = (capitalised && NameLexicon.IsAnyName(a.Value) && NameLexicon.IsAnyName(b.Value)) || lower;

        // A third capitalised word makes it an organisation or a product ("Kaiser Permanente Northwest"),
        // unless the first two are names ("Fatima Zahra Benali").
        var capitalBefore = i > 0 && text[tokens[i - 1].End..a.Start] is " " && IsCapitalised(tokens[i - 1])
            && !IsSentenceStart(text, tokens[i - 1]);
        var capitalAfter = i + 2 < tokens.Count && text[b.End..tokens[i + 2].Start] is " " && IsCapitalised(tokens[i + 2]);
        if (capitalised && !bothListed && (capitalBefore || capitalAfter))
        {
            return null;
        }

        if (IsFollowedByPlace(text, b.End))
        {
            return null;
        }

        // Both from the name lists and neither an English word: "Rashid Mahmoud" is a name wherever it stands.
        if (bothListed)
        {
            var third = i + 2 < tokens.Count && text[b.End..tokens[i + 2].Start] is " "
                && IsPlainCapitalised(tokens[i + 2]) && IsUnlistedWord(tokens[i + 2]);
            return third ? i + 2 : i + 1;
        }

        // A given name that is no English word, then a surname no list holds: "Omar Haidari", "Ravi Xyz".
        if (capitalised && NameLexicon.IsUnambiguousGiven(a.Value) && !NameLexicon.IsAnyName(b.Value) && b.Length >= 4
            && !(i + 2 < tokens.Count && text[b.End..tokens[i + 2].Start] is " " && IsCapitalised(tokens[i + 2])))
        {
            return i + 1;
        }

        patientContext ??= PatientContext.IsMatch(text);
        if (patientContext == true || careAfter)
        {
            return i + 1;
        }

        // With one part a name from the lists, less context will do: a possessive ("Amara Nwankwo's vanc")
        // or a word of a patient's care anywhere ("the portal linked Ifeanyi Chukwu to ...").
        var listed = NameLexicon.IsAnyName(a.Value) || NameLexicon.IsAnyName(b.Value);
        var possessive = text.AsSpan(b.End).StartsWith("'s", StringComparison.OrdinalIgnoreCase);
        return listed && (possessive || CareWords.IsMatch(text)) ? i + 1 : null;
    }

    // Chat shorthand and typos no dictionary holds, never a name: "pls", "thx", "didnt", "tmrw".
    private static readonly HashSet<string> ChatWords = new(
        ["pls", "plz", "thx", "thanx", "tmrw", "tmr", "tomm", "asap", "fyi", "btw", "lol", "omg", "idk", "imo", "eod", "eta", "hrs",
            "mins", "msg", "msgs", "pts", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "shouldnt", "couldnt",
            "wouldnt", "thats", "whats", "theres", "ive", "youre", "theyre", "dont", "yall", "gonna", "wanna", "gotta", "kinda", "nvm",
            "rly", "prob", "probs", "def", "obv", "tbd", "tba", "wfh", "ooo", "pto", "appt", "appts", "reqs", "req", "dept", "depts",
            "mgmt", "admin", "sched", "pharm", "resp", "cardio", "gastro", "pulm", "nephro", "endo", "rehab", "hosp", "bldg",
            "fwiw", "afaik", "sry", "pre-op", "post-op", "tues", "thur", "thurs", "weds", "tomorow", "tommorow", "recieved", "teh",
            "alot", "evry", "sitrep", "huddle", "downtime", "go-live", "golive", "cutover", "epic", "hl7", "fhir",
            // Months, days and services as the ward shortens them.
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
            "sat", "sun", "rad", "rads", "radi", "path", "micro", "derm", "psych", "cards", "gyn", "uro", "heme", "ent", "mammo", "echo",
            "anes", "anesth", "resp", "neph", "ophtho", "optho", "hospitalists", "tele", "telesitter",
            // Diseases and signs named after people: "Parkinson's med timing", "Crohn's diet".
            "parkinson", "alzheimer", "crohn", "hodgkin", "addison", "cushing", "graves", "hashimoto", "huntington", "tourette",
            "raynaud", "guillain", "barre", "asperger", "kawasaki", "meniere", "wilms", "kaposi", "lyme", "bell", "down", "apgar",
            "braden", "morse", "glasgow", "foley", "swan", "ganz", "heimlich", "trendelenburg", "babinski"],
        StringComparer.OrdinalIgnoreCase);

    // A word that may be a patient's name where ward talk puts one: no English, product, unit or calendar word, no shorthand, no
    // one on the roster; typed in lower case, not a word with an English ending or a contraction.
    // Parts of two letters make a tech word, not a name: "Wi-Fi on 4 West", "E-Rx".
    private static bool IsWardWord(Token token, PhiContext context) =>
        token.Length >= 3 && IsUnlistedWord(token) && !ChatWords.Contains(token.Value)
            && token.Value.Split('-').All(part => part.Length >= 3)
            && (IsPlainCapitalised(token) || (IsLower(token) && !EnglishEnding.IsMatch(token.Value)
                && !token.Value.Contains('\'', StringComparison.Ordinal)))
            && !context.IsStaffGivenName(token.Value) && !context.IsStaffSurname(token.Value);

    // Where a patient lies: "in 6", "in bay 7", "in ED bay 4", "in NICU 4", "on 5 south"; not a time ("in 6 weeks") or a version.
    private static readonly Regex WardSlotAfter = new(
        @"^(\s+baby)?\s+(in|on)\s+((the\s+)?(nicu|picu|icu|micu|sicu|cvicu|ed|er|pacu|l&d|trauma|peds|obs?)\s+)?((bed|bay|room|rm|pod|"
            + @"crib|isolette)\s+)?#?[0-9]{1,4}[a-z]?(\s*(north|south|east|west|[nsew])\b)?(?![0-9]|\s*(weeks?|wks?|days?|hours?|"
            + @"hrs?|mins?|minutes?|months?|mos?|years?|yrs?|%|am\b|pm\b|secs?|seconds|ms\b|percent|of\b|out\s+of|x\b)|[/:.,][0-9])",
        Options | RegexOptions.IgnoreCase, Timeout);

    // After the name, a patient's own things ("'s glucometer", "(pt's daughter)"), or at a text's start with no possessive
    // ("Tesfaye insulin still on hold", "Kalogeropoulos drip ran dry", "dorothea vlachos fall risk flag").
    private static readonly Regex CareNounAfter = new(
        @"^(?<own>'s)?\s+((new|home|iv|am|pm|last|old|current|sliding\s+scale)\s+)?(drips?|insulin|heparin|meds?|medications?|labs?|"
            + @"results|chart|allerg[a-z]*|vitals|wristband|armband|glucometer|glucose|sugars?|oxygen|o2|pumps?|fall\s+risk|sitter|"
            + @"dc\s+summary|discharge|dialysis|infusion|tray|diet|foley|picc|wound|pain|sats|bp|weight|readmit[a-z]*|admit|mar|"
            + @"code\s+status|consent|proxy|mychart|belongings|dressing|catheter|transfusion|isolation|pca|tpn|feeds?|"
            + @"(mom|dad|mother|father|wife|husband|son|daughter|grandson|granddaughter)\b(?!\s+(from|at|of)\b))\b"
        + @"|^\s*\((the\s+)?((pt|patient|his|her)'?s?\s+)?(daughter|son|wife|husband|mom|dad|mother|father|sister|brother|"
            + @"grandson|granddaughter|niece|nephew|partner|guardian)\)",
        Options | RegexOptions.IgnoreCase, Timeout);

    // After a name at a text's start, what a person does or has done to them: "raghunath iyer keeps getting billed".
    private static readonly Regex PersonAfter = new(
        @"^\s+(still\s+)?(keeps|kept|asked|asks|wants|wanted|needs|says|said|called|calls|refused|refuses|declined|fell|"
            + @"was\s+(seen|admitted|discharged|transferred|billed|here)|is\s+(asking|refusing|still|requesting|here|back)|"
            + @"got\s+(billed|charged|admitted|discharged)|has\s+been|came\s+(in|back)|left\s+ama|eloped)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // After two words no list knows at a text's start, what a patient does and a colleague does not: "… wont use the portal",
    // "… refused the flu shot", "… keeps calling about her bill", "… was admitted overnight".
    private static readonly Regex PatientDoesAfter = new(
        @"^\s+(still\s+)?(won'?t|will\s+not|refuses|refused|declines|declined|does\s?n'?t\s+want|did\s?n'?t\s+want|eloped|fell|"
            + @"left\s+ama|keeps\s+(calling|asking|getting|pulling|refusing|missing)|was\s+(admitted|discharged|readmitted|"
            + @"transferred|seen\s+in|brought\s+in)|got\s+(billed|charged|admitted|discharged)|came\s+(in|back)\s+(with|to|for|"
            + @"last|this|again)|is\s+(refusing|asking\s+for|requesting|still\s+waiting\s+for\s+(her|his|their))|"
            + @"(is|was)\s+the\s+one\s+(with|whose|who))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Before the name, what only a patient is given: rounds, a check, a discharge, a drip's rate, a kin word used as a title.
    private static readonly Regex WardSlotBefore = new(
        @"\b(rounded\s+on|round\s+on|rounding\s+on|check(ed|ing)?\s+on|look(ed|ing)?\s+in\s+on|dc'?ing|d/c'?ing|discharging|"
            + @"admitting|readmitting|roomed|rooming|triaged|(can'?t|cannot|couldn'?t|unable\s+to)\s+find|"
            + @"(drip|rate|dose|dosing|meds|labs|sitter|consult|insulin|heparin|transport|wheelchair|tray|diet|interpreter|bed|"
            + @"discharge|dc\s+summary|paperwork|wristband|armband|pump|vitals|results|referral|prescription|rx|allerg(y|ies)(\s+list)?|"
            + @"(med|medication|problem)\s+list|med\s+rec|chart|avs|dc\s+instructions|discharge\s+instructions)\s+for|"
            + @"grandma|grandpa|granny|grandmother|grandfather|nana|gramma|grampa|aunty|auntie|aunt|uncle|baby|abuela|abuelo|"
            + @"lola|lolo|tita|tito)\s+$",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex AskedAbout = new(
        @"^\s*,?\s+(about|re|regarding|if|whether|from|at\s+the\s+vendor|on\s+the\s+(call|bridge|thread|ticket))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static bool IsAfterWardSlot(string text, Token token)
    {
        var from = Math.Max(0, token.Start - 40);
        return WardSlotBefore.IsMatch(text.AsSpan(from, token.Start - from));
    }

    private static int? WardName(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (!IsWardWord(tokens[i], context))
        {
            return null;
        }

        var lower = IsLower(tokens[i]);
        var end = i;
        while (end + 1 < tokens.Count && end - i < 2 && text[tokens[end].End..tokens[end + 1].Start] is " "
            && IsWardWord(tokens[end + 1], context) && IsLower(tokens[end + 1]) == lower)
        {
            end++;
        }

        // Typed in lower case, one of its words must be from the name lists: typos and shorthand are not names. At the start of
        // a message a capital says nothing either, so there too only a listed name goes on a care noun alone ("Barcode
        // medication administration" is a project, "Tesfaye insulin still on hold" a patient).
        var listed = Enumerable.Range(i, end - i + 1).Any(k => NameLexicon.IsAnyName(tokens[k].Value));
        var after = text.AsSpan(tokens[end].End, Math.Min(80, text.Length - tokens[end].End));
        if (lower && !listed)
        {
            // Unless two such words open the text before a patient's notes or results: "chaltu gemechu ED triage note missing".
            return end > i && IsSentenceStart(text, tokens[i]) && tokens[i].Length >= 4 && tokens[end].Length >= 4
                && RecordAtStart.IsMatch(after)
                ? end
                : null;
        }

        var atStart = IsSentenceStart(text, tokens[i]);
        var care = CareNounAfter.Match(text, tokens[end].End, Math.Min(80, text.Length - tokens[end].End));
        // "check on Haugen about the feed": a colleague is asked about things; a patient is not.
        if (AskedAbout.IsMatch(after))
        {
            return null;
        }

        return IsAfterWardSlot(text, tokens[i]) || WardSlotAfter.IsMatch(after)
            || (care.Success && ((atStart && listed) || care.Groups["own"].Success || care.Value.TrimStart().StartsWith('(')))
            || (atStart && listed && end > i && PersonAfter.IsMatch(after))
            ? end
            : null;
    }

    // A text about a patient's care or papers: what a ward or a registration desk types around a name.
    private static readonly Regex RecordTalk = new(
        @"\b(wristbands?|armbands?|labels?|charts?|bed\s?board|bed\s+request|advance\s+directive|registration|registered|"
            + @"reminders?|interpreter|images|consent|drips?|obs|ed|er|admit(ted)?|mrn|dup(licate)?\s+(account|mrn|record|chart|"
            + @"profile)|proxy|encounters?|avs|pts?|patients?|discharged?|dc'?d|allerg[a-z]*|meds|labs|results|ct|mri|x-?rays?|scans?|"
            + @"troughs?|vanco|heparin|insulin|trays?|diet|telehealth|appts?|appointments?|dnr|code\s+status|full\s+code|snf|erx|"
            + @"prescriptions?|rx|refills?|vitals|dialysis|infusion|transfusion|specimens?|dose|doses|census)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // Before a name, what is done for a patient: "outside images for", "mid-consent with", "the label of"; one short word may open
    // the name ("with pa nhia vang").
    private static readonly Regex DoneForBefore = new(
        @"\b(images|imaging|records|consent|label|labels|wristband|armband|chart|interpreter|interp|reminder|registration|"
            + @"directive|drip|bed|discharge|admission|transfer|paperwork|scans?)\b[^.;!?]{0,25}?\b(for|with|of|on)\s+(\p{L}{1,3}\s+)?$"
            + @"|\b(seeing|see|sees|saw|seen)\s+$",
        Options | RegexOptions.IgnoreCase, Timeout);

    // "venkatesh subramaniam ED to obs, bed request stuck", "haruko ishikawa's advance directive got scanned into the wrong chart",
    // "outside images for chen guofeng not imported": two or three words typed alike that no dictionary, product list or roster
    // holds, opening a text or after what is done for a patient, in a text about a patient's care or papers. One of them from the
    // name lists, or both long, so that shorthand and typos are not names.
    private static int? RecordName(string text, List<Token> tokens, int i, PhiContext context, ref bool? recordTalk)
    {
        if (i + 1 >= tokens.Count || text[tokens[i].End..tokens[i + 1].Start] is not " "
            || !(IsRecordWord(tokens[i], context) || IsWordGivenBeforeSurname(tokens, i, context)))
        {
            return null;
        }

        var lower = IsLower(tokens[i]);
        var end = i;
        while (end + 1 < tokens.Count && end - i < 2 && text[tokens[end].End..tokens[end + 1].Start] is " "
            && !tokens[end].Value.EndsWith("'s", StringComparison.OrdinalIgnoreCase)
            && IsRecordWord(tokens[end + 1], context) && IsLower(tokens[end + 1]) == lower)
        {
            end++;
        }

        if (end == i || context.IsStaff(StripPossessive(tokens[i].Value), StripPossessive(tokens[end].Value)))
        {
            return null;
        }

        var words = Enumerable.Range(i, end - i + 1).Select(k => StripPossessive(tokens[k].Value)).ToList();
        // "Iñaki Etxeberria", "Bogumiła Zielińska": a letter with a diacritic, which no English word of a ward's talk holds.
        var listed = words.Any(w => w.Length >= 3 && (NameLexicon.IsAnyName(w) || HasLatinDiacritic(w)));
        // Words no list holds: both long, and typed in lower case, or capitalised with the patient's kin or care in brackets after.
        if (!listed && !(words.All(w => w.Length >= 5) && (lower || BracketOfCare.IsMatch(text.AsSpan(tokens[end].End).TrimStart(' ')))))
        {
            return null;
        }

        if ((recordTalk ??= RecordTalk.IsMatch(text)) == false)
        {
            return null;
        }

        var from = Math.Max(0, tokens[i].Start - 60);
        var placed = IsSentenceStart(text, tokens[i]) || DoneForBefore.IsMatch(text.AsSpan(from, tokens[i].Start - from));
        // "wendy karvonen (privacy) will sit in": a colleague's team in brackets after the name; a bed or kin there is a patient's.
        var rest = text.AsSpan(tokens[end].End).TrimStart(' ');
        if (rest.StartsWith("(") && !BracketOfCare.IsMatch(rest))
        {
            return null;
        }

        // A unit after a name in lower case is where the patient is ("… ED to obs"), not a unit named after someone.
        var unitAfter = lower && UnitAfter.IsMatch(text.AsSpan(tokens[end].End, Math.Min(12, text.Length - tokens[end].End)));
        return placed && !IsFollowedByRole(text, tokens[end].End) && (unitAfter || !IsFollowedByPlace(text, tokens[end].End))
            && !AskedAbout.IsMatch(text.AsSpan(tokens[end].End, Math.Min(60, text.Length - tokens[end].End)))
            && !IsPrecededByRole(text, tokens, i)
            ? end
            : null;
    }

    // "Myrtle Thorsgaard is …", "Iris Vanterpool's tray": a given name the lists hold that is also a word, capitalised, before a
    // long capitalised word no list or dictionary holds; the rest of the record-name rule still asks for a text about care.
    private static bool IsWordGivenBeforeSurname(List<Token> tokens, int i, PhiContext context) =>
        IsPlainCapitalised(tokens[i]) && IsPlainCapitalised(tokens[i + 1]) && StripPossessive(tokens[i + 1].Value).Length >= 6
            && NameLexicon.IsListedGiven(tokens[i].Value) && !NameLexicon.IsNotName(tokens[i].Value)
            && !NameLexicon.IsOrganisation(tokens[i].Value) && !NameLexicon.IsRole(tokens[i].Value)
            && !context.IsStaffGivenName(tokens[i].Value) && IsRecordWord(tokens[i + 1], context);

    private static bool HasLatinDiacritic(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u00C0' and <= '\u024F' && c is not '\u00D7' and not '\u00F7')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly Regex BracketOfCare = new(
        @"^\(\s*(the\s+)?(pt|patient|bed|rm|room|bay|his|her|their|daughter|son|wife|husband|mom|dad|mother|father|baby|nicu|icu|"
            + @"ed|er|dob|mrn|age|[0-9])|^\(\s*([\p{L}'-]+\s+){0,3}(family|relatives|kin|parents)\b", Options, Timeout);

    private static readonly Regex UnitAfter = new(@"^\s+(?-i:[A-Z]{2,5})\b", Options, Timeout);

    private static bool IsRecordWord(Token token, PhiContext context)
    {
        if (token.Length < 2 || !(IsLower(token) || IsPlainCapitalised(token)))
        {
            return false;
        }

        var word = StripPossessive(token.Value);
        return word.Length >= 2 && IsUnlistedWord(new Token(token.Start, word.Length, word)) && !ChatWords.Contains(word)
            && !EnglishEnding.IsMatch(word)
            && !word.Contains('\'', StringComparison.Ordinal) && !context.IsStaffGivenName(word) && !context.IsStaffSurname(word);
    }

    private static readonly Regex RecordAtStart = new(@"^('s)?\s+" + RecordAfter, Options | RegexOptions.IgnoreCase, Timeout);

    // A record's name as its header types it, surname first, at a text's start: "hernandez-lugo, marisa - duplicate profile",
    // "Okafor-Eze, Chidinma: wrong DOB". A double surname needs one part the lists know.
    private static int? SurnameFirstAtStart(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || Between(text, tokens[i], tokens[i + 1]) is not ", " || !IsSentenceStart(text, tokens[i]))
        {
            return null;
        }

        var (a, b) = (tokens[i], tokens[i + 1]);
        var lower = IsLower(a) && IsLower(b);
        if (!(lower || (IsPlainCapitalised(a) && IsPlainCapitalised(b))) || b.Length < 3 || !IsUnlistedWord(a) || !IsUnlistedWord(b)
            || !NameLexicon.IsAnyName(b.Value)
            || !(a.Value.Split('-').Any(part => part.Length >= 3 && NameLexicon.IsSurname(part))
                // "Sakiestewa, Lionel — obs pt": a surname no list holds before a given name the lists do, then a dash.
                || (a.Length >= 5 && NameLexicon.IsListedGiven(b.Value) && !ChatWords.Contains(a.Value)
                    && text.AsSpan(b.End).TrimStart(' ') is [ '-' or '\u2013' or '\u2014' or ':', ..]))
            || context.IsStaff(b.Value, a.Value) || context.IsStaffSurname(a.Value))
        {
            return null;
        }

        var after = text.AsSpan(b.End).TrimStart(' ');
        // "sandoval, angelica is the one with the wrong tray": what a patient is or does after the header's name.
        var rest = text.AsSpan(b.End, Math.Min(80, text.Length - b.End));
        return after.Length == 0 || after[0] is '-' or ':' or '(' or '\u2013' or '\u2014' || PatientDoesAfter.IsMatch(rest)
            || PersonAfter.IsMatch(rest) ? i + 1 : null;
    }

    private static int? WordGivenAtStart(string text, List<Token> tokens, int i, PhiContext context)
    {
        if (i + 1 >= tokens.Count || tokens[i].Length < 3 || !IsLower(tokens[i]) || !IsLower(tokens[i + 1])
            || Between(text, tokens[i], tokens[i + 1]) is not " " || !IsSentenceStart(text, tokens[i])
            || !NameLexicon.IsEnglishWord(tokens[i].Value)
            || !NameLexicon.IsAnyName(tokens[i].Value) || !IsWardWord(tokens[i + 1], context)
            || !(NameLexicon.IsAnyName(tokens[i + 1].Value) || tokens[i + 1].Length >= 6)
            || context.IsStaff(tokens[i].Value, tokens[i + 1].Value))
        {
            return null;
        }

        var after = text.AsSpan(tokens[i + 1].End, Math.Min(80, text.Length - tokens[i + 1].End));
        // What a colleague reports is no patient's doing: "grace tanaka-ruiz says the servers need a scan".
        var reports = after.TrimStart().StartsWith("says", StringComparison.OrdinalIgnoreCase)
            || after.TrimStart().StartsWith("said", StringComparison.OrdinalIgnoreCase);
        return !reports && (PersonAfter.IsMatch(after) || CareNounAfter.IsMatch(after) || CareAfter.IsMatch(after)) ? i + 1 : null;
    }

    // Looked at for most words of a text, so without copying what comes before.
    private static bool IsSentenceStart(string text, Token token)
    {
        var k = token.Start - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]))
        {
            k--;
        }

        return k < 0 || text[k] is '.' or '!' or '?' or ':' or ';';
    }

    // "Chukwu", "O'Flaherty", "Okonkwo-Eze", "McAllister": capitals only at the start of the word or of its parts.
    private static bool IsPlainCapitalised(Token token)
    {
        var v = token.Value;
        if (!char.IsUpper(v[0]) || v.Length < 2)
        {
            return false;
        }

        for (var k = 1; k < v.Length; k++)
        {
            var partStart = v[k - 1] is '\'' or '-'
                || (k == 2 && v.StartsWith("Mc", StringComparison.Ordinal)) || (k == 3 && v.StartsWith("Mac", StringComparison.Ordinal));
            if (char.IsUpper(v[k]) && !partStart)
            {
                return false;
            }
        }

        return v.Any(char.IsLower);
    }

    private static bool IsUnlistedWord(Token token) =>
        token.Length >= 2 && !NameLexicon.IsEnglishWord(token.Value) && !NameLexicon.IsNotName(token.Value)
            && !NameLexicon.IsRole(token.Value) && !NameLexicon.IsTitleOrCredential(token.Value)
            && !NameLexicon.IsOrganisation(token.Value);

    private static bool IsFollowedByPlace(string text, int end) =>
        PlaceAfter.IsMatch(text.AsSpan(end, Math.Min(60, text.Length - end)));

    // "Margaret Olsen", "Margaret A. Olsen", "Olsen, Margaret": both parts from the lexicon.
    private static (int From, int To, bool SurnameFirst)? LexiconName(string text, List<Token> tokens, int i)
    {
        var first = tokens[i];
        if (!IsCandidate(first) || i + 1 >= tokens.Count
            || (NameLexicon.IsOrganisation(first.Value) && NameLexicon.IsOrganisation(tokens[i + 1].Value)))
        {
            return null;
        }

        string Gap(int at) => text[tokens[at - 1].End..tokens[at].Start];

        if (NameLexicon.IsUnambiguousGiven(first.Value))
        {
            var k = i + 1;
            if (IsInitial(tokens[k]) && Gap(k) is " " && k + 1 < tokens.Count && Gap(k + 1) is " " or ". ")
            {
                k++;
            }

            if (Gap(k) is " " or ". " && (k > i + 1 || Gap(k) is " ") && IsCandidate(tokens[k]) && NameLexicon.IsSurname(tokens[k].Value))
            {
                return (i, k, false);
            }
        }

        if (NameLexicon.IsSurname(first.Value)
            && Gap(i + 1) is ", "
            && IsCandidate(tokens[i + 1])
            && NameLexicon.IsUnambiguousGiven(tokens[i + 1].Value))
        {
            // "Olsen, Margaret Hunt" and "Ngozi, Tesfaye and Wanjiru" are lists of names; a name is found on its own.
            var next = i + 2 < tokens.Count && ((Gap(i + 2) is " " && IsCandidate(tokens[i + 2]))
                || (Gap(i + 2) is ", " && IsCandidate(tokens[i + 2]))
                || (tokens[i + 2].Value is "and" or "or" && i + 3 < tokens.Count && IsCandidate(tokens[i + 3])));
            if (!next)
            {
                return (i, i + 1, true);
            }
        }

        return null;
    }

    private static bool IsPrecededByRole(string text, List<Token> tokens, int i)
    {
        if (i == 0)
        {
            return false;
        }

        var gap = text[tokens[i - 1].End..tokens[i].Start];
        if (gap.IndexOfAny(['.', '!', '?', ';']) >= 0)
        {
            return false;
        }

        // "analyst Priya Shah", "Dr Shah", "director of nursing Paula Jensen"; "thanks Wanjiru Kamau", "shout out to Tenzin Dorji".
        return NameLexicon.IsRole(tokens[i - 1].Value) || NameLexicon.IsStaffTitle(tokens[i - 1].Value)
            || StaffAddressedBefore.Contains(tokens[i - 1].Value)
            || (i >= 2 && tokens[i - 1].Value.Equals("to", StringComparison.OrdinalIgnoreCase)
                && StaffThanksBeforeTo.Contains(tokens[i - 2].Value))
            || (i >= 3 && tokens[i - 2].Value.Equals("of", StringComparison.OrdinalIgnoreCase) && NameLexicon.IsRole(tokens[i - 3].Value)
                && text[tokens[i - 3].End..tokens[i - 1].Start].IndexOfAny(['.', '!', '?', ';', ',']) < 0);
    }

    // Words in front of a colleague's name, never a patient's: "ask", "ping", "cc", "thanks".
    private static readonly HashSet<string> StaffAddressedBefore = new(
        ["ask", "ping", "cc", "thank", "thanks", "thx", "kudos", "congrats", "congratulations", "welcome", "per", "loop", "looping"],
        StringComparer.OrdinalIgnoreCase);

    // "shout out to", "kudos to", "assigned to", "send the deck to": the word before "to" that makes the name after it a colleague's.
    private static readonly HashSet<string> StaffThanksBeforeTo = new(
        ["out", "kudos", "thanks", "props", "assigned", "reassigned", "escalated", "delegated", "congrats", "deck", "slides", "agenda",
            "minutes", "invite", "invitation", "tracker", "workbook", "spreadsheet", "draft", "timeline", "proposal", "sow", "runbook",
            "playbook", "recording", "dashboard", "charter", "raci", "roadmap", "checklist", "sign-off", "signoff"],
        StringComparer.OrdinalIgnoreCase);

    private static bool IsFollowedByRole(string text, int end) =>
        StaffAfter.IsMatch(text.AsSpan(end, Math.Min(80, text.Length - end)));

    // A word of a name, without a possessive after it: "O'Neill", "Okonkwo-Eze", not "Melnyk's".
    private const string AnyNameWord = @"\p{L}+(['-](?!s\b)\p{L}+)*";

    private const string CapitalNameWord = @"\p{Lu}\p{L}*(['-](?!s\b)\p{L}+)*";

    private static readonly HashSet<string> FunctionWords = new(
        ["the", "a", "an", "our", "his", "her", "their", "this", "that", "for", "and", "or", "to", "in", "on", "at", "of", "with", "re",
            "fyi", "pt", "pts", "patient", "per", "from", "by", "new", "old", "same", "so", "but", "him", "she", "he", "they", "we", "you",
            "is", "was", "are", "not", "no", "if", "then", "it", "its"],
        StringComparer.OrdinalIgnoreCase);

    // What lies in or on a patient, or where they lie, after a name: "…'s chest tube output", "…'s room".
    private const string CareDevices =
        @"(chest\s+tube|drains?|foley|picc|iv|pca|pump|vent|trach|g-?tube|ng\s+tube|ostomy|wound\s*vac|dressing|wound|vitals|sats|"
            + @"tele|telemetry|monitor|room|bed|sitter|i&o|output|glucose|sugars?|bp|pressures?|oxygen|o2|epidural|catheter|cath|"
            + @"bladder\s+scan|bedside\s+table|call\s+light|bed\s+alarm)";

    // What a patient has, after a name: "…'s coumadin clinic visit", "…' dialysis schedule", "…'s name in the ORM header".
    private const string PatientThing =
        @"(visits?|appts?|appointments?|meds|medications?|labs|drips?|trough|vanc|dialysis|insulin|heparin|coumadin|warfarin|inr|"
            + @"orders?|results?|referrals?|consent|chart|tray|diet|wristband|armband|allerg(y|ies)|surgery|procedure|infusion|chemo|"
            + @"bills?|statements?|portal|mychart|discharge|admission|avs|interpreter|mrn|dob|name\s+(in|on)\s+the)";

    // A name as an HL7 v2 message carries it, family then given between carets: "OKAFOR^CHIDINMA^^^^" (PID-5, NK1-2).
    private static readonly Regex CaretName = new(
        @"(?<![\p{L}^])(?<v>\p{Lu}[\p{Lu}'-]+\^\p{Lu}[\p{Lu}'-]+)(?=\^|\||\s|$)", Options, Timeout);

    // A chart header's name at a text's start, in capitals: "TRAN, QUOC BAO - dialysis orders …", "ALVAREZ-PEÑA, JOSEFINA M — …".
    private static readonly Regex HeaderName = new(
        @"^\W*(?<v>(?<f>\p{Lu}[\p{Lu}'-]+(\s\p{Lu}[\p{Lu}'-]+)?),\s?(?<g>\p{Lu}[\p{Lu}'-]+(\s\p{Lu}[\p{Lu}'-]+)?)(\s\p{Lu}\.?)?)"
            + @"(?=\s*(-|:|\(|,|$)|\s+(is|has|was|in|on|still|keeps)\b)", Options, Timeout);

    // A name opening a text, then what happened to that patient: "Konstantina Vlachos - the cardiac rehab referral went nowhere",
    // "chen yuting, postpartum, …", "Losana Vainikolo postpartum day 2", "readmit w/ CHF, venkatesh iyer, his f/u …".
    private static readonly Regex NameThenEvent = new(
        @"^\W*(?<v>" + AnyNameWord + @"(\s" + AnyNameWord + @"){1,2}?)(\s+(postpartum|post-?partum|post-?op|pod\s*#?[0-9]|"
            + @"(is\s+|was\s+|just\s+|finally\s+)?(back|returned|home)\s+from\s+(ir|or|cath\s+lab|pacu|dialysis|surgery|the\s+or|mri|ct|"
            + @"endo|ep\s+lab|rehab|snf|the\s+snf)\b|"
            + @"s/p|(was\s+|got\s+)?(transferred|flown|brought)\s+(in\s+)?from\s+(?!(the|our|their)\s)(?=(?-i:\p{Lu})))|"
            + @"\s*(,|-+>?|\|)\s*([\p{L}/'-]+\s+){0,6}?(postpartum|post-?partum|post-?op|pod\s*#?[0-9]|s/p|referral|interpreter|"
            + @"consent|f/u|follow-?up|(diet|food|meal)?\s*tray|"
            + @"(his|her|their)\s+([\p{L}-]+\s+)?" + PatientThing + @"|family\s+(is|are|wants|keeps|called|asking)|transfer\s+orders|"
            + @"dialysis|dc\s+(summary|avs|instructions|order)|avs|readmit(ted)?|trough|drip|apgars?|c-section|fall\s+risk|sitter|"
            + @"code\s+status|npo|wound\s+care|pain\s+meds|armband|wristband|labor\s+(and|&)\s+delivery|delivered|"
            + @"(orders?|meds?|labs?)\s+(didn'?t|did\s+not|never|won'?t|keep|still)))\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // A name set off by commas before the patient's things: "readmit w/ CHF, venkatesh iyer, his f/u never got scheduled".
    private static readonly Regex NameThenOwnThings = new(
        @"[,;]\s+(?<v>" + AnyNameWord + @"(\s" + AnyNameWord + @"){1,2}?)\s*,\s*(his|her|their)\s+([\p{L}-]+\s+)?(" + PatientThing
            + @"|f/u|follow-?ups?)\b", Options | RegexOptions.IgnoreCase, Timeout);

    // A name before a patient's things or a bed: "Justice Amankwah's coumadin clinic visit", "Happiness Mwangi (bed 14)", "Hope
    // Delgado in pre-op bay 3", "Winona Two Bulls' dialysis schedule", "pharmacist: Dmitri Volkov's vanc trough".
    private static readonly Regex NameBeforeCare = new(
        @"(?<![\p{L}'-])(?<v>" + CapitalNameWord + @"(\s" + CapitalNameWord + @"){1,2}?)(?<own>'s|(?<=s)')?(?(own)\s+"
            + @"([\p{L}/&-]+\s+){0,3}?(" + PatientThing + "|" + CareDevices + @")\b"
            + @"|(\s*\((bed|rm|room|bay)\s*#?[0-9]+[a-z]?\)|\s+(is\s+)?(in|on)\s+((pre-?op|post-?op|ed|er|pacu|icu|"
            + @"triage|holding|ob|l&d)\s+)?(bay|bed|room|rm)\s*#?[0-9]+))",
        Options, Timeout);

    // Someone a service is booked for: "hmong interpreter for Pa Nhia Vang got booked", "sitter for Ana Maria Tuilagi".
    private static readonly Regex ServiceFor = new(
        @"\b(interpreter|interp|translator|sitter|transport|wheelchair|ride|tray|consult|bed|consents?|poa|guardianship|"
            + @"advance\s+directive)\s+(forms?\s+)?(is\s+|was\s+)?for\s+"
            + @"(?<v>(?-i:" + CapitalNameWord + @"(\s" + CapitalNameWord + @"){1,2}))", Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex FhirName = new(
        @"(?<![\p{L}])""?(family|given)(""\s*:\s*\[?\s*|\s+)""(?<v>\p{L}[\p{L}'-]*(\s\p{L}[\p{L}'-]*){0,2})""",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex LoneNameAsked = new(
        @"\b(is|was|isn'?t|wasn'?t)\s+(?<v>(?-i:\p{Lu}\p{Ll}+))\s+the\s+(one|pt|patient|lady)\s+"
            + @"(in|on|with|whose|who)\b"
        // "the pt yelling in 6 is Dimitrios": who lies in a bed, said after it.
        + @"|\bthe\s+(pt|patient|lady)\s+([\p{L}-]+\s+){0,2}(in|on)\s+(bed\s+|room\s+|rm\s+|bay\s+)?[0-9]{1,4}[a-z]?\s+(is|was)\s+"
            + @"(?<v>(?-i:\p{Lu}\p{Ll}+))\b"
        + @"|\b(husband|wife|son|daughter|mom|dad|mother|father|brother|sister|partner|boyfriend|girlfriend|fianc[eé]e?|grandson|"
            + @"granddaughter|niece|nephew|caregiver|guardian)\s*\((?<v>(?-i:\p{Lu}\p{Ll}+))\)",
        Options | RegexOptions.IgnoreCase, Timeout);

    // One name where the ward writes a patient: "4W-8 - Abukar - family is asking", "Ochoa -> 4W -> PACU -> back to 4W".
    private static readonly Regex SlotName = new(
        @"^\W*([0-9]{1,2}\s?[A-Z]{1,2}-?[0-9]{1,3}|(bed|rm|room|bay)\s*#?[0-9]{1,3})\s*[-:]\s*(?<v>\p{Lu}[\p{L}'-]{2,})\s*[-,:]"
            + @"|^\W*(?<v>\p{Lu}[\p{L}'-]{2,})\s*->\s*([0-9]{0,2}\s?(?-i:[A-Z]{1,5})|[0-9]{1,2}[a-z])\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // "St. Luke's tele-ICU hub", "ana lucia's portal training deck": a place named after a saint, or the rest of a rostered name.
    private static bool SaintOrStaffBefore(string text, int index, PhiContext context)
    {
        var before = text.AsSpan(0, index).TrimEnd();
        var start = before.LastIndexOfAny(' ', '(', ',') + 1;
        var word = before[start..].TrimEnd('.').ToString();
        return word.Length > 0 && (word is "St" or "Saint" or "San" or "Santa" or "Sainte" or "Ste"
            || word.Equals("st", StringComparison.OrdinalIgnoreCase) || context.IsStaffGivenName(word)
            || context.IsStaffGivenName($"{word} {text.Substring(index).Split(' ', '\'')[0]}"));
    }

    // After "'s": a patient's care, a word or two on ("'s chest tube output", "'s IV pump").
    private static readonly Regex CareAfterPossessive = new(
        @"^\s+([\p{L}/&-]+\s+){0,2}?(" + CareDevices + "|" + PatientThing + @")\b", Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex WholeWord = new(@"\p{L}[\p{L}-]{2,}", Options, Timeout);

    // The word before each "'s " that a patient's care follows, found from the apostrophe rather than from every letter.
    private static IEnumerable<Group> PossessivesOfCare(string text)
    {
        for (var at = text.IndexOf("'s ", StringComparison.Ordinal); at > 0; at = text.IndexOf("'s ", at + 3, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '-'))
            {
                start--;
            }

            if (at - start >= 3 && (start == 0 || text[start - 1] != '\'') && CareAfterPossessive.IsMatch(text.AsSpan(at + 2))
                && WholeWord.Match(text, start, at - start) is { Success: true } word && word.Length == at - start)
            {
                yield return word;
            }
        }
    }

    private static readonly Regex LoneNameMoved = new(
        @"\b(moved|move|moving|bumped|put|transferred|xfer'?d)\s+(?<v>\p{L}[\p{L}-]{2,})\s+(to|into|over\s+to)\s+"
            + @"((bed|room|rm|bay)\s*#?)?[0-9]{1,4}[a-z]?\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex LoneNameOffBoard = new(
        @"(?<![\p{L}'-])(?<v>\p{L}[\p{L}-]{2,})\s+((is|isn'?t|was|wasn'?t)\s+)?(still\s+)?(not\s+)?(on|off|showing\s+on|"
            + @"missing\s+from|dropped\s+off|falling\s+off)\s+(the\s+)?(bed\s*board|census|tracking\s+board|track\s*board|whiteboard)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex NameGoneBy = new(
        @"\b(goes|go|went|going)\s+by\s+(?<v>(?-i:\p{Lu}\p{Ll}[\p{L}'-]+))|\bpreferred\s+name\s+(is\s+|of\s+)?"
            + @"(?<v>(?-i:\p{Lu}\p{Ll}[\p{L}'-]+))",
        Options | RegexOptions.IgnoreCase, Timeout);

    // The second word of a Native American surname of two words: "Two Bulls", "Little Bear", "Spotted Elk", "Yellow Horse".
    private static readonly Regex TwoWordSurname = new(
        @"^(Two|Three|Four|Little|Red|White|Black|Yellow|Spotted|Running|Standing|Sitting|Iron|Old|Many|Kills|Lone|Looking|Walking|"
            + @"High|Good|Plenty|Chasing|Fast|Big|Hollow|Medicine|Crow|Eagle|Bear|Elk|Horse|Wolf|Bull|Buffalo|Thunder|Cloud|"
            + @"Feather|Hawk|Whirlwind|Afraid|Brave|Charging|Flying|Holy|Crazy|Last|Long|Morning|Night|Sun|Star)\s\p{Lu}\p{Ll}+$",
        Options, Timeout);

    private static readonly Regex RoleBefore = new(@"\b" + Roles + @"\s+$", Options | RegexOptions.IgnoreCase, Timeout);

    // Names of places: "Walla Walla", "Moses Lake", "Tri-City Dust Devils", "Twin Falls", "Cle Elum".
    private static readonly HashSet<string> PlaceTails = new(
        ["Lake", "Lakes", "Valley", "Falls", "Springs", "Beach", "Harbor", "Harbour", "Bay", "Creek", "River", "Heights", "Hills",
            "Point", "Island", "Junction", "Rapids", "Ridge", "Canyon", "Mountain", "City", "County", "Village", "Grove", "Prairie",
            "Flats", "Crossing", "Landing", "Basin", "Sound", "Peninsula", "Ferry", "Hollow", "Gulch", "Mesa", "Plains"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly Regex PatientCueBefore = new(
        @"\b(pt|patient|mrs?|ms|miss|mister)\.?\s+$", Options | RegexOptions.IgnoreCase, Timeout);

    private static readonly Regex HospitalBefore = new(
        @"\b(VA|VAMC|VA\s+medical\s+cent(er|re)|VA\s+hospital|hospital|medical\s+cent(er|re)|health\s+system|IHS)\s*\($", Options, Timeout);

    private static bool IsPlaceName(string text, int index, int length)
    {
        var words = text.Substring(index, length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || PatientCueBefore.IsMatch(text.AsSpan(Math.Max(0, index - 12), index - Math.Max(0, index - 12)))
            || text.AsSpan(index + length).StartsWith("'s", StringComparison.Ordinal))
        {
            return false;
        }

        // "the VA (Carl T. Hayden)": a hospital's name in brackets after it.
        if (index > 0 && text[index - 1] == '('
            && HospitalBefore.IsMatch(text.AsSpan(Math.Max(0, index - 30), index - Math.Max(0, index - 30))))
        {
            return true;
        }

        return !AboutAPerson.IsMatch(text)
            && (words.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1 || PlaceTails.Contains(words[^1])
            || words.Any(w => w.EndsWith("-City", StringComparison.OrdinalIgnoreCase) || w.StartsWith("Tri-", StringComparison.Ordinal)));
    }

    private static readonly Regex AboutAPerson = new(
        @"\b(pt|pts|patient|patients|he|she|his|her|him|they|their|mom|dad|daughter|son|wife|husband|family|baby)\b",
        Options | RegexOptions.IgnoreCase, Timeout);

    // A word that may be part of a patient's name: not a product, unit, organisation, role or chat word.
    private static bool IsNameWord(string word) =>
        word.Length >= 2 && !FunctionWords.Contains(word) && !NameLexicon.IsNotName(word) && !NameLexicon.IsOrganisation(word)
            && !NameLexicon.IsRole(word)
            && !NameLexicon.IsTitleOrCredential(word) && !ChatWords.Contains(word)
            && (word.Length <= 7 || !EnglishEnding.IsMatch(word))
            && (NameLexicon.IsAnyName(word) || !NameLexicon.IsEnglishWord(word));

    private static bool IsStaffName(string[] words, PhiContext context) =>
        context.IsStaff(words[0], words[^1]) || context.IsStaffSurname(words[^1])
            || (words.Length == 1 && context.IsStaffGivenName(words[0]));

    // Names written as records and messages write them, or before what happened to the patient, that the word-by-word pass leaves.
    private static IEnumerable<(int Index, int Length)> PastedAndEventNames(string text, PhiContext context)
    {
        if (text.Contains('^', StringComparison.Ordinal))
        {
            foreach (Match m in CaretName.Matches(text))
            {
                var words = m.Value.Split('^');
                if (!words.Any(w => w.Contains("TEST", StringComparison.Ordinal) || w.StartsWith("ZZ", StringComparison.Ordinal))
                    && !IsStaffName([words[1], words[0]], context))
                {
                    yield return (m.Index, m.Length);
                }
            }
        }

        if (HeaderName.Match(text) is { Success: true } header)
        {
            var family = header.Groups["f"].Value.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            var given = header.Groups["g"].Value.Split(' ');
            var all = family.Concat(given).ToArray();
            if (all.All(w => !NameLexicon.IsNotName(w) && !NameLexicon.IsOrganisation(w) && !NameLexicon.IsRole(w) && w.Length >= 2
                    && !w.StartsWith("ZZ", StringComparison.OrdinalIgnoreCase))
                && !all.Any(w => NameLexicon.IsEnglishWord(w) && !NameLexicon.IsAnyName(w))
                // A name no list holds still reads as one: words of four letters or more with vowels, no acronyms ("BCMA", "CPOE").
                && (all.Any(NameLexicon.IsAnyName) || all.All(w => w.Length >= 4 && w.Count(c => "AEIOUY".Contains(c)) >= 2))
                && !IsStaffName([given[0], family[^1]], context))
            {
                yield return (header.Groups["v"].Index, header.Groups["v"].Length);
            }
        }

        var service = text.Contains(" for ", StringComparison.OrdinalIgnoreCase) ? ServiceFor.Matches(text) : null;
        var care = text.Contains('\'', StringComparison.Ordinal) || text.Contains('(', StringComparison.Ordinal)
            || text.Contains(" in ", StringComparison.Ordinal) || text.Contains(" on ", StringComparison.Ordinal)
            ? NameBeforeCare.Matches(text)
            : null;
        var own = text.Contains(", his ", StringComparison.OrdinalIgnoreCase) || text.Contains(", her ", StringComparison.OrdinalIgnoreCase)
            || text.Contains(", their ", StringComparison.OrdinalIgnoreCase)
            ? NameThenOwnThings.Matches(text)
            : null;
        foreach (var m in NameThenEvent.Matches(text).Concat(own ?? Enumerable.Empty<Match>())
            .Concat(service ?? Enumerable.Empty<Match>()).Concat(care ?? Enumerable.Empty<Match>()))
        {
            var v = m.Groups["v"];
            var words = v.Value.Split(' ');
            var sameCase = words.All(w => char.IsUpper(w[0])) || words.All(w => w.All(c => !char.IsLetter(c) || char.IsLower(c)));
            var nativeSurname = words.Length == 3 && NameLexicon.IsListedGiven(words[0])
                && TwoWordSurname.IsMatch(words[1] + " " + words[2]);
            var nameLike = nativeSurname || (words.All(IsNameWord) && words.Any(w => w.Length >= 4 && (NameLexicon.IsAnyName(w)
                || !NameLexicon.IsEnglishWord(w))) && (IsNameWord(words[^1]) && !NameLexicon.IsEnglishWord(words[^1])));
            // A given name that is also a word ("Hope", "Justice", "Happiness") goes only before a patient's things or bed.
            var cued = m.Groups["own"].Success || !m.Value.EndsWith(v.Value, StringComparison.Ordinal) || ServiceFor.IsMatch(m.Value);
            var wordGiven = cued && words.Length is 2 or 3 && char.IsUpper(words[0][0]) && IsNameWord(words[^1])
                && !NameLexicon.IsEnglishWord(words[^1]) && !NameLexicon.IsOrganisation(words[^1]) && !NameLexicon.IsNotName(words[^1])
                && words.All(w => !FunctionWords.Contains(w) && !ChatWords.Contains(w))
                // A Hmong given name of two letters may spell a role ("Pa Nhia Vang"), never a title before a surname ("Dr Okafor").
                && words.Skip(1).All(w => !NameLexicon.IsRole(w)) && !NameLexicon.IsPersonTitle(words[0].TrimEnd('.'))
                && !NameLexicon.IsStaffTitle(words[0].TrimEnd('.')) && ((words.Length == 3 && words[0].Length == 2)
                    || (!NameLexicon.IsRole(words[0]) && !NameLexicon.IsTitleOrCredential(words[0])));
            if (sameCase && (nameLike || wordGiven) && !IsStaffName(words, context) && !IsFollowedByRole(text, v.Index + v.Length)
                && !IsFollowedByPlace(text, v.Index + v.Length)
                && !RoleBefore.IsMatch(text.AsSpan(Math.Max(0, v.Index - 30), v.Index - Math.Max(0, v.Index - 30))))
            {
                yield return (v.Index, v.Length);
            }
        }

        // FHIR and JSON as pasted: "family": "Oyelaran", "given": ["Temitope"], or as read out, family "Oyelaran" given "Temitope".
        if ((text.Contains("family", StringComparison.OrdinalIgnoreCase) || text.Contains("given", StringComparison.OrdinalIgnoreCase))
            && text.Contains('"', StringComparison.Ordinal))
        {
            foreach (Match m in FhirName.Matches(text))
            {
                var v = m.Groups["v"];
                var words = v.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // A made-up record's name says so: "Testpatient", "ZZALPHA".
                if (words.All(w => IsNameWord(w) && !NameLexicon.IsNotName(w))
                    && !words.Any(w => w.StartsWith("ZZ", StringComparison.OrdinalIgnoreCase)
                        || w.Contains("test", StringComparison.OrdinalIgnoreCase))
                    && !IsStaffName(words, context))
                {
                    yield return (v.Index, v.Length);
                }
            }
        }

        // "is Jovita the one in 14 or 16??", "the husband (Dimitrios) won't leave": a lone name asked about where a patient lies,
        // or a relative's in brackets after the relation.
        if (text.Contains('(', StringComparison.Ordinal) || text.Contains(" the one ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("the pt ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("the patient ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("the lady ", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in LoneNameAsked.Matches(text))
            {
                var v = m.Groups["v"];
                if (IsNameWord(v.Value) && v.Length >= 3 && !NameLexicon.IsEnglishWord(v.Value) && !NameLexicon.IsNotName(v.Value)
                    && !NameLexicon.IsOrganisation(v.Value) && !NameLexicon.IsRole(v.Value) && !IsStaffName([v.Value], context)
                    && !context.IsStaffGivenName(v.Value))
                {
                    yield return (v.Index, v.Length);
                }
            }
        }

        // "leimomi's drip is beeping", "moved ochoa to 12", "kasayulie still not on the bed board", "she goes by Qaluyaaq": one word no
        // dictionary, product list or roster holds, where only a patient is: before their drip or tube, moved to a bed, missing from
        // the board, or the name they go by.
        var possessive = text.Contains("'s ", StringComparison.Ordinal);
        var moved = text.Contains("mov", StringComparison.OrdinalIgnoreCase) || text.Contains("bump", StringComparison.OrdinalIgnoreCase)
            || text.Contains("put ", StringComparison.OrdinalIgnoreCase) || text.Contains("xfer", StringComparison.OrdinalIgnoreCase)
            || text.Contains("transferred", StringComparison.OrdinalIgnoreCase);
        var board = text.Contains("board", StringComparison.OrdinalIgnoreCase)
            || text.Contains("census", StringComparison.OrdinalIgnoreCase);
        var goesBy = text.Contains(" by ", StringComparison.OrdinalIgnoreCase)
            || text.Contains("preferred", StringComparison.OrdinalIgnoreCase);
        if (possessive || moved || board || goesBy)
        {
            var lone = (possessive ? PossessivesOfCare(text) : Enumerable.Empty<Group>())
                .Concat(moved ? LoneNameMoved.Matches(text).Select(m => m.Groups["v"]) : [])
                .Concat(board ? LoneNameOffBoard.Matches(text).Select(m => m.Groups["v"]) : [])
                .Concat(goesBy ? NameGoneBy.Matches(text).Select(m => m.Groups["v"]) : []);
            foreach (var v in lone)
            {
                if (v.Length >= 4 && IsNameWord(v.Value) && !NameLexicon.IsEnglishWord(v.Value) && !IsStaffName([v.Value], context)
                    && !context.IsStaffGivenName(v.Value) && !context.IsStaffSurname(v.Value)
                    && !SaintOrStaffBefore(text, v.Index, context))
                {
                    yield return (v.Index, v.Length);
                }
            }
        }

        if (SlotName.Match(text) is { Success: true } slot && slot.Groups["v"].Value is var one && IsNameWord(one)
            && !NameLexicon.IsEnglishWord(one) && one.Length >= 4 && !IsStaffName([one], context)
            && (NameLexicon.IsSurname(one) || NameLexicon.IsAnyName(one) || !NameLexicon.IsOrganisation(one)))
        {
            yield return (slot.Groups["v"].Index, slot.Groups["v"].Length);
        }
    }
}
