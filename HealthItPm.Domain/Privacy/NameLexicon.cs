namespace HealthItPm.Domain.Privacy;

/// <summary>
/// Given names and surnames (the lists in <c>Lexicon/</c>, embedded in this assembly and read from
/// it once; see <c>Lexicon/README.md</c> for their sources and licences), English words, and the
/// words that stop a capitalised word from being taken for a name in hospital project talk.
/// </summary>
internal static class NameLexicon
{
    private const string Resources = "HealthItPm.Domain.Privacy.Lexicon.";

    // The US Census lists are names as Americans are registered; the world lists (many locales, and
    // names of origins those lists hold few of) add the patients the census missed. A world name that
    // is also an English word ("Hung", "Said") counts only where a cue says a name follows.
    private static readonly HashSet<string> Given = Load("given-names.txt");
    private static readonly HashSet<string> Surnames = Load("surnames.txt");
    private static readonly HashSet<string> WorldGiven = Load("given-names-world.txt", "given-names-curated.txt");
    private static readonly HashSet<string> WorldSurnames = Load("surnames-world.txt", "surnames-curated.txt");
    private static readonly HashSet<string> English = Load("english-words.txt");

    // Given names that are also everyday words, capitalised at the start of a sentence or in a
    // product name ("Will Brown's team sign off?", "Grant Funding", "Mark Complete", "Chase Bank").
    // A name still counts after a cue ("patient Will Brown") or a title ("Mrs. Grant").
    private static readonly HashSet<string> AmbiguousGiven = new(
    [
        "Ad", "Alpha", "Amber", "An", "Angel", "Any", "April", "Art", "August", "Autumn", "Bank", "Bill", "Bond", "Brand", "Bud",
        "Care", "Case", "Cash", "Chance", "Chase", "Chip", "Clay", "Con", "Court", "Cross", "Dale", "Dawn", "Delta", "Derby",
        "Desire", "Destiny", "Echo", "Ed", "Else", "Era", "Even", "Fair", "Faith", "Fan", "Far", "Fax", "Field", "Fields",
        "Free", "Gates", "Genesis", "Glad", "Golden", "Grace", "Grant", "Guy", "Ha", "Had", "Happy", "Harmony", "Haven", "Hi",
        "Hope", "In", "Iris", "Job", "Joy", "June", "Junior", "Karma", "La", "Lady", "Land", "Lane", "Law", "Lean", "Liberty",
        "Link", "Lock", "Long", "Love", "Lucky", "Ma", "Major", "Man", "Manual", "Many", "March", "Mark", "Max", "May", "Mayor",
        "Meta", "Mi", "Mill", "Min", "Minor", "Miss", "Moon", "My", "Nova", "Numbers", "Nu", "Omega", "Pa", "Page", "Park",
        "Pat", "Patience", "Penny", "Port", "Precious", "Price", "Prince", "Queen", "Red", "Rich", "Ring", "Rock", "Row", "Royal", "Sage",
        "Say", "Season", "See", "Serene", "Shadow", "Sky", "So", "Son", "Soon", "Spring", "Star", "Sterling", "Storm", "Summer",
        "Sun", "Temp", "Temple", "Tiny", "Town", "Trace", "Trinity", "Trip", "Urban", "Van", "Wait", "Wake", "Ward", "Wash",
        "Way", "Web", "Will", "Win", "Winter", "Yard", "Young",
    ], StringComparer.OrdinalIgnoreCase);

    // Capitalised words of project talk that are in the name lists: calendar words, vendors and
    // their products, units and buildings, clinical and IT nouns.
    private static readonly HashSet<string> NotNames = new(
    [
        // Calendar.
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter", "Thanksgiving",
        // Vendors and products.
        "Epic", "Cerner", "Oracle", "Meditech", "Allscripts", "Athena", "Athenahealth", "Philips", "Siemens", "Imprivata", "Nuance",
        "Dragon", "Zebra", "Vocera", "Omnicell", "Pyxis", "Baxter", "Alaris", "Hyland", "OnBase", "Citrix", "Microsoft", "Teams",
        "Azure", "Windows", "Haiku", "Rover", "Canto", "Beaker", "Willow", "Cadence", "Prelude", "Cupid", "Stork", "Beacon",
        "Radiant", "Tapestry", "Resolute", "Clarity", "Caboodle", "Cosmos", "Hyperspace", "Hyperdrive", "Bridges", "Kaleidoscope",
        "Cogito", "Healthy", "Planet", "Grand", "Central", "Optime", "Anesthesia", "Rhapsody", "Mirth", "Cloverleaf", "Sectra",
        "Agfa", "Fuji", "Carestream", "Stryker", "Medtronic", "Abbott", "Dexcom", "Ascom", "Spok", "Amion", "Kronos", "Workday",
        "Lawson", "Infor", "Tableau", "Excel", "Outlook", "SharePoint", "Jira", "ServiceNow", "Smartsheet", "Visio",
        "Portal", "Chart", "Sterling", "Mercury", "Apollo", "Atlas", "Orion", "Phoenix", "Titan", "Nexus", "Summit", "Horizon",
        // Places, buildings and units.
        "North", "South", "East", "West", "Tower", "Pavilion", "Campus", "Wing", "Building", "Street", "Hospital", "Medical",
        "Center", "Centre", "Clinic", "Health", "Memorial", "Regional", "General", "Community", "University", "Children",
        "Mercy", "Providence", "Sinai", "Samaritan", "Lourdes", "Unit", "Valley", "Ridge", "Heights", "Hills", "Springs", "Creek",
        "Meadows", "Crossing", "Commons", "Plaza", "Station", "County", "City", "Township", "Village", "Floor", "Suite", "Level", "Annex" +
        "", "Main",
        // Project, clinical and IT nouns that the surname list also holds.
        "Go", "Live", "Patient", "Safety", "Nurse", "Nursing", "Doctor", "Pharmacy", "Lab", "Labs", "Radiology", "Surgery",
        "Cardiology", "Oncology", "Board", "Review", "Sign", "Off", "Build", "Test", "Training", "Support", "Desk",
        "Service", "Help", "Cutover", "Downtime", "Command", "Huddle", "Budget", "Change", "Control", "Steering", "Committee",
        "Council", "Week", "Night", "Shift", "Team", "Group", "Order", "Orders", "Set", "Sets", "Note", "Notes", "Flow",
        "Sheet", "Sheets", "Bed", "Beds", "Room", "Rooms", "Queue", "Interface", "Engine", "Server", "Printer", "Label", "Labels",
        "Scanner", "Badge", "Tap", "Single", "Sign-On", "Smart", "Phrase", "Phrases", "Links", "Report", "Reports",
        "Rule", "Rules", "Alert", "Alerts", "Best", "Practice", "Advisory", "Health", "Maintenance", "Record", "Records",
        "Bar", "Code", "Coding", "Charge", "Charges", "Revenue", "Cycle", "Access", "Security", "Privacy", "Compliance", "Quality",
        "Risk", "Issue", "Issues", "Status",
        "Dashboard", "Workqueue", "Worklist", "Inbox", "In", "Basket", "Ambulatory", "Inpatient", "Outpatient", "Emergency",
        "Trauma", "Stroke", "Sepsis", "Heart", "Cancer", "Women", "Family", "Medicine", "Pediatrics", "Behavioral", "Rehab",
        // Words that follow "patient" in product and service names ("Patient Portal", "Patient Safety").
        "Portals", "Experience", "Engagement", "Registration", "Financial", "Satisfaction", "Education", "Intake", "Scheduling",
        "Transport", "Tracking", "Identification", "Identity", "Advocate", "Relations", "Services", "Charts", "List", "Lists",
        "Data", "Information", "Monitoring", "Monitor", "Monitors", "Handoff", "Handoffs", "Discharge", "Admission", "Admissions",
        "Outcomes", "Wristband", "Wristbands", "Banner", "Header", "Search", "Lookup", "Merge", "Matching", "Summary", "Summaries",
        "Short", "Stay", "Home", "Hospice", "Post", "Acute", "Critical", "Intensive", "Step", "Down", "Float", "Pool",
    ], StringComparer.OrdinalIgnoreCase);

    // Health systems, payers and vendors whose names spell no English word, for names found only by
    // their shape ("Kaiser Permanente sent her records", "Sunquest Beaker").
    private static readonly HashSet<string> Organisations = new(
    [
        "Kaiser", "Permanente", "Geisinger", "Intermountain", "Ochsner", "Sutter", "Novant", "Atrium", "Ascension", "Trinity",
        "Sanford", "Allina", "Baylor", "Emory", "Vanderbilt", "Kaleida", "Optum", "Humana", "Aetna", "Cigna", "Anthem", "Centene",
        "Molina", "Medicare", "Medicaid", "Tricare", "Sunquest", "Netsmart", "Qgenda", "Lumeris", "Wellsky", "Experian", "Availity",
        "Surescripts", "Change", "Healthcare", "Nuvolo", "Cisco", "Aruba", "Meraki", "Fortinet", "Palo", "Alto", "Okta", "Duo", "Entra",
        "Intune", "Jamf", "Zoom", "Webex", "Slack", "Tiger", "TigerConnect", "PerfectServe", "Doximity", "Teladoc", "Amwell", "Cerner",
        "Leidos", "Deloitte", "Accenture", "Nordic", "Impact", "Advisory", "Huron", "Optimum", "Chartis", "Gartner", "Forrester",
        "Cupertino", "Verona", "Madison", "Kansas", "Redmond", "Ganey", "Qualtrics", "Medallia", "Vizient",
        // Makers of the devices at a bedside: "Masimo in bay 4 shows no waveform", "Rauland in 4 east is down".
        "Masimo", "Rauland", "Hillrom", "Hill-Rom", "Zoll", "Mindray", "Spacelabs", "Drager", "Dräger", "Nihon", "Kohden", "Getinge",
        "Maquet", "Covidien", "Medfusion", "Natus", "Verathon", "Capsule", "Cepheid", "Sysmex", "Roche", "Abiomed", "Arjo", "Nellcor",
        "Welch", "Allyn", "Baxter", "Sapphire", "Plum", "Icumed", "Smiths", "Vyaire", "Fresenius", "Cardinal", "Medline", "Owens",
        "Hologic", "Olympus", "Karl", "Storz", "Steris", "Ecolab", "Kci", "Acelity", "Tandem", "Insulet", "Omnipod", "Dexcom",
        // Interface engines, exchanges and interpreter services, named where a patient would be ("Redox's results feed").
        "Redox", "Lyniate", "Corepoint", "Iatric", "Qvera", "InterSystems", "HealthShare", "Verato", "NextGate", "Carequality",
        "CommonWell", "Kno2", "Cyracom", "LanguageLine", "Martti", "Jeenie", "Propio", "Voyce", "Spectralink", "Glucommander",
        "Accu-Chek", "Bugsy", "Lumens", "PowerChart", "FirstNet", "SurgiNet", "Soarian", "Medhost", "Evident", "Athenanet",
    ], StringComparer.OrdinalIgnoreCase);

    // Roles before a name ("analyst Priya Shah", "charge nurse Dana Ruiz") or after it ("Priya Shah,
    // our Epic analyst", "Dana Ruiz (PM)"): staff, not patients.
    private static readonly HashSet<string> Roles = new(
    [
        "dr", "doctor", "nurse", "rn", "lpn", "np", "pa", "md", "cna", "crna", "aprn", "pharmacist", "pharmd", "physician",
        "surgeon", "hospitalist", "resident", "attending", "intern", "clinician", "therapist", "dietitian", "radiologist",
        "anesthesiologist", "pathologist", "cardiologist", "pediatrician", "midwife", "manager", "mgr", "director", "analyst",
        "lead", "architect", "engineer", "developer", "dev", "trainer", "educator", "superuser", "super-user", "champion",
        "sponsor", "pm", "pmo", "coordinator", "specialist", "consultant", "contractor", "rep", "representative", "vendor",
        "admin", "administrator", "tech", "technician", "technologist", "informaticist", "cmio", "cnio", "cio", "cno", "cmo",
        "cfo", "ceo", "coo", "ciso", "cto", "vp", "svp", "evp", "chief", "supervisor", "scheduler", "builder", "tester", "owner",
        "officer", "liaison", "colleague", "counterpart", "contact", "dba", "sme", "head", "executive", "president", "assistant",
        "clerk", "registrar", "coder", "aide", "volunteer", "partner", "principal", "secretary", "chair", "chairperson",
        "educators", "analysts", "nurses", "managers", "leads", "trainers", "superusers", "informatics", "sysadmin", "mentor", "ts",
    ], StringComparer.OrdinalIgnoreCase);

    // Credentials written after a staff member's name: "Dana Ruiz, RN".
    private static readonly HashSet<string> Credentials = new(
    [
        "RN", "MD", "NP", "PA", "PA-C", "DO", "LPN", "CNA", "PharmD", "BSN", "MSN", "DNP", "PhD", "MBA", "PMP", "CPHIMS", "CRNA",
        "APRN", "FACHE", "RPh", "MHA", "MPH", "CCRN", "RRT", "CPhT",
    ], StringComparer.Ordinal);

    // Titles in front of a patient's (or anyone's) name.
    private static readonly HashSet<string> PersonTitles = new(["Mr", "Mrs", "Ms", "Miss", "Mx"], StringComparer.Ordinal);

    // Titles that make the name after them staff.
    private static readonly HashSet<string> StaffTitles = new(
        ["Dr", "Doctor", "Nurse", "Prof", "Professor", "Pastor", "Chaplain"],
        StringComparer.Ordinal);

    /// <summary>A given name that is not also an everyday word, so it can start a name with no cue.</summary>
    public static bool IsUnambiguousGiven(string word) =>
        !NotNames.Contains(word) && !AmbiguousGiven.Contains(word)
            && (Contains(Given, word) || (Contains(WorldGiven, word) && !IsEnglishWord(word)));

    public static bool IsSurname(string word) =>
        !NotNames.Contains(word)
            && (Contains(Surnames, word) || ((Contains(WorldSurnames, word) || IsSurnameShaped(word)) && !IsEnglishWord(word)));

    // Surname endings of many origins that no English word of that length has: Greek ("Papadimitriou",
    // "Georgiadis"), Slavic ("Hrytsenko", "Wisniewski", "Petrovic"), Romanian, Turkish, Armenian,
    // Georgian, Tamil ("Ramanathan", "Krishnaswamy"), Persian.
    private static readonly string[] SurnameEndings =
    [
        "opoulos", "opoulou", "idis", "idou", "akis", "iadis", "imitriou", "enko", "chuk", "czuk", "czyk", "owski", "ewski", "owska",
        "ewska",
        "inski", "insky", "ovich", "evich", "ovych", "ovic", "evic", "escu", "eanu", "oglu", "shvili", "adze", "yan", "nathan", "swamy",
        "krishnan", "murthy", "arajan", "zadeh", "ullah", "uddin",
    ];

    private static bool IsSurnameShaped(string word) =>
        word.Length >= 6 && SurnameEndings.Any(e => word.Length >= e.Length + 3 && word.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>A word of any name list, everyday word or not: what may follow a patient cue or a title.</summary>
    public static bool IsAnyName(string word) =>
        !NotNames.Contains(word) && !Roles.Contains(word)
            && (Contains(Given, word) || Contains(Surnames, word) || Contains(WorldGiven, word) || Contains(WorldSurnames, word)
                || (IsSurnameShaped(word) && !IsEnglishWord(word)));

    /// <summary>A given name of the lists, even one that also names a place or a product ("Lourdes", "Mercy"): after a relation.</summary>
    public static bool IsListedGiven(string word) => Contains(Given, word) || Contains(WorldGiven, word);

    /// <summary>An English word of everyday or professional use ("rash", "drip", "verified"), in any case.</summary>
    public static bool IsEnglishWord(string word) =>
        English.Contains(word) || Jargon.Contains(word)
            || (word.Contains('-', StringComparison.Ordinal) && word.Split('-').All(w => English.Contains(w) || Jargon.Contains(w)));

    // Words of ward and IT talk that the dictionary lacks, so that "patient app vendor" or "pt meds" is not a name.
    private static readonly HashSet<string> Jargon = new(
    [
        "app", "apps", "wifi", "signup", "signups", "ipad", "ipads", "iphone", "iphones", "offline", "backend", "config", "admin",
        "chatbot",
        "mychart", "workqueue", "workqueues", "worklist", "worklists", "pdf", "vpn", "sso", "mfa", "ehr", "emr", "adt", "meds", "prn",
        "stat", "tele", "med", "surg", "medsurg", "peds", "obgyn", "ortho", "neuro", "onc", "nicu", "picu", "pacu", "preop", "postop",
        "covid", "rsv", "ekg", "iv", "po", "npo", "dnr", "vanc", "abx", "cath", "foley", "picc", "labs", "vitals", "appt", "appts",
        "rx", "dx", "hx", "tx", "sx", "fx", "pcp", "avs", "mar", "bmp", "cbc", "inr", "ptt", "abg", "uti", "copd", "chf", "afib",
    ], StringComparer.OrdinalIgnoreCase);

    public static bool IsNotName(string word) => NotNames.Contains(word);

    public static bool IsOrganisation(string word) => Organisations.Contains(word);

    public static bool IsRole(string word) => Roles.Contains(word);

    public static bool IsPersonTitle(string word) => PersonTitles.Contains(word);

    public static bool IsStaffTitle(string word) => StaffTitles.Contains(word);

    public static bool IsTitleOrCredential(string word) =>
        PersonTitles.Contains(word) || StaffTitles.Contains(word) || Credentials.Contains(word);

    // The census writes O'Connor as Oconnor and has no double-barrelled names: "Smith-Jones" is found by either part.
    // Names typed with their diacritics ("José", "Nguyễn Thị") are looked up without them too, as the census writes them.
    private static bool Contains(HashSet<string> names, string word) =>
        names.Contains(word)
            || (word.Contains('\'', StringComparison.Ordinal) && names.Contains(word.Replace("'", "", StringComparison.Ordinal)))
            || (word.Contains('-', StringComparison.Ordinal) && word.Split('-').Any(names.Contains))
            || (word.Any(c => c > '\u007F') && Fold(word) is var folded && folded != word && Contains(names, folded));

    private static string Fold(string word)
    {
        var folded = new System.Text.StringBuilder(word.Length);
        foreach (var c in word.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { 'đ' or 'Đ' => 'd', 'ł' or 'Ł' => 'l', 'ø' or 'Ø' => 'o', 'ı' => 'i', _ => c });
            }
        }

        return folded.ToString();
    }

    private static HashSet<string> Load(params string[] lists)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var list in lists)
        {
            using var stream = typeof(NameLexicon).Assembly.GetManifestResourceStream(Resources + list)
                ?? throw new InvalidOperationException("The word list " + list + " is not embedded in the Domain assembly.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    names.Add(line);
                }
            }
        }

        return names;
    }
}
