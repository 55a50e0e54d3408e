using System.Net;
using System.Text.RegularExpressions;

namespace HealthItPm.Domain.Privacy;

/// <summary>
/// The Safe Harbor identifiers other than names, as patterns over normalised text. A number alone
/// is never enough: ticket, invoice, extension and budget numbers are everywhere in project talk, so
/// identifiers that are just digits need a cue ("MRN", "account no.", "member ID") or a shape
/// nothing else has (an SSN's 3-2-4, a phone number's 3-3-4, a street address's number, name and
/// street type). Where a cue is needed, the finding is the value, so masking keeps the cue readable.
/// </summary>
internal static class IdentifierPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions AnyCase = Options | RegexOptions.IgnoreCase;
    private static readonly TimeSpan Timeout = PatternLimits.MatchTimeout;

    // Between a cue and its value: "MRN is 00482913", "MRN=00482913", "mrn: 0048-2913", "account no. 55-2210931".
    private const string Then = @"(\s*(:|#|=|-|\bis\b|\bwas\b|\bof\b|\bno\b\.?|\bnumber\b|\bnum\b|\bid\b)\s*){0,3}\s*";

    // A value that holds at least four digits: "E7719920", "W123456789", "1EG4-TE5-MK73".
    private const string Id = @"(?<v>(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])";

    private const string Month =
        @"(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\.?";

    // A calendar date with or without its year: every element of a date but the year is PHI.
    internal const string Date =
        @"(?<v>[0-9]{1,2}[/.-][0-9]{1,2}([/.-][0-9]{2,4})?|[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}-?" + Month + @"-?[0-9]{2,4}|"
            + @"[0-9]{4}\s+" + Month + @"\s+[0-9]{1,2}|"
            + Month + @"-[0-9]{1,2}-[0-9]{2,4}|" + Month + @"\s+(of\s+)?[0-9]{4}|"
            + Month + @"\s+[0-9]{1,2}(st|nd|rd|th)?(,?\s+[0-9]{4})?|[0-9]{1,2}(st|nd|rd|th)?\s+(of\s+)?" + Month
            + @"(,?\s+[0-9]{4})?|(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])|[0-9]{1,2}-" + Month + @"(?![\p{L}-])|"
            + @"(the\s+)?" + DayWordOnly + @"\s+of\s+" + Month + @"(,?\s+([0-9]{4}|" + YearWords + @"))?|"
            + Month + @"\s+the\s+" + DayWordOnly + @"(,?\s+([0-9]{4}|" + YearWords + @"))?)(?![0-9%])";

    private const string Weekday = @"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\.?";

    // Numbers as they are said aloud: "five oh nine", "nineteen forty", "the second of march".
    private const string DigitWord = @"(zero|oh|o|one|two|three|four|five|six|seven|eight|nine)";

    // A day of the month in words only: "fourteenth", "twenty-first".
    private const string DayWordOnly = @"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        + @"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](first|second|third|"
        + @"fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]first)\b";

    // A care event before "the 14th", "on the third": "coded on", "dc'd home", "delivered".
    private static readonly Regex CareEventBefore = new(@"\b(dc'?d?|d/c'?d?|discharged?|(re-?)?admit(ted)?|came\s+(in|back|through\s+the\s+"
        + @"(ed|er))|sent|coded|delivered|fell|died|passed(\s+away)?|expired|arrived|transferred|xfer'?d|eloped|left\s+ama|seen|"
        + @"intubated|extubated|(surgery|procedure|delivery|c-section|dialysis)(\s+(was|is))?)\s+(home\s+)?(on\s+)?$", AnyCase, Timeout);

    // After "the third": a floor, an attempt, a ticket's version, not a day.
    private const string NotAnOrdinalDay = @"(?!\s+(of\s+)?(floor|time|attempt|try|round|call|ticket|version|build|row|line|column|"
        + @"page|step|item|place|shift|one|pt|patient))";

    // Child welfare, protective services and juvenile justice agencies by their letters: "DFCS", "DCYF", "DJJ".
    private const string Agencies = @"(?-i:CPS|APS|DCFS|DFCS|DCF|DSS|DHS|DHHS|DSHS|DCS|ACS|CYFD|DCYF|DFPS|OCFS|CFS|CYS|DJJ)";

    // What the ward calls a procedure for short: "his lap chole", "her appy", "the cabg", "TKA".
    private const string ProcedureNicknames = @"(lap\s+[\p{L}-]+|chole|appy|cabg|tavr|tka|tha|tkr|thr|orif|ercp|egd|turp|d&c|cysto|"
        + @"c-?sec|lumbar\s+puncture|lp|ablation|stent|pacer|port\s+placement)";

    private const string DayWord = @"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        + @"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-](first|second|third|fourth|fifth|"
        + @"sixth|seventh|eighth|ninth)|thirtieth|thirty[\s-]first|[0-9]{1,2}(st|nd|rd|th)?)";

    private const string YearWords = @"(nineteen|twenty)[\s-](hundred|oh[\s-]" + DigitWord + @"|ten|eleven|twelve|thirteen|fourteen|"
        + @"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)([\s-]" + DigitWord + ")?";

    // A field of a log line and its value: "field=ssn value=602188847", "key: dob, val: 19440612".
    private static string LoggedField(string names) =>
        @"\b(field|fld|key|attr|attribute|name|col|column)\s*[=:]\s*[""']?(" + names + @")[""']?[\s,;|]+(value|val|v|data)\s*[=:]\s*[""']?"
            + @"(?<v>[A-Z0-9][A-Z0-9/-]{3,19})";

    private const string StreetType =
        @"(Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|" +
        @"Circle|Cir|Trail|Trl|Square|Sq|Pike|Alley|Row|Ext|Extension|Loop|Cove|Cv|Crossing|Xing|Landing|Lndg|Ridge|Rdg|Bend|Spur|"
        + @"Hollow)\b\.?";

    private const string States =
        "(AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|" +
        "TN|TX|UT|VT|VA|WA|WV|WI|WY)";

    // Ninety and over in words: "ninety", "ninety-three", "ninety one", "a hundred and two".
    private const string AgeInWords = @"(ninety([\s-](one|two|three|four|five|six|seven|eight|nine))?|(one|a)\s+hundred(\s+and)?"
        + @"([\s-](one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?)";

    private const string Payers =
        @"(aetna|cigna|humana|uhc|united\s*health\s*care|unitedhealthcare|bcbs|blue\s+cross(\s+blue\s+shield)?|blue\s+shield|anthem|"
            + @"kaiser|molina|centene|ambetter|wellcare|tricare|medi-?cal|masshealth|caresource|oscar|highmark|amerigroup|optum|"
            + @"champva|carefirst|premera|regence|emblem(health)?|fidelis|healthfirst|harvard\s+pilgrim|tufts|geisinger|medicaid|"
            + @"medicare|champus|ahcccs|tenncare|soonercare|badgercare|kancare|mainecare|peachcare)";

    // A device's serial as printed on its card, letters apart from digits ("RBX 301442"), or any identifier shape.
    private const string DeviceValue =
        @"(?<v>[A-Z]{2,4}\s[0-9]{5,10}(?![A-Z0-9-])|(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])";

    // A licence's number: letters and digits ("B7729104", "WDLK7BQ29P", "S530-4417-9921") or three groups of digits ("492 188 305").
    // Or a letter and groups of digits as a card prints them ("S530 118 442 097", "K 612 554 903 117").
    private const string LicenceValue = @"(?<v>[0-9]{3}\s[0-9]{3}\s[0-9]{3}(?![0-9])|[A-Z]{1,2}\s?[0-9]{3,4}(\s[0-9]{3,4}){2,4}(?![0-9])|"
        + @"(?=[A-Z-]*[0-9][A-Z-]*[0-9])[A-Z0-9][A-Z0-9-]{5,19}[A-Z0-9])(?![A-Z0-9-])";

    // A plan's id with its letters apart from its digits: "WI-BH 77230419".
    private const string SpacedId = @"(?<v>[A-Z]{1,4}(-[A-Z]{1,4})?\s[0-9]{6,12})(?![A-Z0-9-])";

    // What a number after a birthday or an admission is when it is not a person's day: a project's deadline or go-live.
    // "the cutover the night of june 6th", "deployed the weekend of 3/2": a project's day.
    private static readonly Regex ProjectEventBefore = new(@"\b(cutover|go-?live|downtime|upgrade|deploy(ed|ment)?|release|migration|"
        + @"freeze|training|launch|rollout|conversion|outage|maintenance|build|patch)\b[^.;!?]{0,30}$", AnyCase, Timeout);

    // "hospital instagram is …", "our facebook page": the organisation's own account, in a text about no patient.
    private static readonly Regex OrganisationSocial = new(@"\b(our|hospital|hospital'?s|system'?s?|organi[sz]ation'?s?|clinic'?s?|"
        + @"foundation'?s?|marketing|comms|communications)\s+(official\s+)?(facebook|fb|instagram|insta|ig|tiktok|twitter|x|linkedin|"
        + @"youtube|threads|pinterest)\b", AnyCase, Timeout);

    private static readonly Regex ProjectDateAfter = new(
        @"^\s*(deadline|go-?live|cutover|target|milestone|release|due\s+date|sprint|demo|upgrade|freeze)\b", AnyCase, Timeout);

    // A colleague's birthday: "our oldest volunteer just turned 91", "the greeter at the main desk turns 90".
    private static readonly Regex StaffAgeBefore = new(@"\b(volunteers?|employees?|colleagues?|co-?workers?|staffer|nurses?|doctors?|"
        + @"physicians?|chaplains?|greeters?|retirees?|manager|director|secretary|receptionist|unit\s+clerk|super-?users?)\b"
        + @"(?![^.;!?]*\b(pt|patient|mom|dad|mother|father|grandma|grandpa|wife|husband)\b)[^.;!?]{0,30}$", AnyCase, Timeout);

    // A building or an institution's age: "the Houghton building is 103 years old", "hospital turns 100 this year".
    private static readonly Regex PlaceAgeBefore = new(
        @"\b(building|hospital|tower|wing|campus|house|church|school|bridge|hall|facility|library|clinic|plant|boiler|elevators?|"
            + @"pipes|wiring|organi[sz]ation|company|foundation|town|city|county)\s+((is|was|are|were|turns|turned|that\s+is|now|will\s+be)"
            + @"\s+)+((almost|nearly|over|about|like|literally|at\s+least)\s+)?$", AnyCase, Timeout);

    // The part of a link that names a patient's record: "/patient/4471902", "/patients/330194", "?patientId=558120".
    private const string RecordPath =
        @"(patients?|pt|mrn|charts?|records?|person)(/|=)[0-9]{4,}|[?&](patient_?id|pid|mrn|pt_?id)=[0-9]{4,}";

    // Who a person may be known as: someone in office, on the news, on a team, on stage.
    private const string Notable =
        @"(mayor|governor|lieutenant\s+governor|senator|state\s+senator|congress(man|woman)|council(man|woman|\s+member)|"
            + @"alderman|sheriff|police\s+chief|fire\s+chief|district\s+attorney|judge|bishop|news\s+anchor|anchor(man|woman)|"
            + @"weather(man|woman)|meteorologist|quarterback|QB|head\s+coach|point\s+guard|pitcher|goalie|olympian|celebrity|"
            + @"rapper|singer|actor|actress|pop\s+star|rock\s+star|movie\s+star|tv\s+star|influencer|youtuber|famous\s+[\p{L}-]+|"
            + @"well-?known\s+[\p{L}-]+|(weekend|morning|evening|nightly|local|tv|news|sports)\s+((radio|talk)\s+)?"
            + @"(anchor|reporter|host|dj)|"
            + @"(anchor|reporter|host|weather\s+(man|woman|guy|girl))\s+on\s+(channel|ch\.?)\s*[0-9]+|"
            + @"(channel|ch\.?)\s*[0-9]+\s+((news|weather|sports|morning|evening)\s+)?(guy|girl|man|woman|lady|anchor|reporter|host)|"
            + @"weather\s+(guy|girl|lady)|(school|county|city|library|hospital)\s+board\s+(president|chair(man|woman)?)|superintendent|"
            + @"(olympic|olympian|paralympic|pro|professional|nfl|nba|wnba|mlb|nhl|nascar|ufc)\s+"
            + @"([\p{L}-]+\s+)?(athlete|player|skier|jumper|skater|swimmer|runner|boxer|wrestler|fighter|driver|golfer|gymnast|"
            + @"cyclist|climber|medalist|snowboarder|sprinter)|"
            + @"(eating|contest|world|national|state|olympic|boxing|wrestling|rodeo|spelling\s+bee|bee|poker|chess|lottery|jackpot|"
            + @"marathon|pageant)\s+(champ|champion|winner|record\s+holder|queen|king)|(city|town|county|state|village|tribe)'s\s+"
            + @"([\p{L}-]+\s+)?(chief|mayor|manager|attorney|clerk|treasurer|coroner|sheriff|judge|chairman|president))";

    // "pt photos on the banner", "patient pictures in the header": the portal's feature, no one patient's.
    // "ICU staff selfie", "the go-live team headshot": colleagues' pictures.
    private static readonly Regex StaffPhotoBefore = new(@"\b(staff|team|teams|group|crew|colleagues?|coworkers?|nurses|analysts|"
        + @"super-?users?|go-?live|huddle|command\s+cent(er|re)|department|dept|unit)('?s)?\s+$", AnyCase, Timeout);

    private static readonly Regex GenericPhotos = new(@"^(the\s+)?(patient|pt)s?\s+(photo(graph)?|picture|pic|image)s$", AnyCase, Timeout);

    private static readonly string[] BlogHosts =
        ["blogspot.", "wordpress.", "tumblr.", "substack.", "weebly.", "wixsite.", "typepad.", "livejournal.", "ghost.", "carrd.",
            "strikingly.", "webnode."];

    private static readonly Regex VinWord = new(@"\b(VINs?|vehicle\s+identification)\b", AnyCase, Timeout);

    private static readonly Regex NotableWord = new(@"\b(" + Notable + @"|quadruplets|quintuplets|sextuplets|quads|conjoined|only)\b",
        AnyCase, Timeout);

    // Full state names before a licence: "Texas DL 28471960", "New Mexico driver's license ...".
    private const string StateNames = @"(alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|"
        + @"idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|"
        + @"montana|nebraska|nevada|new\s+hampshire|new\s+jersey|new\s+mexico|new\s+york|north\s+carolina|north\s+dakota|ohio|"
        + @"oklahoma|oregon|pennsylvania|rhode\s+island|south\s+carolina|south\s+dakota|tennessee|texas|utah|vermont|virginia|"
        + @"washington|west\s+virginia|wisconsin|wyoming)";

    // Ticket, change and request prefixes of service desks: a letter-prefixed number after one of these is not a patient's.
    private static readonly HashSet<string> TicketPrefixes = new(
        ["INC", "REQ", "CHG", "PRB", "KB", "CS", "PO", "WO", "SR", "CR", "TKT", "TSK", "CAS", "SO", "INV", "PR", "CHM", "RFC"],
        StringComparer.Ordinal);

    // Record words that make a letter-prefixed number a patient's record: "SB00938127 shows two open encounters".
    private static readonly Regex RecordWords = new(@"\b(encounters?|charts?|armband|wristband|merged?|merging|registration|"
        + @"admitted|discharged|mrn|records?|face\s+sheet|dup(licate)?s?)\b", AnyCase, Timeout);

    // Whose record a number is said to be: "(pt's chart)", "is her chart".
    private static readonly Regex OwnRecord = new(@"\b(pt'?s|patient'?s|his|her|their|mom'?s|dad'?s|baby'?s)\s+(chart|mrn|record|"
        + @"encounter|account|acct)\b", AnyCase, Timeout);

    // A text about a vehicle, by its kind or its make and model: "the son's white silverado".
    private static readonly Regex VehicleWords = new(@"\b(car|truck|motorcycle|motorbike|bike|vehicle|van|suv|parked|parking|"
        + @"out\s+front|driveway|towed|tow|pickup|sedan|minivan|hatchback|coupe|jeep|ford|chevy|chevrolet|silverado|toyota|honda|"
        + @"nissan|dodge|gmc|subaru|kia|hyundai|mazda|buick|cadillac|tesla|lexus|acura|camry|corolla|tahoe|"
        + @"f-?150|altima|escalade|prius|rav4|cr-v|wrangler|malibu|impala)\b", AnyCase, Timeout);

    // A patient's own things: "her meds", "his chart", "their labs".
    private static readonly Regex OwnCareThings = new(@"\b(his|her|their)\s+(meds|medications|labs|chart|allergies|results|mar|vitals|"
        + @"orders|insulin|drip|wristband|armband)\b", AnyCase, Timeout);

    private static readonly Regex PictureWord = new(
        @"\b(pics?|photos?|photograph|images?|screen\s?shots?|screenshots?|video|picture|frame|shot|camera|recording|visible|selfie)\b",
        AnyCase, Timeout);

    // Serial numbers are everywhere in deployment work (scanners, printers, laptops); they are a
    // patient's identifier only when the text is about a patient or a device a patient carries.
    private static readonly Regex OwnedDevice = new(
        @"\b((is|are)\s+ours|asset\s+(tag|number|#)|our\s+(own\s+)?(pumps?|devices?|inventory|fleet|loaners?)|hospital-?owned|"
            + @"loaner\s+pool)\b", AnyCase, Timeout);

    // A device in clinical engineering's hands: "biomed pulled it from service", "failed the firmware update".
    // A device the text says no patient has: "pump serial 1122-33418 pulled for the recall, not on a pt".
    private static readonly Regex NotOnAPatient = new(@"\bnot\s+(on|in|with|from|used\s+on|attached\s+to)\s+(a|any)\s+(pt|patient)\b",
        AnyCase, Timeout);

    private static readonly Regex BiomedDevice = new(@"\b(biomed|clinical\s+engineering|firmware|pulled\s+(it\s+|them\s+)?from\s+"
        + @"service|out\s+of\s+service|preventive\s+maintenance|pm\s+(due|check)|recall(ed)?|depot|rma)\b", AnyCase, Timeout);

    private static readonly Regex PatientDevice = new(
        @"\b(patient|pt|his|her|him|implant(ed)?|pacemaker|pump|defibrillator|ICD|CGM|glucose\s+monitor|hearing\s+aid|home\s+monitor|" +
        @"wearable|c?pap|bipap|(home|oxygen)\s+(vent|ventilator|concentrator|o2|oxygen)|nebuli[sz]er)\b", AnyCase, Timeout);

    // A public address next to these words is a server's or a vendor's, not a person's.
    private static readonly Regex Infrastructure = new(
        @"\b(vpn|tunnel|server|host|gateway|firewall|endpoint|subnet|router|switch|dns|load\s+balancer|interface\s+engine|sftp|whitelist|" +
        @"allow-?list|nat|ip\s+range)\b", AnyCase, Timeout);

    // "plate ABC 1234", "plate 7ABC123", "plate KLM-4821": letters and digits, a space or hyphen inside.
    private const string Plate = @"(?<v>(?=[A-Z0-9]{0,4}[\s-]?[A-Z0-9]{0,4}[0-9])(?=[A-Z0-9]{0,4}[\s-]?[A-Z0-9]{0,4}[A-Z])"
        + @"[A-Z0-9]{1,4}[\s-]?[A-Z0-9]{2,5})(?![A-Z0-9])";

    // What "expired" refers to in IT talk: a certificate, a password, a contract.
    private static readonly Regex ExpiredThing = new(
        @"\b(cert|certificate|ssl|tls|licen[cs]e|password|token|contract|warranty|subscription|trial|key|card|badge|account|link|code|"
            + @"session|quote|po|domain|support|agreement)s?\s+((has|have|had|was|were|is|already|just)\s+)*$",
        AnyCase, Timeout);

    // Before a run of ten digits, what makes it an order, a ticket or an account rather than a phone number.
    private static readonly Regex NumberCue = new(
        @"\b(po|order|invoice|inv|ticket|case|inc|req|ritm|chg|change|acct|account|csn|fin|har|mrn|id|member|medicaid|medicare|policy|"
            + @"claim|serial|s/n|sn|npi|tax|ein|routing|batch|lot|tracking|part|sku|model|asset|tag|quote|contract|project|"
            + @"cost\s+cent(er|re)|gl|budget|barcode)\s*(number|no\b\.?|num|#|id|is|was|:)?\s*[:#=]?\s*$",
        AnyCase, Timeout);

    // A department's line: toll-free, an option or extension, a help line or desk, with no person whose number it is.
    private static readonly Regex DepartmentLine = new(
        @"\b(after[\s-]?(hours|hrs)|on-?call\s+(tech|line|pager)|24/7|help\s*line|hot\s*line|service\s*desk|help\s*desk|support|"
            + @"vendor|option\s+[0-9]|press\s+[0-9]|"
            + @"ext\b\.?|extension|main\s+(line|number)|(hospital|clinic|unit|department|office|practice)('s)?\s+(main\s+)?"
            + @"(phone\s+)?(number|line)|"
            + @"front\s+desk|switchboard|call\s+cent(er|re)|command\s+cent(er|re)|department|dept|([\p{L}-]+\s+)?(interpreter|nurse|"
            + @"scheduling|pharmacy|refill|billing|triage|appointment|advice|info|information|access|transfer|referral|intake|"
            + @"call|cent(er|re)|unit|station|clinic|fax|text|texting|sms|reminders?)\s+(fax\s+)?line|desk|operator|dial-?in|"
            + @"conf(erence)?\s+(id|bridge|line)|teams\s+bridge|(appt|appointment)\s+reminders|nurses'?\s+station|nursing\s+station|"
            + @"reading\s+room|release\s+of\s+info(rmation)?|(unit|dept|department|office|clinic|lab|pharmacy|HIM|ROI)\s+fax\b|"
            + @"\bto\s+(the\s+)?(HIM|registration|scheduling|pharmacy|lab|radiology|billing|medical\s+records|records|admitting|coding|"
            + @"CDI|UR|utilization\s+review|case\s+management)(\s+(dept|department|office|team))?\s+at|"
            + @"(biomed|clinical\s+engineering|it|is|pharmacy|lab|radiology|facilities|security|engineering|interfaces?|informatics|"
            + @"analysts?|vendor|desktop|network|telecom)\s+on-?call|\bpager\b|\b(central|main)\s+(scheduling|registration|pharmacy|intake|"
            + @"admitting|supply|transport|dispatch|billing|scanning)|\b(2fa|mfa|short\s+code))",
        AnyCase, Timeout);

    // A fax machine that is a department's: "the central pharmacy fax", "the lab fax".
    private const string FaxOwners = @"\b(central|main|department|dept|unit|pharmacy|lab|clinic|office|registration|HIM|records|"
        + @"radiology|billing|admitting|nursing|station|desk|team|vendor|outpatient|inpatient)('?s)?\s+";

    private static readonly Regex DepartmentFax = new(FaxOwners + "$", AnyCase, Timeout);

    // Before a number, a department's fax cue: "the central pharmacy fax (617) 555-0100".
    private static readonly Regex DepartmentFaxBefore = new(
        FaxOwners + @"fax(\s+(number|no\b\.?|#|line))?\s*[:#]?\s*((is|was)\s+|to\s+|(moved|changed|switched|now)\s+(to\s+)?)*$",
        AnyCase, Timeout);

    private static readonly Regex PersonsNumber = new(
        @"\b(his|her|their|(patient|pt)(?![\s-]+(services|access|experience|relations|financial|advocacy|advocates?|registration|facing|"
            + @"scheduling|line|navigation|navigators?|liaisons?)\b)|daughter|son|wife|husband|mom|dad|mother|father|sister|brother|"
            + @"family|cell|mobile|home|personal|guardian|caregiver|proxy)('s)?\b",
        AnyCase, Timeout);

    // An address that is a person's, whatever else the text says ("home IP ... in the vpn logs").
    private static readonly Regex PersonalAddress = new(
        @"\b((home|her|his|their|patient'?s?|pt'?s?|personal|residential)\s+(public\s+)?(ip(v[46])?|ip\s+address|address|wi-?fi|"
            + @"network|router|"
            + @"internet|isp)\b|(patient|pt)\s+(logged|signed|logs|signs|connected|came)\b)",
        AnyCase, Timeout);

    // Four dotted numbers in a text about releases are versions ("rhapsody version 7.2.1.3 in TST, 7.1.0.8 in PRD").
    private static readonly Regex VersionWords = new(
        @"\b(version|ver|release|build|patch|hotfix|upgrade|firmware|package|cu|sp|rev|tst|prd|prod|poc)\b", AnyCase, Timeout);

    private static readonly Regex Patient = new(@"\b(patients?|pts?)\b", AnyCase, Timeout);

    // A text about a person: a patient, someone's pronoun, a relative.
    private static readonly Regex Person = new(
        @"\b(patients?|pts?|she|he|her|his|him|they|their|mom|dad|mother|father|wife|husband|daughter|son|baby|family|mrs?|ms|lady|"
            + @"gentleman|decedent)\b",
        AnyCase, Timeout);

    // Before a street address, what makes it a site of the organisation or a vendor rather than where someone lives.
    private static readonly Regex SiteBefore = new(
        @"\b(clinic|office|offices|building|site|campus|facility|location|cent(er|re)|warehouse|hq|headquarters|store|practice|"
            + @"branch|garage|depot|plant|lab|dock|entrance|door|vendor|company|moved|move|moving|relocat(e|ed|ing)|opens?|opening|"
            + @"ship(ped)?|deliver(ed)?)"
            + @"('?s)?\s+((is|are|was|will\s+be|now)\s+)?((at|on|to|in)\s+)?$"
        // "command center moves to the annex at …": a team's place, where it moves.
        + @"|\b(moves?|moving|moved|relocat(es|ed|ing)|opens?|opening)\s+(back\s+)?(to|in)\s+(the\s+|our\s+)?([\p{L}'-]+\s+){1,3}"
            + @"(at|on)\s+$",
        AnyCase, Timeout);

    // Where a colleague lives, told for their work: "she lives in Sedona so she's remote on fridays".
    private static readonly Regex Commute = new(@"\b(remote|wfh|commutes?|commuting|drives\s+in|go-?live|on-?site|covers?|"
        + @"at\s+the\s+elbow)\b", AnyCase, Timeout);

    // A state, a country or a continent is no place smaller than a state.
    private static readonly Regex NotATown = new(@"^(" + StateNames + @"|Mexico|Canada|Guatemala|Honduras|Europe|Asia|Africa)$",
        AnyCase, Timeout);

    // Things sent to an organisation by its name: "ship the badges to Kestrel Imaging, 1200 Innovation Way Suite 400, …".
    private static readonly Regex ShippedToOrganisation = new(
        @"\b(ship|mail|send|deliver|courier|fedex|return)(ed|ing|s)?\b[^.;!?]{0,40}?\bto\s+(?-i:[A-Z][\p{L}&-]*)"
            + @"(\s+(?-i:[A-Z][\p{L}&-]*)){0,3},",
        AnyCase, Timeout);

    // A person who moved, not a clinic: "she moved to 77 Harbor View Terrace #4", "the pt relocated to ...".
    private static readonly Regex PersonMovedBefore = new(
        @"\b(she|he|they|pt|patient|family|mom|dad|mother|father|daughter|son|wife|husband|guardian|caregiver)('s|\s+(has|had|just|"
            + @"recently))*\s+(moved|relocated|moving|is\s+moving|will\s+be\s+moving)\s+(to|in\s+to|into)\s+$",
        AnyCase, Timeout);

    // Equipment or care brought to where a patient lives: "DME should deliver to 609 Oak Bluff Ln".
    private static readonly Regex HomeDelivery = new(
        @"\b(DME|home\s+health|home\s+infusion|home\s+oxygen|o2|oxygen|hospice|meals\s+on\s+wheels|visiting\s+nurse|patient|pt|his|"
            + @"her|their)\b", AnyCase, Timeout);

    // "the Hilton Head clinic (zip 29926)": a site of the organisation by its ZIP.
    private static readonly Regex SiteZipBefore = new(@"\b(clinic|office|site|campus|building|facility|location|hospital|practice|"
        + @"branch|cent(er|re)|warehouse|hq|store|pharmacy|lab|data\s+cent(er|re))('?s)?\s*[(,-]?\s*$", AnyCase, Timeout);

    // "the main campus address on the packing slips is …", "warehouse address: …": a site's address, told as the site's.
    private static readonly Regex SiteAddressBefore = new(@"\b(campus|site|clinic|hospital|office|building|warehouse|facility|"
        + @"shipping|receiving|delivery|dock|vendor|billing\s+office|hq)\s+address\b", AnyCase, Timeout);

    private static readonly Regex SiteAfter = new(@"^,?\s*(suite|ste|floor|fl|bldg|building|room|dock|loading)\b", AnyCase, Timeout);

    private static readonly Regex BiometricOwner = new(
        @"\b(patients?|pts?|pt's|patient's|her|his|their|him|mrs?|ms|miss|family|newborn|baby|decedents?|deceased|remains|"
            + @"(john|jane)\s+doe|check-?in\s+kiosks?|registration\s+kiosks?)\b", AnyCase, Timeout);

    // What a person's number is for at work, never a patient's identifier: a ticket, a phone, an order, a room.
    private static readonly Regex WorkNumbers = new(@"\b(ticket|inc|incident|req|request|change|chg|case|order|po|invoice|ext|"
        + @"extension|phone|cell|mobile|pager|fax|room|bed|desk|office|version|build|release|asset|tag|laptop|printer|npi|dea|"
        + @"provider|license|licence|dl|cdl|passport|ssn|social|mrn|account|acct|encounter|fin|csn|member|policy|group|plan|"
        + @"vin|plate|serial|device|rx|prescription|confirmation|tracking|claim)\b", AnyCase, Timeout);

    // A colleague's numbers: a badge, an employee or user id (a patient's only when the text says it is about a patient).
    private static readonly Regex StaffNumbers = new(@"\b(badge|employee|emp|staff|user|login|network|vendor|contractor|"
        + @"cost|budget|project|team|access|pin|door|parking)\b", AnyCase, Timeout);

    // A vehicle of the organisation's own fleet: "courier van plate 2A 77310 is an SRH facilities vehicle".
    private static readonly Regex FleetVehicle = new(@"\b(courier|fleet|shuttle|facilities|company|hospital|security|pool|"
        + @"transport|mobile\s+(unit|clinic|mammography))\s+(van|vehicle|car|truck|bus|suv)s?\b", AnyCase, Timeout);

    // A visitor's car: "the vendor consultant's rental (plate …)", "the Epic trainer's rental car".
    private static readonly Regex VisitorVehicle = new(@"\b((vendor|consultant|contractor|trainer|rep|visitor|auditor|surveyor)'?s?\s+"
        + @"(rental|car|vehicle|truck|van)|rental\s+(car|vehicle)|(avis|hertz|enterprise|budget|national)\s+rental)\b", AnyCase, Timeout);

    // After "the pt portal photo", what makes it the portal's feature, no one's picture: "… upload feature ships in 11/4".
    private static readonly Regex PhotoFeature = new(@"^\s+(upload|uploads|feature|field|button|tab|page|setting|settings|option|"
        + @"requirement|spec|workflow|module|component|size\s+limit)\b", AnyCase, Timeout);

    // An address at an organisation's domain, in a text about no person, is a colleague's or a vendor's: "cc
    // ingrid.solberg@hospital.example on the plan". A patient's is at a mail provider, or the text says whose it is.
    private static bool IsPersonalMailHost(string host) =>
        host.Split('.') is var labels && labels.Length >= 2
            && (PersonalMailProviders.Contains(labels[^2]) || (labels.Length >= 3 && PersonalMailProviders.Contains(labels[^3])));

    private static readonly HashSet<string> PersonalMailProviders = new(
        ["gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn", "icloud", "me", "mac", "aol",
            "proton", "protonmail", "pm", "tutanota", "comcast", "xfinity", "verizon", "att", "sbcglobal", "bellsouth", "cox", "charter",
            "spectrum", "earthlink", "frontier", "windstream", "centurylink", "juno", "netzero", "gmx", "yandex", "zoho", "mail", "naver",
            "daum", "qq", "163", "126", "sina", "rediffmail", "wp", "onet", "interia", "web", "orange", "free", "laposte", "eircom",
            "btinternet", "sky", "virginmedia", "talktalk", "shaw", "rogers", "telus", "sympatico", "bigpond", "optusnet", "xtra",
            "libero", "seznam", "abv", "inbox", "ukr", "rambler", "hey", "fastmail", "duck", "gmial", "gmal", "gamil",
            "hotmial", "yaho", "yahooo", "outlok", "icould"],
        StringComparer.OrdinalIgnoreCase);

    // A patient's care or papers in the text, whoever's address it is: "results went to ...", "proxy invite went to ...".
    private static readonly Regex CareMail = new(@"\b(proxy|guardian|caregiver|results|records|statement|bill|billing\s+statement|"
        + @"discharge|avs|appointment|appt|mychart|consent|roi|release\s+of\s+information)\b", AnyCase, Timeout);

    // Hosts of people's own pages: fundraisers, journals, social networks.
    private static readonly Regex PersonalPages = new(@"(^|\.)(gofundme|caringbridge|facebook|fb|instagram|tiktok|twitter|x|linkedin|"
        + @"youtube|youtu|snapchat|reddit|venmo|cash|threads|pinterest|patreon|givesendgo|mealtrain|lotsahelpinghands|blogspot|"
        + @"wordpress|tumblr|substack|medium|etsy|onlyfans|twitch|discord)\.", AnyCase, Timeout);

    // A text about where someone lives or is registered.
    private static readonly Regex AddressWords = new(@"\b(zip|zipcode|postal|address|registration|registered|lives|living|mail|"
        + @"mailing|home|county|residence|resident|verification)\b", AnyCase, Timeout);

    /// <summary>
    /// A pattern, what keeps a match, whether it can match text without a digit (most identifiers are numbers), and what the
    /// whole text must hold for the pattern to be tried at all (a cheaper test than running it on every text).
    /// </summary>
    internal sealed record Pattern(
        PhiKind Kind,
        Regex Regex,
        Func<Match, ScannedText, PhiContext, bool>? Keep = null,
        bool WithoutDigits = false,
        Func<ScannedText, bool>? When = null);

    /// <summary>The text being scanned, with what is true of it as a whole worked out once, however many matches ask.</summary>
    internal sealed class ScannedText(string text)
    {
        private bool? mentionsPatientDevice;
        private bool? addressIsAPersons;
        private bool? hasBiometricOwner;
        private bool? mentionsPatient;
        private bool? departmentLine;
        private bool? mentionsPerson;
        private bool? mentionsCare;
        private bool? mentionsVehicle;

        public string Text { get; } = text;

        public bool MentionsPatientDevice => mentionsPatientDevice ??= PatientDevice.IsMatch(Text);

        public bool AddressIsAPersons => addressIsAPersons ??= PersonalAddress.IsMatch(Text) || !Infrastructure.IsMatch(Text);

        public bool HasBiometricOwner => hasBiometricOwner ??= BiometricOwner.IsMatch(Text);

        public bool MentionsPatient => mentionsPatient ??= Patient.IsMatch(Text);

        public bool MentionsPerson => mentionsPerson ??= Person.IsMatch(Text);

        // A patient's care, papers or record in the text, whoever's address is in it: "results went to …", "MRN 00482913, see …".
        public bool MentionsVehicle => mentionsVehicle ??= VehicleWords.IsMatch(Text);

        public bool MentionsCare => mentionsCare ??= CareMail.IsMatch(Text) || RecordWords.IsMatch(Text);

        public bool IsAboutADepartmentLine => departmentLine ??= DepartmentLine.IsMatch(Text) && !PersonsNumber.IsMatch(Text);

        // The words just before a match, where a cue would be.
        public string Before(int index) => Text[Math.Max(0, index - 60)..index];
    }

    // Events only a patient has, so a date after them needs no other word about a person.
    private static readonly Regex PatientOnlyEvent = new(
        @"^(dc|d/c|discharged|readmitted)", AnyCase, Timeout);

    // What brings a patient in, so that "came in on the 4th" is a patient's arrival and not a shipment's.
    private static readonly Regex ArrivalComplaint = new(
        @"\b(burns?|injur(y|ies|ed)|pain|fever|bleeding|fracture|complaint|sob|trauma|overdose|seizure|stroke|laceration|"
            + @"bite|wound|vomiting|rash)\b", AnyCase, Timeout);

    private static readonly string[] UscisCentres = ["EAC", "WAC", "LIN", "SRC", "NBC", "MSC", "IOE", "YSC", "TSC"];

    internal static readonly Pattern[] All =
    [
        new(PhiKind.SocialSecurityNumber, new Regex(
            @"(?<![0-9][-. ]?)(?<v>[0-9]{3}(?<s>[-. ])[0-9]{2}\k<s>[0-9]{4})(?![0-9]|[-.][0-9])",
            Options,
            Timeout)),
        new(PhiKind.SocialSecurityNumber, new Regex(
            @"(\bSSN|\bS\.S\.N\b\.?|\bSS\s?#|\bsocial(\s+security)?(\s+(number|no\b\.?|num|#))?|\bsoc(\s+sec)?\b\.?)" + Then +
            @"(?<v>[0-9]{3}[-. ]?[0-9]{2}[-. ]?[0-9]{4})(?![0-9])",
            AnyCase,
            Timeout)),
        // An SSN read out with its digits apart, a few words after its cue: "his social is on the consent — 6 4 1 - 2 0 - 7 7 3 8".
        new(PhiKind.SocialSecurityNumber, new Regex(@"(\bSSN|\bS\.S\.N\b\.?|\bSS\s?#|\bsocial(?!\s+(work|media|services|history|"
            + @"determinants|hour|event|committee|club|worker))|\bsoc(\s+sec)?\b\.?)([\s:#=,]+[\p{L}'-]+){0,6}?[\s:#=,(-]*"
            + @"(?<v>[0-9](\s*[-./]?\s*[0-9]){8})(?!\s*[-./]?\s*[0-9])", AnyCase, Timeout),
            (m, _, _) => !Regex.IsMatch(m.Groups["v"].Value, @"^[0-9]{3}[\s.-][0-9]{3}[\s.-]", Options, Timeout)),
        new(PhiKind.MedicalRecordNumber, new Regex(
            @"\b([CE]?MRN|EID|enterprise\s+(id|mrn|number|identifier|person\s+id)|MR\s?#|MR\s+(number|no\b\.?)|" +
            @"med(ical)?\s+rec(ord)?s?|(patient\s+|health\s+|unit\s+)?record\s+(number|no\b\.?|num|#)|" +
            @"hospital\s+(number|no\b\.?|num|#|id)(?!\s*(is\s+)?[:#]?\s*\(?[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-][0-9]{4})|" +
            @"(?-i:UR|UMRN|HRN)\s*(number|no\b\.?|#)?|(EMR|EHR)\s*(id|number|no\b\.?|#)|(patient|pt)\s+(number|no\b\.?)|chart\s*(#|" +
            @"number|no\b\.?)|E?MPI|patient\s+(id|identifier)|pt\s+id|(old|legacy|prior|previous|former)\s+(meditech|cerner|epic|" +
            @"paragon|allscripts|soarian|mckesson|cpsi|athena|nextgen|ecw)?\s*(number|no\b\.?|num|#|mrn)|(meditech|cerner|paragon|" +
            @"allscripts|soarian|mckesson|cpsi)\s+(number|no\b\.?|num|#|mrn))" + Then
            + @"(?<v>[A-Z]{0,3}-?[0-9](-?[0-9]){4,11})(?![0-9])",
            AnyCase,
            Timeout)),
        // Records joined or split by number: "merge 3308812 into 3308821, same pt", "the EMPI linked 40022817 to someone else's".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(merg(e|ed|ing)|unmerg(e|ed|ing)|(E?MPI|enterprise\s+index)\s+([\p{L}']+\s+){0,2}?"
            + @"(linked|matched|merged|joined|tied|paired|attached|assigned))(\s+req(uest)?)?\s*:?\s+(mrn\s+|chart\s+|record\s+|#\s*)?"
            + @"(?<v>[A-Z]{0,2}[0-9]{6,10})\s+(into|with|to|and|onto|from)\b", AnyCase, Timeout),
            (m, text, _) => text.MentionsPerson || RecordWords.IsMatch(text.Text)
                || m.Value.Contains("mpi", StringComparison.OrdinalIgnoreCase)),
        // A chart by its number: "chart 30019284 has the wrong sex on it".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\bchart\s+(?<v>[0-9]{7,10})(?![0-9./-])", AnyCase, Timeout)),
        // A chart's number typed in groups, or a number said to be a patient's chart: "unlock chart 3318-0472", "#7734-1029 (pt's
        // chart)", "40-118-235 is her chart".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\bchart\s*#?\s*(?<v>[A-Z]{0,3}-?[0-9]{2,5}([-\s][0-9]{2,5}){1,3})(?![0-9./-])",
            AnyCase, Timeout),
            (m, _, _) => IsGroupedRecordNumber(m.Groups["v"].Value),
            When: text => text.Text.Contains("chart", StringComparison.OrdinalIgnoreCase)),
        new(PhiKind.MedicalRecordNumber, new Regex(@"(?<![\p{L}0-9-])#?\s*(?<v>[A-Z]{0,3}-?[0-9]{2,5}(-?[0-9]{2,5}){1,3})\s*[(,-]?\s*"
            + @"((is|was)\s+)?(the\s+)?(pt'?s|patient'?s|his|her|their|mom'?s|dad'?s|baby'?s)\s+(chart|mrn|record|encounter|account|"
            + @"acct)\b", AnyCase, Timeout),
            (m, _, _) => IsGroupedRecordNumber(m.Groups["v"].Value), When: text => OwnRecord.IsMatch(text.Text)),
        // A bare record number in a text about a patient's own things: "can someone look at 7740012? her meds are doubled".
        new(PhiKind.MedicalRecordNumber, new Regex(@"(?<!\b(ticket|inc|chg|ritm|req|request|po|invoice|order|build|ext|x|case|sr|"
            + @"ref|version|job|batch|set|policy|center|account|acct|project|fax|phone|call|text|cell|pager|line|option|room|"
            + @"extension|badge|employee|id|s/n|sn|serial|imei|udi|ndc|lot|npi|dea|#)\s*[#:]?\s*)(?<![\p{L}0-9#./$-])"
            + @"(?<v>[0-9]{7,10})(?![0-9./-])", AnyCase, Timeout),
            When: text => OwnCareThings.IsMatch(text.Text)),
        // A number set beside the patient it belongs to: "the pt in 3 north, 4471982, still wrong in PACS", "patient (30019284)".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(pt|patient)\b[^,.;()]{0,30}[,(]\s*(?<v>[0-9]{7,10})\s*[,)]", AnyCase, Timeout)),
        // "Healthy Blue subscriber 71928834 for his daughter".
        new(PhiKind.HealthPlanNumber, new Regex(@"\bsubscriber\s+(?<v>[A-Z]{0,3}[0-9]{6,12})(?![0-9])", AnyCase, Timeout)),
        new(PhiKind.HealthPlanNumber, new Regex(
            @"\b((member|subscriber|beneficiary|policy|insurance|insurance\s+member|medicare|medicaid|health\s+plan|plan\s+member)\s*(id|" +
            @"identifier|number|no\b\.?|num|#)|MBI|HICN|(medicare|medicaid)(\s+(beneficiary|member|recipient|subscriber))?)" + Then
                + "(" + Id + "|" + SpacedId + ")",
            AnyCase,
            Timeout)),
        new(PhiKind.AccountNumber, new Regex(
            @"(?<!\b(GL|ledger|cost\s+cent(er|re)|budget|project|vendor|service|azure|aws|storage|user|admin|test|training|e-?mail|cloud|" +
            @"billing\s+vendor|license|licence|purchase)\s+)\b((patient|hospital|billing|guarantor)\s+)?(account|acct|encounter|enc|" +
            @"visit|billing)\s*(number|no\b\.?|num|#|id|:|=)" + Then + Id,
            AnyCase,
            Timeout)),
        new(PhiKind.AccountNumber, new Regex(
            @"\b((?-i:FIN|CSN|HAR)|acct|account|encounter)" + Then +
            @"(?<v>(?=([A-Z-]*[0-9]){6})[A-Z0-9][A-Z0-9-]{4,19}[A-Z0-9])(?![A-Z0-9-])",
            AnyCase,
            Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\b(GL|ledger|cost\s+cent(er|re)|budget|project|vendor|azure|aws|cloud|"
                + @"purchase|PO)\s*$", AnyCase, Timeout)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"(?<!\b(software|product|site|user|seat|server|SSL|TLS|vendor|epic|microsoft|"
            + @"citrix|vmware|volume|enterprise|app|application|signing|code)\s+)\b(driver'?s?\s+licen[cs]e|licen[cs]e(?!\s+plate)|DL|"
            + @"certificate|cert|passport|birth\s+certificate|death\s+certificate)\s*(number|no\b\.?|num|#|id|:)" + Then + Id,
            AnyCase, Timeout)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"\b(driver'?s?\s+licen[cs]e|passport)" + Then + Id, AnyCase, Timeout)),
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(licen[cs]e\s+plates?|plates?|(car|vehicle|van|truck|suv|boat|vessel|trailer|rv|"
            + @"camper|atv|snowmobile|motorcycle)'?s?\s+(tags?|registration|reg|hull\s+(id|number)))"
            + @"(\s+(number|no\b\.?|#|is|was|are|were|reads?|says|shows?))*[\s:#,""\u201c]*"
            + @"((?-i:" + States + @")\s+(?=[A-Z]{2,3}-?[0-9]))?" + Plate, AnyCase,
            Timeout),
            (m, text, _) => !m.Groups["v"].Value.All(char.IsDigit) && (text.MentionsPerson || !FleetVehicle.IsMatch(text.Text))
                && (text.MentionsPatient || !VisitorVehicle.IsMatch(text.Text))),
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(VIN|vehicle\s+identification\s+number)'?s?(\s+(number|no\b\.?|#|is|"
            + @"was))?[\s:#,]*(?<v>(?-i:[A-HJ-NPR-Z0-9]){17}|[A-HJ-NPR-Z0-9]{17})(?![A-Z0-9])", AnyCase, Timeout)),
        new(PhiKind.VehicleIdentifier, new Regex(@"(?<![A-Z0-9])(?<v>[A-HJ-NPR-Z0-9]{17})(?![A-Z0-9])", Options, Timeout),
            (m, _, _) => IsVin(m.Groups["v"].Value)),
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(UDI|GTIN)" + Then + @"(?<v>(\([0-9]{2,4}\)[0-9A-Z-]{2,30}){1,6})", AnyCase, Timeout)),
        new(PhiKind.DeviceIdentifier, new Regex(
            @"\b(UDI|IMEI|device\s+(id|identifier|serial)|(implant|pacemaker|pump|defibrillator|ICD|CGM|hearing\s+aid)\s+(serial|s/n|sn|" +
            @"id))" + Then + DeviceValue,
            AnyCase,
            Timeout),
            (_, text, _) => (text.MentionsPatient || !OwnedDevice.IsMatch(text.Text))
                && (text.MentionsPerson || !BiomedDevice.IsMatch(text.Text)) && !NotOnAPatient.IsMatch(text.Text)),
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(serial(\s+(number|no\b\.?|num|#))?|S/N|SN)" + Then + DeviceValue, AnyCase, Timeout),
            (_, text, _) => text.MentionsPatientDevice && (text.MentionsPatient || !OwnedDevice.IsMatch(text.Text))
                && (text.MentionsPerson || !BiomedDevice.IsMatch(text.Text)) && !NotOnAPatient.IsMatch(text.Text)),
        new(PhiKind.DateOfBirth, new Regex(@"(\b(DOB|D\.O\.B\b\.?|date\s+of\s+birth|birth\s?date|birthday|b-?day|"
            + @"born(\s+(on|in))?)|(?<![\p{L}.])b\.(?![0-9A-Z]))(\s*""?\s*[:#=(]?\s*""?\s*|\s+(is|was)\s+)" + Date, AnyCase, Timeout),
            (m, text, _) => !IsDefaultDate(m.Groups["v"].Value, text) && !IsProjectsBirth(m, text),
            When: text => Says(text, "dob", "d.o.b", "birth", "bday", "b-day", "born", "b.")),
        // "DOB on the armband shows 1941-03-02", "birth date in the referral letter: 2/9/58".
        new(PhiKind.DateOfBirth, new Regex(@"\b(DOB|D\.O\.B\b\.?|date\s+of\s+birth|birth\s?date|birthday|b-?day|"
            + @"born)\b(?!-)[\s:#=,(-]*([\p{L}'/-]+[\s:,]+|'?[0-9]{1,4}[a-z]?[\s:,]+){1,8}?(on\s+|as\s+|is\s+|was\s+|of\s+)?\(?"
            + Date, AnyCase, Timeout),
            (m, text, _) => !IsDefaultDate(m.Groups["v"].Value, text) && !IsProjectsBirth(m, text)),
        // "may 12 is her birthday", "3/2 was his DOB": the date before its cue.
        new(PhiKind.DateOfBirth, new Regex(Date + @"\s+(is|was)\s+(his|her|their|the\s+pt'?s|the\s+patient'?s|mom'?s|dad'?s)\s+"
            + @"(real\s+|actual\s+|correct\s+)?(birthday|dob|birth\s?date|date\s+of\s+birth)\b", AnyCase, Timeout),
            When: text => text.Text.Contains("birth", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("dob", StringComparison.OrdinalIgnoreCase)),
        // A pregnancy's dates: "LMP 2/8/25", "EDD 10/3", "estimated due date for the baby is march 2".
        new(PhiKind.PersonalDate, new Regex(@"\b(LMP|EDD|EDC|last\s+menstrual\s+period|(estimated\s+)?due\s+date\s+(of|for)\s+(the\s+)?"
            + @"(baby|pregnancy|twins)|(estimated|expected)\s+date\s+of\s+(delivery|confinement))\b[\s:=,-]*((is|was|of|on|by|"
            + @"dating)\s+)*" + Date, AnyCase, Timeout)),
        new(PhiKind.PersonalDate, new Regex(
            @"\b(admitted(?!\s+((the|a|an|this|that|our|one|another)\s+)?(defect|bug|ticket|issue|change|request|item|story|stories|"
            + @"fix|error|mistake|fault|incident|problem|risk|it|that|this|them|defeat|failure|guilt|the\s+obvious)s?\b"
            + @"|\s+(in)?to\s+(the\s+)?([\p{L}-]+\s+)?(backlog|sprint|roadmap|queue|board|release|portfolio|program|pilot|cohort|"
            + @"scope|project|workgroup|committee|council|team|group)\b)|admit\s+date|"
            + @"admission\s+date|"
            + @"date\s+of\s+(admission|discharge|death)|discharged|discharge\s+date|" +
            @"(?<!\b(server|engine|interface|feed|printer|scanner|job|process|service|drive|disk|battery|build|laptop|workstation|it|vm|" +
            @"node|pump|device|app)\s)died|passed\s+away|deceased|(patient|pt)\s+expired|date\s+of\s+death|death\s+date|" +
            @"DOD|date\s+of\s+service|DOS|service\s+date)\b[\s:,-]*(\S+\s+){0,6}?(on\s+|of\s+)?" + Date,
            AnyCase,
            Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\bbattery\s*$|\b[A-Z]{2,6}-?[0-9]{2,7}\s+(was|is|got|has\s+been)\s*$",
                    AnyCase, Timeout)
                && !ProjectDateAfter.IsMatch(text.Text.AsSpan(m.Groups["v"].Index + m.Groups["v"].Length))),
        // Ward shorthand right before its date: "dc'd 11/3", "d/c 12/4", "readmit 11/09", "admit 10/22", "his dc date was ...".
        new(PhiKind.PersonalDate, new Regex(@"(?<![\p{L}/-])((?-i:dc|DC'd|Dc'd)('d|'ed|ed)?|d/c('d)?|re-?admit(ted)?|readmission|admit|"
            + @"adm|disch|dischg|xfer'?d|transferred|expired|arrived\s+(at\s+|in\s+|to\s+)?(the\s+)?(ed|er|triage|l&d)|"
            + @"(sent|went|discharged)\s+home|left\s+AMA|eloped|(she|he|pt|patient|mom|dad|"
            + @"husband|wife|mother|father)\s+passed)\b\.?(\s+(date|day|home))?(\s+(on|was|is|of|shows|says|reads|listed\s+as|:|=)){0,2}"
            + @"(\s+the(?=\s+[0-9]))?\s*:?\s*"
            + Date, AnyCase, Timeout),
            (m, text, _) => !ExpiredThing.IsMatch(text.Before(m.Index))),
        // A person's appointment, visit or surgery on a date: "her appointment date 3/4", "surgery on 3/3 for mrs. diaz".
        new(PhiKind.PersonalDate, new Regex(@"\b(his|her|their|pt'?s?|patient'?s?|mom'?s|dad'?s)\s+((next|last|first|follow-?up|new|"
            + @"rescheduled|original)\s+)?([\p{L}-]+\s+)?(appointment|appt|visits?|surgery|procedure|c-section|delivery|mri|ct|scan|"
            + @"colonoscopy|infusion|dialysis|chemo|biopsy|transplant|replacement|repair|fusion|admission|readmission|discharge|stay|"
            + @"\p{L}+(ectomy|otomy|plasty|oscopy))s?(\s+(date|day)s?)?\s*((is|was|were|are|on|for|the|(got\s+|been\s+)?(moved|rescheduled|"
            + @"pushed|changed|bumped)\s+(up\s+)?(to|from|back\s+to)|:|" + Weekday + @")\s*)*" + Date, AnyCase, Timeout)),
        // A care event and its day in a text about a person: "surgery on 8/19/2025", "dialysis was tues 9/30", "procedure 4/2 in IR",
        // "last here 3/8/24", "dc home the 5th". Only a slashed date, a month's or an ordinal day: "procedure 4.2" is a runbook's.
        // "surgery was 07/11/2025": a past care event with its full date is someone's, whoever the text names.
        new(PhiKind.PersonalDate, new Regex(@"\b(surgery|procedure|dialysis|cath|biopsy|c-section|delivery|transfusion|"
            + ProcedureNicknames + @")\s+was\s+"
            + @"(done\s+)?(on\s+)?(?<v>[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})(?![0-9/])", AnyCase, Timeout),
            When: text => text.Text.Contains(" was ", StringComparison.OrdinalIgnoreCase)),
        new(PhiKind.PersonalDate, new Regex(@"\b((surgery|procedure|dialysis|cath|chemo|infusion|biopsy|transfusion|c-section|"
            + @"colonoscopy|endoscopy|delivery|\p{L}+(ectomy|otomy|plasty|oscopy)|" + ProcedureNicknames
            + @")\s+((was|is|on|for|done|(scheduled|set|booked)\s+for|"
            + @"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day)?\.?)\s+)*|last\s+(here|seen|visit(ed)?|admitted|in)\s+(on\s+)?)"
            + @"(?<v>[0-9]{1,2}/[0-9]{1,2}(/[0-9]{2,4})?|" + Month + @"\s+[0-9]{1,2}(st|nd|rd|th)?(,?\s+[0-9]{4})?|[0-9]{1,2}(st|nd|rd|th)?"
            + @"\s+(of\s+)?" + Month + @"(?![\p{L}])(,?\s+[0-9]{4})?)(?![0-9/])", AnyCase, Timeout),
            When: text => text.MentionsPerson),
        // A care event on a day of the month: "coded on the 14th", "dc home the 5th", "she was intubated on the third", "seen the
        // fourteenth of march". Found from "the" and the event read back before it, which costs less than trying every event.
        new(PhiKind.PersonalDate, new Regex(@"\bthe\s+(?<v>([0-9]{1,2}(st|nd|rd|th)\b|" + DayWordOnly + @")(\s+of\s+" + Month
            + @"(,?\s+([0-9]{4}|" + YearWords + @"))?)?)" + NotAnOrdinalDay, AnyCase, Timeout),
            (m, text, _) => CareEventBefore.IsMatch(text.Before(m.Index)), WithoutDigits: true,
            When: text => text.MentionsPerson || text.Text.Contains("admitted", StringComparison.OrdinalIgnoreCase)),
        // "transferred to rehab 6/2", "pt came in on 10/14", "she was seen in the ED 3/3": a stay's events, about a person.
        new(PhiKind.PersonalDate, new Regex(@"\b((transferred|xfer'?d)(?!\s+to\s+(the\s+|a\s+|another\s+)?([\p{L}-]+\s+){0,2}(team|"
            + @"department|dept|role|position|job|group|office|project|company|vendor|site|server|folder|drive|queue))|re-?admitted|"
            + @"dc'?d|d/c'?d|(sent|went)\s+home|came\s+(in|back)|(presented|arrived|showed\s+up)\s+(to|in|at)\s+(the\s+|our\s+)?(ed|er|"
            + @"emergency|clinic|hospital|urgent\s+care|triage|l&d|labor)\b|brought\s+in|(was|were|got)\s+seen|"
            + @"(?<=\b(pt|patient|she|he|mom|dad)\s+)(seen|admitted|discharged|billed|treated|roomed)\s+(in|at|on|by)\b|delivered|"
            + @"gave\s+birth|"
            + @"coded|bounced\s+back|fell|came\s+to\s+(the\s+)?(clinic|ed|er|office|hospital|urgent\s+care)|"
            + @"(had|underwent|got)\s+((a|an|her|his|their)\s+)?([\p{L}-]+\s+)?(surgery|procedure|c-section|\p{L}+(ectomy|otomy|"
            + @"plasty|oscopy)|chole|cabg|replacement|repair|fusion|transplant)|"
            + @"(had|has)\s+(her|his|their)\s+(surgery|procedure|delivery|c-section))\b[\s:,-]*(\S+\s+){0,5}?(on\s+|of\s+)?" + Date,
            AnyCase, Timeout),
            (m, text, _) => !ExpiredThing.IsMatch(text.Before(m.Index)), When: text => text.MentionsPerson),
        new(PhiKind.AgeOver89, new Regex(
            @"(?<![0-9.])(?<v>(9[0-9]|1[01][0-9])\s?(-?\s?(years?|yrs?|y)[- ]?old|y/o|yo|y\.o\.|-?yo|-y-o|-y\.o\.?))(?![\p{L}0-9])" +
            @"|\bage[ds]?\s*(:|of|" +
            @"is|was)?\s*(?<v>9[0-9]|1[01][0-9])\b(?!\s*(days?|months?|weeks?|minutes?|mins?|hours?|hrs?|seconds?|%|percent|\+))",
            AnyCase,
            Timeout),
            (m, text, _) => !PlaceAgeBefore.IsMatch(text.Before(m.Index))),
        new(PhiKind.AgeOver89, new Regex(@"(?<=\b(pt|patient|she|he|mom|dad|mother|father|grandma|grandpa|grandmother|grandfather|wife|"
            + @"husband|man|woman|lady|gentleman)('s|\s+is|\s+was|\s+turned|\s+turns|\s+just\s+turned)\s+)(?<v>9[0-9]|1[01][0-9])\b"
            + @"(?![.:,]?[0-9]|\s*(days?|months?|weeks?|minutes?|mins?|hours?|hrs?|seconds?|%|percent|lbs?|kg|pounds|cm|in\b|feet|ft|"
            + @"mg|ml|units?|degrees?|F\b|C\b|bpm|over|on|out\s+of|of))", AnyCase, Timeout)),
        // An age in brackets after the patient: "centenarian pt (101)", "the patient (94) on 5W", "centenarian on 4N (101!)".
        new(PhiKind.AgeOver89, new Regex(@"\b(pt|patient|centenarian|nonagenarian|mom|dad|grandma|grandpa|lady|man|woman|gentleman)"
            + @"(\s+(on|in|at)\s+[0-9]{0,2}[\p{L}-]{1,8})?\s*\(\s*(age\s+)?(?<v>9[0-9]|1[01][0-9])\s*(y|yo|y/o|yrs?)?\s*!*\s*\)",
            AnyCase, Timeout)),
        // A birthday to come or just past, and the oldest of a ward: "turning 103 on Saturday", "our oldest pt this week is 106".
        new(PhiKind.AgeOver89, new Regex(@"\b(turning|turns|turned|(oldest|eldest)\b([\s,]+[\p{L}'-]+){0,5}?[\s,]+(is|was|at|turned|"
            + @"turns|aged?))\s+(?<v>9[0-9]|1[01][0-9])\b(?![.:,]?[0-9]|\s*(days?|months?|weeks?|minutes?|mins?|hours?|hrs?|seconds?|%|"
            + @"percent|degrees?|users?|tickets?|beds?|sites?|units?|devices?|servers?|employees?|staff|people|records?|orders?|items?|"
            + @"years?\s+(old\s+)?(this|in)\s+(year|service)))", AnyCase, Timeout),
            (m, text, _) => (text.MentionsPerson || !Regex.IsMatch(text.Text, @"\b(server|system|app|version|count|total|queue|backlog|"
                + @"cert|license|contract|tickets?|hospital|building|campus|wing|church|school|college|company|organi[sz]ation|"
                + @"foundation|anniversary|centennial|founded|opened)\b", AnyCase, Timeout))
                && !StaffAgeBefore.IsMatch(text.Before(m.Groups["v"].Index))),
        new(PhiKind.FaxNumber, new Regex(
            @"\bfax(\s+(number|no\b\.?|#))?\s*[:#]?\s*(to\s+)?(?<v>(\+?1[\s.-]?)?(\([0-9]{3}\)\s?|" +
            @"[0-9]{3}[\s.-])?[0-9]{3}[\s.-][0-9]{4})(?![0-9])",
            AnyCase,
            Timeout),
            (m, text, _) => !DepartmentFax.IsMatch(text.Before(m.Index)) || PersonsNumber.IsMatch(text.Text)),
        new(PhiKind.PhoneNumber, new Regex(
            @"(?<![0-9])(?<v>(\+?1[\s.-]?)?(\([0-9]{3}\)\s?[0-9]{3}[\s.-]?|[0-9]{3}[\s.-][0-9]{3}[\s.-])[0-9]{4})(?![0-9])", Options,
            Timeout),
            (m, text, context) => !IsDepartmentLine(m.Groups["v"], text) && !IsStaffsNumber(m.Groups["v"], text, context)),
        // Ten digits in one run, in the North American shape (area code and exchange not starting with 0 or 1).
        new(PhiKind.PhoneNumber, new Regex(@"(?<![0-9A-Z#-])(?<v>(\+?1-?)?[2-9][0-9]{2}[2-9][0-9]{6})(?![0-9A-Z])", AnyCase, Timeout),
            (m, text, context) => !IsDepartmentLine(m.Groups["v"], text) && !NumberCue.IsMatch(text.Before(m.Index))
                && !IsStaffsNumber(m.Groups["v"], text, context)),
        // International numbers: "+44 20 7946 0958", "+91 98765 43210".
        new(PhiKind.PhoneNumber, new Regex(
            @"(?<![0-9A-Z])(?<v>(\+|(?<zz>00))(?!1[\s.-]?[0-9]{3})[1-9][0-9]{0,2}([\s.-]?\(?[0-9]{1,5}\)?){2,5})(?![0-9])", AnyCase,
            Timeout),
            (m, text, _) => m.Groups["v"].Value.Count(char.IsDigit) - (m.Groups["zz"].Success ? 2 : 0) is >= 8 and <= 15
                && !IsDepartmentLine(m.Groups["v"], text) && (!m.Groups["zz"].Success || text.MentionsPerson)),
        // A national number abroad, after a person's phone cue: "his mobile is 07700 900 456".
        new(PhiKind.PhoneNumber, new Regex(@"\b(phone|cell|mobile|landline|whatsapp|tel)(\s+(number|no\b\.?|#|is|was))*\s*[:#]?\s*"
            + @"(?<v>0[1-9][0-9]{1,3}[\s.-]?[0-9]{3,4}[\s.-]?[0-9]{3,4})(?![0-9])", AnyCase, Timeout),
            (m, text, _) => m.Groups["v"].Value.Count(char.IsDigit) is 10 or 11 && !IsDepartmentLine(m.Groups["v"], text)),
        new(PhiKind.PhoneNumber, new Regex(
            @"\b(phone|cell|mobile|tel|home|callback|call\s?back|daughter|son|wife|husband)(\s+(number|no\b\.?|#|" +
            @"is))?\s*[:#]?\s*(?<v>[0-9]{3}-[0-9]{4})(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.EmailAddress, new Regex(
            @"\b(?<local>[A-Z0-9._%+-]+)@(?<host>[A-Z0-9-]+(\.[A-Z0-9-]+)*\.[A-Z]{2,})\b",
            AnyCase,
            Timeout),
            (m, text, context) => !context.IsStaffDomain(m.Groups["host"].Value) && !IsRoleMailbox(m.Groups["local"].Value)
                && (IsPersonalMailHost(m.Groups["host"].Value) || text.MentionsPerson || text.MentionsCare),
            WithoutDigits: true),
        new(PhiKind.EmailAddress, new Regex(
            @"\b(?<local>[A-Z0-9._%+-]+)@(?<host>[A-Z0-9-]+(\.[A-Z0-9-]+)*),(?<tld>com|net|org|edu|gov|us|ca|co|io|me|info|biz|uk)\b",
            AnyCase,
            Timeout),
            (m, _, context) => !context.IsStaffDomain(m.Groups["host"].Value + "." + m.Groups["tld"].Value)
                && !IsRoleMailbox(m.Groups["local"].Value),
            WithoutDigits: true, When: text => text.Text.Contains('@', StringComparison.Ordinal)),
        new(PhiKind.WebAddress, new Regex(
            @"\b(https?://|www\.)(?<host>[A-Z0-9-]+(\.[A-Z0-9-]+)*)(:[0-9]+)?([/?#][^\s<>""]*[^\s<>"".,;:!?)\]])?",
            AnyCase,
            Timeout),
            (m, text, context) => m.Groups["host"].Value is var host
                && !context.IsStaffDomain(host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host)
                && !IsServicePage(host, m.Value) && (text.MentionsPerson || text.MentionsCare || PersonalPages.IsMatch(host))
                && !IsOrganisationChannel(m.Value, text),
            WithoutDigits: true),
        // A person's page typed without its scheme: "facebook.com/maria.g.5011", "gofundme.com/f/help-for-abdi".
        new(PhiKind.WebAddress, new Regex(@"(?<![\w@./-])(?<v>(www\.|m\.)?(facebook|fb|instagram|tiktok|twitter|x|linkedin|gofundme|"
            + @"caringbridge|youtube|youtu|snapchat|reddit|venmo|cash|threads|pinterest|tumblr|patreon|myspace|gogetfunding|fundly|"
            + @"givesendgo|spot|lotsahelpinghands|mealtrain)\.(com|be|me|org|net|app|us)/[^\s<>""]*[^\s<>"".,;:!?)\]])",
            AnyCase, Timeout),
            (m, text, context) => !IsOrganisationChannel(m.Value, text) && !context.IsStaffHandle(m.Value[(m.Value.LastIndexOf('/') + 1)..])
                && (text.MentionsPatient || !OrganisationSocial.IsMatch(text.Text)),
            WithoutDigits: true,
            When: text => text.Text.Contains('/', StringComparison.Ordinal)),
        new(PhiKind.IpAddress, new Regex(
            @"(?<![0-9.]|\bv|\bversion\s)(?<v>(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3})(?![0-9]|" +
            @"\.[0-9])",
            AnyCase,
            Timeout),
            (m, text, _) => !IsPrivateAddress(m.Groups["v"].Value) && text.AddressIsAPersons
                && (!VersionWords.IsMatch(text.Text) || PersonalAddress.IsMatch(text.Text))),
        new(PhiKind.IpAddress, new Regex(@"(?<![0-9A-F:.])(?<v>[0-9A-F]{1,4}(:[0-9A-F]{0,4}){2,7})(?![0-9A-F:])", AnyCase, Timeout),
            (m, text, _) => IsPublicIpv6(m.Groups["v"].Value) && text.AddressIsAPersons),
        new(PhiKind.StreetAddress, new Regex(
            @"(?<![0-9A-Za-z-])(?<v>[0-9]{1,6}[A-Z]?(-[0-9]+)?\s+(([NS][EW]?|[EW])\.?\s+)?"
            + @"([A-Z][a-z'-]+\s+|[0-9]{1,3}(st|nd|rd|th)\s+){1,3}" +
            StreetType + @"((\s|,\s?)(Apt|Unit|Suite|Lot|Trailer|Space|Spc|#)\.?\s?[0-9A-Z]+)?)",
            Options,
            Timeout),
            (m, text, _) => (!SiteBefore.IsMatch(text.Before(m.Index)) || PersonMovedBefore.IsMatch(text.Before(m.Index))
                    || HomeDelivery.IsMatch(text.Text))
                && (text.MentionsPerson || (!ShippedToOrganisation.IsMatch(text.Text) && !SiteAddressBefore.IsMatch(text.Before(m.Index))))
                && !SiteAfter.IsMatch(text.Text.AsSpan(m.Index + m.Length))),
        new(PhiKind.StreetAddress, new Regex(
            @"\b(lives|living|resides|residing|staying|lived)\s+(at|on)\s+(?<v>[0-9]{1,6}\s+[\p{L}'-]+(\s+[\p{L}'-]+){0,2})|\b(home|" +
            @"street|mailing|his|her|their|pt'?s?|patient'?s?|new|old|current|billing)\s+address\b[\s:,-]*((is|was)\s+(now\s+)?)?" +
            @"(?<v>[0-9]{1,6}\s+[\p{L}'-]+(\s+[\p{L}'-]+){0,2})",
            AnyCase,
            Timeout)),
        new(PhiKind.StreetAddress, new Regex(@"\b(?<v>P\.?\s?O\.?\s+Box\s+[0-9]+)", AnyCase, Timeout)),
        // A place smaller than a state where a patient lives or comes from: "pt is from Tuba City", "she lives out in Two Rivers".
        new(PhiKind.StreetAddress, new Regex(@"\b(?i:(pt|patient|she|he|they|family|mom|dad)('s)?\s+((is|was|are|comes|came)\s+)?"
            + @"(originally\s+)?(from|lives\s+(out\s+)?in|lived\s+in|home\s+is\s+in|farm\s+is\s+(in|near|outside))\s+)"
            + @"(?<v>[A-Z][a-z]+(\s+(?!(?i:and|but|so|with)\b)[A-Z][a-z]+){1,2}|[A-Z][a-z]+,\s*" + States + @")\b", Options, Timeout),
            (m, _, _) => !Regex.IsMatch(m.Groups["v"].Value, "^" + StateNames + "$|^(El|South|North|New|Sierra|Costa|Puerto|Saudi|Sri|"
                + @"United|Burkina|Papua|Dominican|Central|Czech|Ivory|Hong|Cape|San|Sao|Trinidad|Bosnia)\s", AnyCase, Timeout),
            WithoutDigits: true, When: text => text.MentionsPerson),
        // A county or farm road, where a patient lives: "pt's farm is off County Road 12 outside Hollister".
        new(PhiKind.StreetAddress, new Regex(@"\b(off|on|along|past)\s+(?<v>(county|state|farm|forest|township|ranch)\s+(road|rd|route|"
            + @"highway|hwy)\s+[0-9]{1,4}[A-Z]?|(?-i:CR|FM|RR|SR)\s*[0-9]{1,4}[A-Z]?)\b", AnyCase, Timeout),
            (_, text, _) => text.MentionsPerson),
        // Rural routes and highway contract boxes: "Route 4 Box 118, Chinle", "RR 2 Box 77", "HC 61 Box 42".
        new(PhiKind.StreetAddress, new Regex(@"\b(?<v>(rural\s+route|route|rte|RR|HC|HCR|star\s+route)\s*#?\s*[0-9]{1,4},?\s+box\s+"
            + @"#?\s*[0-9]{1,5}[A-Z]?)\b", AnyCase, Timeout)),
        new(PhiKind.ZipCode, new Regex(
            @"\b(zip(\s*code)?|postal\s+code|postcode)\s*[:#]?\s*(is\s+)?(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])",
            AnyCase,
            Timeout),
            (m, text, _) => text.MentionsPerson || (!SiteZipBefore.IsMatch(text.Before(m.Index))
                && !SiteAfter.IsMatch(text.Text.AsSpan(m.Index + m.Length)))),
        // "zip for the pt in bay 9 is 31520", "her zip on the face sheet was 29910": the cue a few words before, about a person.
        new(PhiKind.ZipCode, new Regex(@"\bzip(\s*code)?\b([\s,?!\u2014]+[\p{L}'0-9-]+){1,10}?[\s,;?!]+(is|was|=|:|reads|shows|says|"
            + @"should\s+be|came\s+(over|through|in)\s+as)"
            + @"(\s+(now|still|listed\s+as|given\s+as))?\s*"
            + @"(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])", AnyCase, Timeout),
            When: text => text.MentionsPerson),
        new(PhiKind.ZipCode, new Regex(@"\b[A-Z][a-z]+,?\s+" + States + @"\.?,?\s+(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])", Options, Timeout),
            (_, text, _) => text.MentionsPerson || !ShippedToOrganisation.IsMatch(text.Text)),
        // Where a person lives: "lives in 60614", "pt in 60614", "he's living in 94110 now", "pt from 02139".
        new(PhiKind.ZipCode, new Regex(@"\b((lives|living|lived|resides|residing|reside|moved|relocated|staying|stays|home\s+is)\s+(in|to|"
            + @"at|near|around|off|out\s+in|by)|(patient|pt|he|she|they|he's|she's|they're|family|mom|dad|daughter|son|wife|"
            + @"husband)\s+((is|was|"
            + @"are)\s+)?(in|from|lives\s+in))\s+(the\s+)?(zip\s+(code\s+)?)?(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])(?!\s*(messages|items|"
            + @"tickets|records|accounts|charts|orders|users|units|beds|%|ms\b|minutes|hours|dollars))", AnyCase, Timeout)),
        // Where a patient was moved, what the face sheet says: "family moved him to 70535", "zip on the face sheet 70544".
        new(PhiKind.ZipCode, new Regex(@"\b(moved|relocated)\s+(him|her|them|the\s+pt|the\s+patient)\s+to\s+(?<v>[0-9]{5})(?![0-9])"
            + @"(?!\s*(messages|items|tickets|records|%))|\bface\s?sheet\s+((says|shows|has|is|lists)\s+)?(?<v>[0-9]{5})(?![0-9])",
            AnyCase, Timeout)),
        new(PhiKind.Photograph, new Regex(@"\b(?<v>(photo(graph)?|picture|pic|image|selfie|snapshot|headshot|face\s*shot|video)s?\s+"
            + @"(with|posing\s+with)\s+(the\s+)?(pt|patient|baby|newborn|child|kid|her|him|them|mrs?\b\.?|ms\b\.?|miss)\b(?!'))"
            + @"|\b(?<v>(photo(graph)?|picture|pic|image|selfie|snapshot|headshot|face\s*shot)s?\s+(of|"
            + @"showing)\s+(her|his|him|their|the\s+(patient|pt|baby|child|kid|man|woman|lady|boy|girl)('?s)?|a\s+(patient|pt)('?s)?|"
            + @"(patient|pt)'?s?|mrs?\b\.?|ms\b\.?|miss)(\s+[\p{L}-]+)?)"
            + @"|\b(?<v>(her|his|their|(the\s+)?(patient|pt)'?s?)\s+((own|face|id|wound|rash|skin|profile|portal|license|licence|"
                + @"id\s+card)\s+)?(photo(graph)?|picture|pic|selfie|headshot|face\s+photo)s?)\b"
            + @"|\b(?<v>(?<alone>selfie|headshot|face\s+photo|full-?face\s+(photo|image|picture))s?)\b"
            // "the ID photo on the pt's portal profile", "the picture in her chart": a picture kept with a person's record.
            + @"|\b(?<v>((id|profile|face|badge|license|licence|wound|rash|skin|passport)\s+)?(photo(graph)?|picture|pic|image|"
            + @"headshot)s?)\s+(on|in|from|attached\s+to|uploaded\s+to|saved\s+to|stored\s+in)\s+(the\s+)?(pt's|patient's|pts|her|his|"
            + @"their|mom's|dad's|baby's)\s+", AnyCase, Timeout),
            (m, text, _) => (!m.Groups["alone"].Success || (text.MentionsPatient && !StaffPhotoBefore.IsMatch(text.Before(m.Index))))
                && !GenericPhotos.IsMatch(m.Value)
                && !PhotoFeature.IsMatch(text.Text.AsSpan(m.Index + m.Length)),
            WithoutDigits: true),
        // A photo of a patient's papers or of where their name shows: "the registration ID photo for the pt in ED 3", "a pic of the
        // whiteboard in 412 (pt's full name visible)".
        new(PhiKind.Photograph, new Regex(@"\b(?<v>(id|registration|license|licence|insurance\s+card|card|passport)\s+(photo|picture|pic|"
            + @"image|scan)s?)\s+(of|for)\s+(the\s+)?(pt|patient|her|him|them)\b"
            + @"|\b(?<v>(photo|picture|pic|screenshot|image)s?)\s+of\s+[^.;!?]{0,50}?\b(pt'?s|patient'?s|her|his|their)\s+(full\s+)?"
            + @"names?\s+(is\s+)?(visible|showing|shows|readable|legible)", AnyCase, Timeout),
            WithoutDigits: true, When: text => text.MentionsPatient && Says(text, "photo", "pic", "image", "scan", "screenshot")),
        // Streets whose type comes first, as in the Southwest and in Spanish: "9150 S Avenida del Sol", "12 Calle Ocho".
        new(PhiKind.StreetAddress, new Regex(@"(?<![0-9A-Za-z-])(?<v>[0-9]{1,6}\s+([NSEW]\.?\s+)?(?-i:(Avenida|Calle|Camino|Paseo|"
            + @"Via|Vista|Rue|Rua|Carretera|Calzada|Circulo|Placita|Callejon)\s+)(de\s+|del\s+|de\s+la\s+|los\s+|las\s+|la\s+|el\s+)?"
            + @"(?-i:[A-Z][\p{L}'-]+)(\s(?-i:[A-Z][\p{L}'-]+))?)", AnyCase, Timeout)),
        // A space in a mobile home or RV park: "trailer is lot 17 at Desert Palms MHP".
        new(PhiKind.StreetAddress, new Regex(@"\b(?<v>(lot|space|spc|site|unit)\s*#?\s*[0-9]{1,4}[A-Z]?\s+(at|in|of)\s+(the\s+)?"
            + @"([\p{L}'-]+\s+){1,4}(MHP|mobile\s+home\s+(park|estates|community)|trailer\s+(park|court)|rv\s+park))\b", AnyCase,
            Timeout),
            When: text => Says(text, "MHP", "park", "court", "estates", "community")),
        // A town alone where a patient lives: "lives in Kayenta w/ her daughter", "pt lives out in Ganado".
        new(PhiKind.StreetAddress, new Regex(@"(^\W*|\b(?i:pt|patient|she|he|they|family)\s+)(?i:(lives|living|lived|resides|staying)"
            + @"\s+(out\s+|up\s+|down\s+)?in\s+)(?<v>[A-Z][a-z]{3,})\b(?!,?\s+[A-Z])", Options, Timeout),
            (m, text, _) => !NotATown.IsMatch(m.Groups["v"].Value) && (text.MentionsPatient || !Commute.IsMatch(text.Text)),
            WithoutDigits: true, When: text => Says(text, "liv", "resid", "staying") && text.MentionsPerson),
        // Where a patient lives by ZIP: "he's out in the 85621 area", "the 60614 zip"; a ZIP+4 in a text about a patient.
        new(PhiKind.ZipCode, new Regex(@"\b(in|around|near|from)\s+the\s+(?<v>[0-9]{5})\s+(area|zip|zip\s+code|region)\b"
            + @"|(?<![0-9-])(?<v>[0-9]{5}-[0-9]{4})(?![0-9-])", AnyCase, Timeout),
            When: text => text.MentionsPerson),
        // A patient's own page: "his art website tsegayebekele-art.com", "her blog is maya-bakes.net".
        new(PhiKind.WebAddress, new Regex(@"\b(his|her|their|pt'?s|patient'?s)\s+([\p{L}-]+\s+){0,2}(website|web\s+site|site|blog|"
            + @"page|portfolio|shop|store)\s+((is|was|at|:)\s+)?(?<v>[a-z0-9][a-z0-9-]*\.(com|net|org|me|io|info|co|art|biz|us)(/\S*)?)"
            + @"(?![\p{L}0-9-])", AnyCase, Timeout),
            WithoutDigits: true, When: text => Says(text, "site", "blog", "page", "portfolio", "shop", "store")),
        // A plate a person chose: "vanity plate \"DESERT1\"", "personalized plate reads GOCATS".
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(vanity|personali[sz]ed|custom)\s+(licen[cs]e\s+)?plates?\s*((is|was|reads|says|"
            + @"shows)\s*)?:?\s*[""\u201c']?(?<v>(?-i:[A-Z0-9]{2,8}))\b", AnyCase, Timeout),
            WithoutDigits: true, When: text => Says(text, "plate")),
        new(PhiKind.BiometricIdentifier, new Regex(@"\b(?<v>(finger\s*prints?|thumb\s*prints?|palm\s*(vein\s*)?(scans?|prints?)|"
            + @"(palm|finger|hand)\s*veins?(\s+(enrol(l)?ments?|"
            + @"templates?|patterns?|ids?|data|registrations?))?|(finger\s*print|biometric|face|iris|retina)\s+(enrol(l)?ments?|"
            + @"registrations?)|"
            + @"retina[l]?\s+(scans?|images?)|face\s*(id\s+)?(templates?|prints?|geometry)|"
            + @"iris\s+(scans?|images?|patterns?|templates?|codes?)|"
            + @"voice\s*(prints?|samples?|templates?|enrol(l)?ments?)|"
            + @"face\s+scans?|facial\s+(scans?|"
            + @"recognition\s+(data|template)s?|geometry|templates?)|biometric\s+(data|templates?|scans?|records?)|"
            + @"DNA\s+(tests?\s+)?(profiles?|"
            + @"samples?|sequences?|results?)|genetic\s+(profiles?|data|results?)))\b(?!\s+(readers?|scanners?|sensors?|logins?|"
            + @"sign-?ins?|clocks?|devices?|hardware|demo))", AnyCase, Timeout),
            (_, text, _) => text.HasBiometricOwner, WithoutDigits: true),
        // Other identifying numbers: a wristband's barcode, a research subject's id.
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(((wrist|arm|id|hospital)\s?band|bracelet)(\s+(barcode|bar\s+code|label))?|"
            + @"(patient|pt)\s+(barcode|bar\s+code|label))" + Then + Id, AnyCase, Timeout)),
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b((trial|study|research|protocol)\s+)?(subject|participant|enrollee|enrolment|"
            + @"enrollment|randomi[sz]ation)\s*(id|identifier|number|no\b\.?|num|#|code)" + Then
            + @"(?<v>(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])", AnyCase, Timeout)),
        // A blood bank or other band's number, a specimen's accession, a prescription's number, an inmate's or a service member's id.
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b((blood\s*bank|transfusion|typenex|allergy|newborn|infant|baby|mother'?s?|"
            + @"mom'?s?)\s+band|band\s*(number|no\b\.?|#|barcode|id)|accession|specimen\s*(number|no\b\.?|#|id|label)|"
            + @"(rx|prescription|script)\s*(number|no\b\.?|num|#)|(inmate|booking|prisoner|offender|EDIPI|DoD|military)\s*(id|"
            + @"number|no\b\.?|#))" + Then + Id, AnyCase, Timeout)),
        // A portal's activation or proxy code, a transplant listing's id: fewer digits, a cue no project word has.
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b((mychart|portal|activation|proxy)\s+(activation\s+|access\s+|sign-?up\s+)?"
            + @"code|UNOS\s*(id|number|no\b\.?|#)?|transplant\s+(list\s+)?(id|number|no\b\.?|#))" + Then
            + @"(?<v>(?=([A-Z-]*[0-9]){2})[A-Z0-9][A-Z0-9-]{4,24}[A-Z0-9])(?![A-Z0-9-])", AnyCase, Timeout)),
        // A patient's own user name on the portal or an app: "patient's portal username jsmith1962".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(patient|pt|his|her|their|proxy|family|mom|dad|daughter|son)('?s)?\s+"
            + @"((portal|mychart|app|account)\s+)?(user\s?name|login|log-?in\s+name|user\s?id|handle|screen\s?name)\s*(is|was|:|=)?\s*"
            + @"(?<v>[A-Z][A-Z0-9._-]{3,40}[A-Z0-9])(?![A-Z0-9@])", AnyCase, Timeout),
            (m, _, _) => !NameLexicon.IsEnglishWord(m.Groups["v"].Value), WithoutDigits: true, When: text => text.MentionsPerson),
        // A user name on the patient portal, in a text about a patient or a relative: "portal username tgarcia77 belongs to a patient".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(portal|mychart|patient\s+app)\s+(user\s?name|login|user\s?id)\s*(is|was|:|=)?\s*"
            + @"(?<v>[A-Z][A-Z0-9._-]{2,40}[0-9])(?![A-Z0-9@])", AnyCase, Timeout),
            When: text => text.MentionsPerson),
        // A distinguishing mark of a person: "the pt with the snake tattoo on his neck".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(?<v>(tattoo(s|ed)?|birth\s?marks?|port-?wine\s+stains?))\b(?!\s+(parlou?rs?|"
            + @"shops?|artists?|removal\s+(clinic|service)s?|polic(y|ies)))", AnyCase, Timeout),
            WithoutDigits: true, When: text => text.HasBiometricOwner),
        // What an armband says is the birth date it carries: "armband says 03/14/41", "armband: 7/2/38".
        new(PhiKind.DateOfBirth, new Regex(@"\b((arm|wrist|id|hospital)\s?band|bracelet)('?s)?(\s+(dob|date|birth\s?date))?\s*"
            + @"(:|\s(says|said|"
            + @"shows|showed|reads|read|has|had|printed|lists|listed))\s*(with\s+|as\s+)?" + Date, AnyCase, Timeout),
            When: text => text.Text.Contains("band", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("bracelet", StringComparison.OrdinalIgnoreCase)),
        // Ages over 89 in words: "pt is ninety-three", "a ninety-four-year-old man", "the patient, ninety-seven, ...".
        new(PhiKind.AgeOver89, new Regex(@"\b(?<v>" + AgeInWords + @")(?=[\s-]*(years?|yrs?)[\s-]*old|\s*(y/?o|y\.o\.)\b)"
            + @"|(?<p>)(?=(ninety|one|a)\b)(?<=\b(is|was|turned|turns|aged?|age:?|she's|he's|patient,|pt,|[a-z]+\s+of)\s+)"
            + @"(?<v>" + AgeInWords + @")(?=\s*([,.;:!?)]|$)|\s+(and|but|so|with|now|today|yesterday|this|last|next|in|on|at|yo|years?)\b)",
            AnyCase, Timeout),
            (m, text, _) => !m.Groups["p"].Success || text.MentionsPerson, WithoutDigits: true,
            When: text => text.Text.Contains("ninety", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("hundred", StringComparison.OrdinalIgnoreCase)),
        // A payer's member id: "her aetna ID W123456789", "his BCBS member number XYZ123456789" (not a payer's own EDI id).
        new(PhiKind.HealthPlanNumber, new Regex(@"\b" + Payers + @"\s+((member|subscriber|insurance|policy|insured)\s+)?(id|identifier|"
            + @"number|no\b\.?|num|#|card)" + Then + @"(?<v>(?=[A-Z-]*[0-9]([A-Z-]*[0-9]){3})[A-Z0-9][A-Z0-9-]{5,19}[A-Z0-9])(?![A-Z0-9-])",
            AnyCase, Timeout)),
        // What a plan's card says: "her medicaid card says 71820044J", "insurance card shows W2290118".
        new(PhiKind.HealthPlanNumber, new Regex(@"\b(" + Payers + @"|insurance|member|plan|benefits?)\s+(id\s+)?card\s+(says|said|shows|"
            + @"showed|reads|read|lists|has|had|:)\s*:?\s*" + Id, AnyCase, Timeout),
            When: text => text.Text.Contains("card", StringComparison.OrdinalIgnoreCase)),
        // A military family's benefit numbers: "pt's tricare DBN 10293847561", "DoD benefits number", "EDIPI".
        new(PhiKind.HealthPlanNumber, new Regex(@"\b((?-i:DBN|EDIPI|DoD\s+ID)|dod\s+benefits?\s+(number|no\b\.?|#)|sponsor'?s?\s+(ssn|id))"
            + Then + @"(?<v>[0-9]{9,11})(?![0-9])", AnyCase, Timeout)),
        // A plan's policy and group numbers, a state program's client index number: "policy W284019377, group 0081234",
        // "medi-cal CIN 91827364A" (not an IT policy's year, not a directory group).
        new(PhiKind.HealthPlanNumber, new Regex(@"\b(policy|group|grp)(\s*(number|no\b\.?|num|#|id))?\s*[:#]?\s*(is\s+)?"
            + @"(?<v>[A-Z]{0,3}[0-9]{6,12}[A-Z]?)(?![A-Z0-9-])|\b((?-i:CIN|BIC)|client\s+index\s+number)" + Then
            + @"(?<v>[0-9]{8}[A-Z]?|[A-Z0-9]{8,14})(?![A-Z0-9-])", AnyCase, Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\b(AD|active\s+directory|security|distribution|ldap|azure|o365|"
                + @"m365|teams|email|mail|user|it|resource|ad\s+security)\s*$", AnyCase, Timeout)),
        // The state between the cue and the number: "DL LA 009812374", "driver license LA 011928374"; a port worker's TWIC card.
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"(\b(?-i:C?DL)|\b(commercial\s+)?driver'?s?\s+licen[cs]e|\blicen[cs]e)\s+"
            + @"((?-i:" + States + @")|" + StateNames + @")\b" + Then + LicenceValue + @"|\b(?-i:TWIC)(\s+card)?" + Then
            + @"(?<v>[0-9]{4}-?[0-9]{4}-?[0-9]{4})(?![0-9])",
            AnyCase, Timeout)),
        // A military service number, for a veteran's referral: "pt's military service number 12-883-104".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\bmilitary\s+(service\s+)?(number|no\b\.?|#|id)" + Then
            + @"(?<v>[0-9][0-9-]{5,14}[0-9])(?![0-9])", AnyCase, Timeout)),
        // A vehicle's tag where the text is about a vehicle: "the motorcycle with tag M20418 out front" (not an asset tag).
        new(PhiKind.VehicleIdentifier, new Regex(@"(?<!\b(asset|equipment|biomed|inventory|rfid|price|name|git|release|version|hash|"
            + @"property|device|cart|pump)\s+)\btags?(\s+(number|no\b\.?|#|is|was|reads?|says))?[\s:#,]*" + Plate, AnyCase, Timeout),
            (m, _, _) => !m.Groups["v"].Value.All(char.IsDigit),
            When: text => text.MentionsVehicle),
        // A state's driving licence or ID card: "CA DL B7729104", "NY license 492 188 305", "state ID number 93-118-4472".
        // A state's licence typed in lower case, or a person's: "ga dl 056218843", "his dl 11920448".
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"\b(" + States + @"|his|her|their|pt'?s|patient'?s)\s+c?dl\b" + Then
            + LicenceValue, AnyCase, Timeout),
            When: text => text.Text.Contains("dl", StringComparison.OrdinalIgnoreCase)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"(\b(?-i:" + States + @")\s+(DL|ID|licen[cs]e|lic\b\.?|driver'?s?\s+licen[cs]e)|"
            + @"\bstate\s+(id|identification)(\s+card)?|\bdriver'?s?\s+(licen[cs]e|lic\b\.?))"
            + @"(" + Then + @"|(\s+(number|no\b\.?|#))?([\s,]+[\p{L}'.]+){1,5}?\s*:\s*)" + LicenceValue, AnyCase, Timeout)),
        // A transplant candidate's registry id, a few words after its cue: "UNOS id for the transplant pt ...: XBK2291".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(UNOS|OPTN|DonorNet|waitlist|wait\s+list|transplant\s+(list|registry|"
            + @"candidate)|(organ\s+)?donor\s+(registry|registration|card)|donate\s+life(\s+registry)?)\s*(id|identifier|number|"
            + @"no\b\.?|#)(\s+(is|was))?([\s,]+[\p{L}'.-]+){0,10}?\s*[:#=]?\s*"
            + @"(?<v>(?=([A-Z-]*[0-9]){3})(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9]|[0-9]{5,12})(?![A-Z0-9-])", AnyCase, Timeout)),
        // A visit on a day, in a text about a person: "ED visit on june 3", "she was in our ED feb 9", "clinic visit 3/14".
        new(PhiKind.PersonalDate, new Regex(@"\b((ed|er|clinic|urgent\s+care|office|telehealth|video|follow-?up|prenatal|well[\s-]child|"
            + @"wellness|home|er)\s+visits?\s+((was|is|on|from|of|dated|date)\s+)*|(was|were|been|came)\s+(in|to|at|through)\s+"
            + @"(the\s+|our\s+|your\s+)?(ed|er|emergency(\s+(dept|department|room))?|clinic|urgent\s+care|icu|l&d|triage|"
            + @"hospital)\s+((on|last|again)\s+)?)" + Date, AnyCase, Timeout),
            (m, text, _) => !ProjectDateAfter.IsMatch(text.Text.AsSpan(m.Groups["v"].Index + m.Groups["v"].Length)),
            When: text => text.MentionsPerson),
        // A record number with its system's letters in front, where the text is about a person or a record: "SB00938127 shows two
        // open encounters", "pt RQ0044821937 merged into the wrong chart" (not a service desk's INC0012345, not an asset tag).
        new(PhiKind.MedicalRecordNumber, new Regex(@"(?<![A-Z0-9-])(?<v>(?<p>[A-Z]{1,3})0[0-9]{6,11})(?![A-Z0-9-])", Options, Timeout),
            (m, text, _) => !TicketPrefixes.Contains(m.Groups["p"].Value) && !NumberCue.IsMatch(text.Before(m.Index))
                && (text.MentionsPerson || RecordWords.IsMatch(text.Text))),
        // Commercial, professional and state licences, permits to carry: "CDL # 0834421977", "RN 2214981", "Texas DL 28471960",
        // "DL S530-7784-2210-04", "concealed carry permit # CCW-44820".
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"(\b(?-i:CDL|DL)|\b" + StateNames + @"\s+(DL|ID|licen[cs]e|lic\b\.?|"
            + @"driver'?s?\s+licen[cs]e)|\b(nursing|medical|professional|commercial|pilot'?s?|cosmetology|teaching|contractor'?s?)\s+"
            + @"licen[cs]e|\b(concealed\s+carry|carry|gun|firearms?|weapons?|pistol|handgun|hunting|fishing)\s+(permit|licen[cs]e|card)|"
            + @"\b(?-i:CCW|FOID|LTC))" + Then + LicenceValue, AnyCase, Timeout)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"\b(?-i:RN|LPN|LVN|APRN|CNA)\s*(licen[cs]e\s*)?(#|no\b\.?|number)?\s*"
            + @"(?<v>[A-Z]{0,2}[0-9]{6,9})(?![A-Z0-9-])", AnyCase, Timeout)),
        // Numbers of a death's investigation or a service member's record: "ME case number 2024-01187", "army service number RA 18 442
        // 017", "VA claim number 28 774 901".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b((?-i:ME|OME|OCME)|medical\s+examiner'?s?|coroner'?s?|autopsy)\s+(case|file|"
            + @"report)?\s*(number|no\b\.?|num|#|id)?" + Then + @"(?<v>([A-Z]{1,4}-)?[A-Z]{0,3}[0-9]{2,4}-[0-9]{3,6})(?![0-9])"
            + @"|\b((army|navy|marine|air\s+force|military|coast\s+guard|service\s+member'?s?)\s+(service|serial)\s+(number|no\b\.?|#)|"
            + @"(?-i:VA)\s+(claim|file|c-?file)\s*(number|no\b\.?|#)?)" + Then
            + @"(?<v>[A-Z]{0,2}\s?[0-9]{2,3}\s?[0-9]{3}\s?[0-9]{3,4}|[A-Z]{0,2}[0-9]{1,2}-[0-9]{6,8})(?![0-9])", AnyCase, Timeout)),
        // A patient who works here, by the badge or employee id: "pt is one of our employees, badge number 448812".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(badge|employee|emp)\s*(id|number|no\b\.?|num|#)?"
            + @"(\s+(at|from|for|with)\s+(the\s+|his\s+|her\s+|their\s+)?[\p{L}'&-]+(\s+[\p{L}'&-]+){0,3}?\s*[,(:])?" + Then
            + @"(?<v>[A-Z]{0,4}-?[0-9]{4,10})(?![A-Z0-9-])", AnyCase, Timeout),
            (_, text, _) => text.MentionsPatient),
        // A state's tag on a car: "GA tag ABC-1234", "FL tag QRT 552".
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(?-i:" + States + @")\s+(tags?|plates?)(\s+(number|no\b\.?|#|is|was|reads?|says))?"
            + @"[\s:#,]*" + Plate, AnyCase, Timeout),
            (m, _, _) => !m.Groups["v"].Value.All(char.IsDigit),
            When: text => text.Text.Contains("tag", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("plate", StringComparison.OrdinalIgnoreCase)),
        // A device a patient wears, with the short id of its transmitter or pod: "dexcom transmitter id 8G3K2L".
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(transmitter|sensor|receiver|pod|cgm|dexcom|libre|omnipod|pump|insulin\s+pump|"
            + @"tandem)\s*((id|serial|s/n|sn|#|number|no\b\.?)|(?<=(transmitter|sensor|pod)\s*))" + Then
            + @"(?<v>(?=[A-Z]*[0-9])(?=[0-9]*[A-Z])[A-Z0-9]{5,12})(?![A-Z0-9-])", AnyCase, Timeout),
            (_, text, _) => text.MentionsPerson),
        // A link to a patient's record, at any host, even the hospital's own: ".../patient/4471902".
        new(PhiKind.WebAddress, new Regex(@"(?<![\w@./-])(?<v>(https?://)?([A-Z0-9-]+\.)+[A-Z]{2,}(:[0-9]+)?/([^\s/<>""]+/)*?"
            + RecordPath + @"[^\s<>""]*[^\s<>"".,;:!?)\]])", AnyCase, Timeout),
            When: text => text.Text.Contains('/', StringComparison.Ordinal)),
        // A national number abroad after "reached on", "reachable at", "call her on": "her son can be reached on 07911 123456".
        new(PhiKind.PhoneNumber, new Regex(@"\b(reached|reachable|contacted|contactable|call(ed)?\s+(her|him|them)|text(ed)?\s+(her|him|"
            + @"them)|ring\s+(her|him|them))\s+(on|at)\s*[:#]?\s*(?<v>0[1-9][0-9]{1,3}[\s.-]?[0-9]{3,4}[\s.-]?[0-9]{3,4})(?![0-9])",
            AnyCase, Timeout),
            (m, text, _) => m.Groups["v"].Value.Count(char.IsDigit) is 10 or 11 && !IsDepartmentLine(m.Groups["v"], text),
            When: text => text.MentionsPerson),
        // A patient's face in a picture: "wound pic with the pt's face visible", "the screenshot shows the pt's face".
        new(PhiKind.Photograph, new Regex(@"\b(?<v>((the\s+)?(pt|patient|baby|child|kid)('?s)?|her|his|their)\s+((full|whole|entire)\s+)?"
            + @"faces?)\b"
            + @"(?!\s*-?\s*(sheet|to\s+face|time|book|page|plate|value|amount|id\b))", AnyCase, Timeout),
            (_, text, _) => PictureWord.IsMatch(text.Text), WithoutDigits: true,
            When: text => text.Text.Contains("face", StringComparison.OrdinalIgnoreCase)),
        // Someone known for who they are, which identifies them as a name does: "the pt is the mayor", "the local news anchor was
        // admitted", "the only quadruplets born here".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(pt|patient|she|he|her\s+(husband|wife|son|daughter|mom|dad)|his\s+(wife|husband|"
            + @"son|daughter|mom|dad)|mom|dad|(guy|man|woman|lady|gentleman|kid|boy|girl|person)\s+(in|on)(\s+[\p{L}0-9&-]+){1,4}?)"
            + @"\s+((who|that)\s+)?(is|was|'s)\s+((the|a|an|our)\s+)?([\p{L}'-]+\s+){0,3}?(?<v>" + Notable + @")\b"
            + @"|\b(the|our|a)\s+([\p{L}-]+\s+){0,2}?(?<v>" + Notable + @")\s+(was|is|got|came|has\s+been|had\s+been|just\s+got)\s+"
            + @"(admitted|seen|brought|discharged|transferred|readmitted|"
            + @"in\s+(the\s+)?(ed|er|icu|picu|nicu|hospital|bed|room|unit|clinic|or)"
            + @"|on\s+[0-9]\s*(east|west|north|south))\b"
            + @"|\b(?<v>((the\s+)?only|one\s+of\s+the)\s+(set\s+of\s+)?(quadruplets|quintuplets|sextuplets|quads|conjoined\s+twins)\s+"
            + @"(born|delivered|in|on|at)\b)"
            // The one person of a kind in a place: "the only 7 ft tall guy in town".
            + @"|\b(?<v>the\s+only\s+([\p{L}0-9'.-]+\s+){0,4}?(guy|man|woman|lady|kid|boy|girl|person|patient|pt|dude|fella|priest|"
            + @"mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|twin|triplet|veteran|"
            + @"rabbi|imam|pastor|family)\s+(in|on|from|at)\s+(town|the\s+(county|city|island|reservation|valley|village|state|"
            + @"region|area|parish|pueblo)|our\s+(county|town|city|island)))\b"
            // The one case of its kind: "the pt is the only one in the state with this condition".
            + @"|\b(pt|patient|she|he)\s+(is|was|'s)\s+(?<v>the\s+only\s+(one|person|case|patient|pt)\s+(in|on|from|at)\s+(town|"
            + @"the\s+(county|city|island|state|country|region|area|world)|our\s+(county|town|city|state)))\b", AnyCase, Timeout),
            WithoutDigits: true,
            When: text => NotableWord.IsMatch(text.Text)),
        // A member id after a payer's name or alone: "UCare member 100458823", "member 44190023 is her plan" (not a team's member).
        new(PhiKind.HealthPlanNumber, new Regex(@"\bmember\s+(#\s*)?(?<v>[A-Z]{0,3}[0-9]{7,12})(?![0-9])", AnyCase, Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\b(team|staff|board|committee|council|panel|faculty|crew|project|"
                + @"group|pool|family|steering|cab)\s+$", AnyCase, Timeout)),
        // A VIN in a text that says it is one, check digit or not: "VINs from trauma notes (e.g. 1HGCM82633A004352) ...".
        new(PhiKind.VehicleIdentifier, new Regex(@"(?<![A-Z0-9])(?<v>(?-i:(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{13}[0-9]{4}))"
            + @"(?![A-Z0-9])", AnyCase, Timeout),
            When: text => text.Text.Contains("vin", StringComparison.OrdinalIgnoreCase) && VinWord.IsMatch(text.Text)),
        // A person's own blog or site at a blog host: "her blog at okaforjourney.blogspot.com", "teche-dad.wordpress.com".
        new(PhiKind.WebAddress, new Regex(@"(?<![\w@./-])(?<v>(?!www\.)([A-Z0-9-]+\.)+(blogspot|wordpress|tumblr|substack|weebly|wixsite|"
            + @"typepad|livejournal|ghost|carrd|strikingly|webnode)\.(com|io|co|net|org)(/[^\s<>""]*[^\s<>"".,;:!?)\]])?)(?![\w.-]*\w)",
            AnyCase, Timeout),
            // A site named by an English word ("news.wordpress.com") is an organisation's, not a person's.
            (m, _, _) => m.Value[..m.Value.IndexOf('.', StringComparison.Ordinal)] is var site
                && (site.Contains('-', StringComparison.Ordinal) || !NameLexicon.IsEnglishWord(site)),
            WithoutDigits: true,
            When: text => BlogHosts.Any(h => text.Text.Contains(h, StringComparison.OrdinalIgnoreCase))),
        // A number said to be the patient's: "E-number E1290443 is the pt whose ...", "4471902 was the patient on the ADT".
        new(PhiKind.MedicalRecordNumber, new Regex(@"(?<![\p{L}0-9-])(?<v>[A-Z]{0,3}-?[0-9]{6,10})\s+(is|was|belongs\s+to)\s+(the|a|this|"
            + @"our|that)\s+(pt|patient)\b(?!\s+(portal|access|experience|safety|facing|education|list|census|app|flow|rooms?)\b)",
            AnyCase, Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\b(ticket|inc|chg|ritm|req|po|invoice|order|build|case|version|job|"
                + @"project|change|incident|sr|task)\s*[#:]?\s*$", AnyCase, Timeout),
            When: text => text.MentionsPatient),
        // The patient id fields of an HL7 message with their value: "PID-3 of 7003341", "PID.18 = 88120931".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\bPID[-.|](2|3|4|18)(\.[0-9]+)*\s*((of|=|:|is|was|as|with|shows|had|has)\s*|"
            + @"([\p{L}]+\s+){1,3}?(as|of|with)\s+)?"
            + @"(?<v>[A-Z]{0,3}[0-9]{5,12})(?![0-9])", AnyCase, Timeout)),
        // An age over 89 in the ward's age-and-sex shorthand: "94F w/ hip fx", "101 yo M from the nursing home" (not a temperature).
        new(PhiKind.AgeOver89, new Regex(@"(?<![\p{L}0-9.°])(?<v>(9[0-9]|1[01][0-9])\s?(y/?o\s?|yo\s?)?(?-i:[MF]))(?=\s*(,|w/|with\b|s/p|"
            + @"c/o|h/o|hx\b|p/w|presents|presenting|admitted|here\b|from\b|who\b|pt\b|in\s+(bed|room|rm|the\s+(ed|er|icu))|on\s+[0-9]))",
            AnyCase, Timeout),
            (m, text, _) => !Regex.IsMatch(text.Before(m.Index), @"\b(temps?|temperature|degrees|room|fridge|freezer|thermostat|hvac|"
                + @"ac|heat|set\s+to)\b", AnyCase, Timeout)),
        // A highway address or a street named in another language, a person's: "picked him up at 3301 Hwy 90 E lot 14", "street as
        // \"1120 rue fontaine\"", "vive en 455 calle ocho".
        new(PhiKind.StreetAddress, new Regex(@"(?<![0-9A-Za-z-])(?<v>[0-9]{1,6}\s+((hwy|highway|route|rte|us|state\s+route|sr|"
            + @"county\s+road|cr|fm|farm\s+road)\s*[-#]?\s*[0-9]{1,4}(\s+(?-i:[NSEW])\b)?"
            + @"(\s*,?\s*(lot|apt|unit|trailer|space|#)\s*#?\s*[0-9A-Z]+)?|(rue|calle|"
            + @"avenida|camino|rua|chemin|via|strada|ulica|strasse|straße)\s+[\p{L}'-]+(\s+[\p{L}'-]+)?))", AnyCase, Timeout),
            (m, text, _) => text.MentionsPerson || PersonMovedBefore.IsMatch(text.Before(m.Index)) || HomeDelivery.IsMatch(text.Text)),
        // Fame told as a deed or a one-off feature: "the woman who won the crawfish cook-off", "the pt with the one-of-a-kind leg".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(?<v>(guy|man|woman|lady|kid|boy|girl|pt|patient|person|gentleman|fella)\s+"
            + @"(who|that)\s+(won|wins|broke|set|holds|was\s+on|went\s+viral|is\s+all\s+over)\s+(the\s+)?([\p{L}'-]+\s+){0,4}?(contest|"
            + @"cook-?off|competition|championship|record|lottery|jackpot|race|marathon|pageant|tournament|news|tiktok|internet|"
            + @"paper|tv))\b"
            + @"|\b(?<v>(guy|man|woman|lady|kid|boy|girl|pt|patient|person|gentleman|fella)\s+with\s+the\s+(one-of-a-kind|only|"
            + @"famous|viral|world-?famous)\s+[\p{L}'-]+)", AnyCase, Timeout),
            WithoutDigits: true,
            When: text => text.Text.Contains(" who ", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains(" that ", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains(" with the ", StringComparison.OrdinalIgnoreCase)),
        // An arrival by ambulance and its date: "came in by ambulance 10/4", "brought in by EMS 11/19", "arrived via EMS on 12/02".
        new(PhiKind.PersonalDate, new Regex(@"\b((came|brought)\s+in|arrived)\s+(by|via|on)\s+(ambulance|ems|helicopter|life\s?flight|"
            + @"medics?|squad|air)\b\s*(on\s+|:\s*)?" + Date, AnyCase, Timeout),
            When: text => text.Text.Contains(" in ", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("arrived", StringComparison.OrdinalIgnoreCase)),
        // Numbers a person is known by outside the hospital: an immigration A-number, a student's or a library card's id, a case
        // at child or adult protective services or a court: "A-number A-204118993", "student ID 114008812", "CPS case # 25-JV-00871".
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b((?-i:A)-?(number|no\b\.?|#)|alien\s+(registration\s+)?(number|no\b\.?|#)|"
            + @"alien\s+registration(\s+card)?|"
            + @"(?-i:USCIS|UCSIS)\s*(number|no\b\.?|#|id)?|(green\s+card|visa|refugee|asylum|immigration|i-94|work\s+permit)\s*"
            + @"(number|no\b\.?|num|#|id)|(student|school|library|campus|university|college|gym)\s+(id|number|no\b\.?|#|card)(\s+"
            + @"(number|no\b\.?|#))?|" + Agencies + @"\s+([\p{L}'-]+\s+){1,3}?(case|file|referral|intake)\s*(number|no\b\.?|num|#|id)|"
            + @"(" + Agencies + @"|child\s+protective|adult\s+protective|protective\s+"
            + @"services|social\s+services|foster\s+care|juvenile|family\s+court|court|probation|parole|custody|guardianship|"
            + @"police|sheriff'?s?)\s+((case|file|report|docket|referral|intake)\s*)(number|no\b\.?|num|#|id)?|"
            + @"(docket|probation|parole|police\s+report|(criminal|civil|juvenile)\s+case|foster\s+(care|child|youth)(\s+case)?|"
            + @"(?-i:DOC|IDOC|FDOC|GDC|TDCJ|CDCR|BOP|DJJ)|jail|detainee|commissary)\s*(number|no\b\.?|num|#|id)|"
            + @"(bus|transit|paratransit)\s+pass\s*"
            + @"(number|no\b\.?|#|id)?|((?-i:SNAP|WIC|EBT|TANF|SSI|SSDI)|food\s+stamps?|section\s+8|housing\s+voucher|disability|"
            + @"benefits?)\s+((case|card|client|recipient|participant)(\s*(number|no\b\.?|num|#|id))?|number|no\b\.?|num|#|id))"
            + Then
            + @"(?<v>(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])", AnyCase, Timeout)),
        // A number a text says is the person's own, whatever it numbers: "his BSU student ID 114008812", "pt's tribal card #
        // 44910", "her library card 2900114" (not the numbers of work: a ticket, an extension, a badge, an order).
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"\b(his|her|their|pt's|patient's|pts|mom's|dad's|baby's|son's|daughter's|"
            + @"wife's|husband's)\s+(?<what>([\p{L}-]+\s+){0,3}?)(id|identifier|number|no\b\.?|num|#|card)" + Then
            + @"(?<v>(?=([A-Z-]*[0-9]){5})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])", AnyCase, Timeout),
            (m, text, _) => !WorkNumbers.IsMatch(m.Groups["what"].Value)
                && (text.MentionsPatient || !StaffNumbers.IsMatch(m.Groups["what"].Value)),
            When: text => text.MentionsPerson),
        // A stay from one date to another: "she was here from 8/21 to 8/30", "he was inpatient 3/2 - 3/9", "her stay 5/4 thru 5/11".
        new(PhiKind.PersonalDate, new Regex(@"\b((was|were|been|is)\s+(here|in|inpatient|inpt|admitted|hospitalized|in\s+house|"
            + @"in\s+the\s+(hospital|icu|nicu|picu|ed|er|unit|bmt|burn\s+unit))|stayed(\s+here)?|(his|her|their|pt'?s|patient'?s)\s+"
            + @"((last|first|prior|previous|recent)\s+)?(stay|admission|hospitalization|visit))\s+(with\s+us\s+)?(from\s+)?"
            + Date + @"\s*(to|through|thru|until|till|-)\s*[0-9]", AnyCase, Timeout),
            When: text => text.MentionsPerson),
        // A ZIP a person gave for where they live, in a text about an address: "she gave 83651 when registration asked".
        new(PhiKind.ZipCode, new Regex(@"\b(she|he|they|pt|patient|mom|dad|family|wife|husband|daughter|son)\s+((has|had|just|"
            + @"also)\s+)?(gave|gives|give|listed|lists|put|puts|wrote|writes|entered|enters|typed|types|said|says|told\s+(us|them|"
            + @"me|registration))\s+(us\s+|them\s+|me\s+)?(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])(?!\s*(times|tickets|messages|"
            + @"dollars|items|%))", AnyCase, Timeout),
            When: text => AddressWords.IsMatch(text.Text)),
        // An HL7 v2 PID segment as pasted: PID-3 (the patient's identifiers) and PID-7 (the birth date, yyyyMMdd), in any message.
        new(PhiKind.MedicalRecordNumber, new Regex(@"\bPID\|[^|\r\n]*\|[^|\r\n]*\|(?<v>[A-Z0-9-]*[0-9]{4}[A-Z0-9-]*)(?=[|^~])", AnyCase,
            Timeout), When: text => text.Text.Contains("PID|", StringComparison.OrdinalIgnoreCase)),
        new(PhiKind.DateOfBirth, new Regex(@"\bPID\|([^|\r\n]*\|){6}(?<v>(18|19|20)[0-9]{6}([0-9]{2,6})?)(?![0-9])", AnyCase, Timeout),
            When: text => text.Text.Contains("PID|", StringComparison.OrdinalIgnoreCase)),
        new(PhiKind.DateOfBirth, new Regex(@"\bPID[-.]7(\.[0-9]+)*\b[^0-9\r\n]{0,40}?(?<v>(18|19|20)[0-9]{6}([0-9]{2,6})?)(?![0-9])",
            AnyCase, Timeout)),
        // A phone number said aloud and typed as words: "five oh nine, three four two, eight eight one six".
        new(PhiKind.PhoneNumber, new Regex(@"\b(?<v>" + DigitWord + @"([\s,.-]+" + DigitWord + @"){6,14})\b", AnyCase, Timeout),
            (m, text, _) => !IsDepartmentLine(m.Groups["v"].Value, text)
                && Regex.Count(m.Groups["v"].Value, @"\b(zero|oh|o)\b", AnyCase, Timeout) < 7,
            WithoutDigits: true, When: text => text.MentionsPerson),
        // A birth date in words: "born the second of march nineteen forty", "DOB is june third, nineteen fifty-two".
        new(PhiKind.DateOfBirth, new Regex(@"\b(born|dob|d\.o\.b\.?|birthday|birth\s?date|date\s+of\s+birth)\b([\s,:]+[\p{L}']+){0,5}?"
            + @"[\s,:]+(?<v>((the\s+)?" + DayWord + @"\s+(of\s+)?" + Month + "|" + Month
            + @"\s+(the\s+)?" + DayWord + @")(,?\s+(" + YearWords + @"|[0-9]{4}))?|" + YearWords + @")\b", AnyCase, Timeout),
            WithoutDigits: true),
        // A whole date said aloud, its year in words, in a text about a person: "twelfth of march, nineteen fifty".
        new(PhiKind.DateOfBirth, new Regex(@"\b(?<v>(the\s+)?" + DayWord + @"\s+(of\s+)?" + Month + @",?\s+" + YearWords + "|" + Month
            + @"\s+(the\s+)?" + DayWord + @",?\s+" + YearWords + @")\b", AnyCase, Timeout),
            WithoutDigits: true,
            When: text => text.MentionsPerson && (text.Text.Contains("nineteen", StringComparison.OrdinalIgnoreCase)
                || text.Text.Contains("twenty", StringComparison.OrdinalIgnoreCase))),
        // An address spelled out against mail filters: "hodan dot warsame at gmail dot com".
        new(PhiKind.EmailAddress, new Regex(@"\b(?<v>[\p{L}0-9]+((\s+(dot|underscore|dash)\s+|[._-])[\p{L}0-9]+)*\s+(at|\(at\)|\[at\])\s+"
            + @"(?<host>[\p{L}0-9-]+(\s+dot\s+[\p{L}0-9-]+)*\s+dot\s+(com|net|org|edu|gov|us|io|co|info|me|biz)))\b", AnyCase, Timeout),
            (m, _, context) => !context.IsStaffDomain(Regex.Replace(m.Groups["host"].Value, @"\s+dot\s+", ".", AnyCase, Timeout)),
            WithoutDigits: true, When: text => text.Text.Contains(" dot ", StringComparison.OrdinalIgnoreCase)),
        // Part of an SSN is still the SSN: "verified w/ last 4 of her SSN 7719", "ssn last four 2290".
        new(PhiKind.SocialSecurityNumber, new Regex(@"\b(last\s+(4|four)(\s+digits)?(\s+of)?(\s+(her|his|their|the|pt'?s|patient'?s|"
            + @"mom'?s|dad'?s))?\s+(ssn|social(\s+security)?(\s+(number|no\b\.?|#))?|ss\s?#|soc)|(ssn|social)\s+last\s+(4|four))"
            + @"[\s,]*(is|was|:|#|=|-|of)?[\s,]*(?<v>[0-9]{4})(?![0-9])", AnyCase, Timeout)),
        // A log line's field and its value: "field=ssn value=602188847".
        new(PhiKind.SocialSecurityNumber, new Regex(LoggedField(@"ssn|pt_ssn|patient_ssn|social|soc_sec|ss_num"), AnyCase, Timeout)),
        new(PhiKind.DateOfBirth, new Regex(LoggedField(@"dob|pt_dob|birth_?date|date_of_birth|birth_dt|dob_dt"), AnyCase, Timeout)),
        new(PhiKind.MedicalRecordNumber, new Regex(LoggedField(@"mrn|pt_mrn|patient_id|pat_id|pid|medical_record_number"), AnyCase,
            Timeout)),
        // A record number the ward ties to a patient: "pt 40188235 in 4W", "chart E1093382", "40250117 - the one w/ the sepsis
        // alert", "40277731 in bed 6".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(pt|patient|chart)\s*#?\s*(?<v>[A-Z]{0,2}[0-9]{7,10})(?![0-9./:-])"
            + @"|(?<![\p{L}0-9#./-])(?<v>[0-9]{7,10})(?![0-9./:-])\s*(,?\s*-?\s*(the\s+one|the\s+(pt|patient)|who)\b|\s+(is\s+)?(in|on)\s+"
            + @"((bed|rm|room|bay)\s*[0-9]|[0-9]{1,2}\s?(?-i:[NSEW])\b|(ed|icu|pacu|nicu|picu|l&d|ccu)\b))", AnyCase, Timeout),
            (m, text, _) => !NumberCue.IsMatch(text.Before(m.Groups["v"].Index)) && !WorkNumbers.IsMatch(text.Before(m.Groups["v"].Index)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")),
        // Where a patient lives, however the sentence runs: "all 3 readmits live in 98944", "lives up in 99349", "the zip he gave
        // at the kiosk was 99336".
        new(PhiKind.ZipCode, new Regex(@"\b(live|lives|living|lived)\s+((way\s+)?(up|down|out|over|back|east|west|north|south)\s+)?"
            + @"(in|near|by|around)\s+(the\s+)?(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])(?!\s*(messages|items|tickets|records|%))"
            + @"|\bzip(\s*code)?\s+(he|she|they|the\s+pt|pt|patient|mom|dad|family)\s+(gave|listed|entered|put|wrote|said|typed)\b"
            + @"[^0-9.;]{0,40}?(?<v>[0-9]{5})(?![0-9])", AnyCase, Timeout)),
        // A care event on its day without a patient cue: "seen in clinic 11-18-2025", "evaluated in the ED 3/3".
        new(PhiKind.PersonalDate, new Regex(@"\b(seen|evaluated|treated|roomed|triaged|admitted|discharged)\s+(in|at|by|from)\s+(the\s+)?"
            + @"([\p{L}-]+\s+)?(clinic|ed|er|urgent\s+care|office|icu|pacu|l&d|triage)\s+(on\s+)?" + Date, AnyCase, Timeout)),
        // A payer's member number typed right after the payer: "ProviderOne 108844217WA", "Medicaid 88120931A".
        new(PhiKind.HealthPlanNumber, new Regex(@"\b(provider\s?one|apple\s+health|" + Payers + @")\s*[:#]?\s*"
            + @"(?<v>(?=([A-Z-]*[0-9]){7})[A-Z0-9][A-Z0-9-]{6,19}[A-Z0-9])(?![A-Z0-9-])", AnyCase, Timeout)),
        // A VIN typed in lower case, about a car: "family's minivan 5tdkz3dc7ks018273 got towed".
        new(PhiKind.VehicleIdentifier, new Regex(@"(?<![A-Z0-9])(?<v>[a-hj-npr-z0-9]{17})(?![A-Z0-9])", AnyCase, Timeout),
            (m, _, _) => IsVin(m.Groups["v"].Value), When: text => text.MentionsVehicle || text.Text.Contains("van")),
        // A home in a park of mobile homes: "the Desert Palms mobile home park, space 22".
        new(PhiKind.StreetAddress, new Regex(@"\b(?<v>(mobile\s+home|trailer|rv|manufactured\s+home)\s+"
            + @"(park|court|village|estates|community)"
            + @",?\s+(space|lot|unit|site|trailer|pad|#)\s*#?\s*[0-9]{1,4}[A-Z]?)\b", AnyCase, Timeout)),
        // A state's letters before a licence's number, a few words after the licence: "driver's license # WY 112-784-390",
        // "license number on the pt's ID is UT 174420983", "her DL (CO 14-228-6637)".
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"\b(licen[cs]e|lic\b\.?|(?-i:C?DL|ID))(?!\s+plate)\b[^.;!?\n]{0,60}?[\s(:#]"
            + @"(?-i:" + States + @")\s*[-#:]?\s*(?<v>[A-Z]?[0-9]{2,9}([\s-][0-9]{2,6}){0,3})(?![0-9A-Z-])", AnyCase, Timeout),
            (m, _, _) => IsGroupedRecordNumber(m.Groups["v"].Value),
            When: text => text.Text.Contains("DL", StringComparison.Ordinal) || text.Text.Contains("ID", StringComparison.Ordinal)
                || Says(text, "licen", "lic.", "lic ")),
        // A plate whose number starts with a digit, its state's letters before it, a few words after the plate or a car:
        // "the plate of the pt who left - MT 3-48211A", "her car, OR 512 KTM".
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(plates?|tags?|car|truck|suv|van|pickup|vehicle|motorcycle)\b[^.;!?\n]{0,60}?"
            + @"[\s(:#,-](?-i:" + States + @")\s+(?<v>[0-9]{1,3}-[0-9]{3,5}[A-Z]{0,2}|"
            + @"(?=[A-Z0-9\s-]{0,8}[0-9])(?=[A-Z0-9\s-]{0,8}[A-Z])[0-9][A-Z0-9]{0,3}[\s-]?[A-Z0-9]{2,6})"
            + @"(?![A-Z0-9-])", AnyCase, Timeout),
            (_, text, _) => text.MentionsPerson || !FleetVehicle.IsMatch(text.Text),
            When: text => Says(text, "plate", "tag", "car ", "truck", "suv", "van ", "pickup", "vehicle", "motorcycle")),
        // When a patient came to the ED or was moved, with its date and time: "ED arrival 12/24/2024 2310", "triage time 3/2 0415",
        // "her transfer date 11/30".
        new(PhiKind.PersonalDate, new Regex(@"((?<=\b(ed|er|ems|ambulance|triage|trauma|pt'?s?|patient'?s?|his|her|their)\s+)(arrival|"
            + @"triage|presentation|check-?in|transfer|admission|admit|discharge|registration)\b(\s+(date|time|dt|tm|date/time))?"
            + @"|\btriage\s+(date|time|dt|tm|date/time))"
            + @"(\s+(was|is|on|at|of))?\s*[:@=-]?\s*" + Date, AnyCase, Timeout),
            (m, text, _) => !ProjectDateAfter.IsMatch(text.Text.AsSpan(m.Groups["v"].Index + m.Groups["v"].Length)),
            When: text => Says(
                text, "arrival", "triage", "presentation", "check-in", "checkin", "transfer", "admission", "admit ", "discharge",
                "registration")),
        // A part of a day a patient's event fell on: "had her stroke on the morning of june 6th", "fell the night of 3/2".
        new(PhiKind.PersonalDate, new Regex(@"\b(morning|afternoon|evening|night|early\s+hours|weekend)\s+of\s+(the\s+)?" + Date,
            AnyCase, Timeout),
            (m, text, _) => !ProjectEventBefore.IsMatch(text.Before(m.Index))
                && !ProjectDateAfter.IsMatch(text.Text.AsSpan(m.Groups["v"].Index + m.Groups["v"].Length)),
            When: text => text.MentionsPerson && Says(text, " of ")),
        // A specimen's or a label's number, about a patient: "the sticker on the specimen says 55029183".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(stickers?|labels?|specimens?|tubes?|accession|requisition|req)\b"
            + @"([\s,]+[\p{L}'-]+){0,4}?\s+(says|said|reads|shows|has|had|is|was|#|no\.?|number)\s*[:#]?\s*"
            + @"(?<v>[A-Z]{0,3}-?[0-9]{6,12})(?![0-9A-Z-])", AnyCase, Timeout),
            When: text => text.MentionsPerson && Says(text, "sticker", "label", "specimen", " tube", "accession", "req ", "req#",
                "requisition")),
        // A ZIP in brackets a few words after its cue: "zip on the portal acct (59802) doesn't match ADT (59808)".
        new(PhiKind.ZipCode, new Regex(@"\b(zip(\s*code)?|postal\s+code)\b[^.;!?\n]{0,40}?\(\s*(?<v>[0-9]{5}(-[0-9]{4})?)\s*\)"
            + @"(?:[^(\n]{0,30}\(\s*(?<v>[0-9]{5}(-[0-9]{4})?)\s*\))?", AnyCase, Timeout),
            (m, text, _) => text.MentionsPerson || text.MentionsCare || !SiteZipBefore.IsMatch(text.Before(m.Index)),
            When: text => Says(text, "zip", "postal") && text.Text.Contains('(', StringComparison.Ordinal)),
        // A chart's bare number asked for by what is done to it, scanned off a band, or said to be a patient's: "can someone unlock
        // 31840077", "armband scans as 000458812", "40552871 — that's the ED pt's armband", "YKHC chart 221876 for the medevac pt".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(unlock|unlocked|unlocking|reopen|un-?merge)\s+(?<v>[0-9]{7,10})(?![0-9./:-])"
            + @"|\b(arm|wrist)?band\s+(scans?|scanned|reads?|shows?|prints?|printed)\s+(as\s+)?(?<v>[0-9]{6,10})(?![0-9./:-])"
            + @"|(?<![0-9A-Z./-])(?<v>[0-9]{7,10})\s*(—|–|-|,|\()\s*(that'?s|it'?s|which\s+is|is)\s+(the\s+)?([\p{L}&'-]+\s+){0,3}?"
            + @"(pt|patient|baby|mom)'?s?\s+(arm|wrist)?(band|chart|mrn|record)"
            + @"|\bchart\s*#?\s*(?<v>[0-9]{5,6})(?![0-9./-])\s+(for|of|on)\s+(the\s+|this\s+|that\s+)?([\p{L}-]+\s+){0,2}?(pt|patient)\b",
            AnyCase, Timeout),
            (m, text, _) => !WorkNumbers.IsMatch(text.Before(m.Groups["v"].Index)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? ""),
            When: text => Says(text, "unlock", "reopen", "merge", "band", "chart")),
        // A phone number with spaces about its dots: "253 . 841 . 0067".
        new(PhiKind.PhoneNumber, new Regex(@"(?<![0-9])(?<v>\(?[0-9]{3}\)?\s+\.\s+[0-9]{3}\s+\.\s+[0-9]{4})(?![0-9])", Options, Timeout),
            (m, text, _) => !IsDepartmentLine(m.Groups["v"], text), When: text => text.Text.Contains(" . ", StringComparison.Ordinal)),
        // A record number read out with its digits apart: "MRN: 6 6 0 2 1 4 4 7".
        new(PhiKind.MedicalRecordNumber, new Regex(@"\b(MRN|chart\s*#|record\s*#)\s*[:#]?\s*(?<v>[0-9](\s[0-9]){5,11})(?![0-9])",
            AnyCase, Timeout), When: text => Says(text, "mrn", "#")),
        // An SSN in the field of an HL7 message that holds it: "a 9-digit run 541902276 in PID-19".
        new(PhiKind.SocialSecurityNumber, new Regex(@"(?<![0-9])(?<v>[0-9]{9})(?![0-9])[^.;\n]{0,30}?\bPID[-.|\s]?19\b"
            + @"|\bPID[-.|\s]?19\b[^.;\n]{0,30}?(?<![0-9])(?<v>[0-9]{9})(?![0-9])", AnyCase, Timeout),
            When: text => text.Text.Contains("PID", StringComparison.OrdinalIgnoreCase)),
        // A state Medicaid or CHIP id after its programme, a word or two apart: "Apple Health ProviderOne id 204118732WA", "Denali
        // KidCare # 7720418", and Washington's ProviderOne shape alone: nine digits and WA.
        new(PhiKind.HealthPlanNumber, new Regex(@"\b(provider\s?one|apple\s+health|kid\s?care|kids\s?care|hoosier\s+healthwise|husky|"
            + @"mi\s?child|all\s?kids|healthy\s+kids|child\s+health\s+plus|family\s?care|dr\.?\s+dynasaur|(?-i:CHIP)|medicaid|"
            + @"medi-?cal)\s*((id|#|no\b\.?|number|member\s+id|client\s+id|card)\s*[:#]?\s*){1,2}"
            + @"(?<v>(?=([A-Z-]*[0-9]){7})[A-Z0-9][A-Z0-9-]{5,19}[A-Z0-9])(?![A-Z0-9-])"
            , AnyCase, Timeout),
            When: text => Says(text, "provider", "health", "care", "husky", "child", "kids", "dynasaur", "chip", "medi")),
        new(PhiKind.HealthPlanNumber, new Regex(@"(?<![A-Z0-9-])(?<v>[0-9]{9}WA)(?![A-Z0-9-])", AnyCase, Timeout)),
        // A date a patient's care began, was done or ended, or they came in: "dc'd tuesday the 9th", "came in on the 4th of july",
        // "her chemo started 15 Jan", "had her hip replaced here 2019-08-22", "in your hospital from Aug 12 to Aug 19".
        new(PhiKind.PersonalDate, new Regex(@"\b(dc'?d|d/c'?d|discharged|readmitted|came\s+(in|back)|arrived|brought\s+in|delivered|"
            + @"coded|fell|expired|passed\s+away|died|(chemo|radiation|dialysis|treatment|therapy|infusions?|symptoms|pain|labor|"
            + @"contractions|rash|fever|bleeding)\s+(started|began|stopped|ended)|(replaced|removed|repaired|amputated|implanted|placed|"
            + @"fused|done)\s+(here|there|at\s+[\p{L}-]+)|(in|at)\s+(your|the|our|this)\s+(hospital|icu|nicu|unit|er|ed|facility|floor)"
            + @"\s+from)\s+(home\s+)?(on\s+)?(" + Weekday + @"\s+)?(the\s+)?(?<v>(" + DayWordOnly + @"|[0-9]{1,2}(st|nd|rd|th)\b)"
            + @"(?!\s+(of\s+)?(floor|time|attempt|try|round|call|ticket|version|build|row|line|shift))(\s+of\s+" + Month + @")?"
            + @"|(?=[0-9]|" + Month + ")" + Date + ")",
            AnyCase, Timeout),
            (m, text, _) => text.MentionsPerson || text.MentionsPatient || PatientOnlyEvent.IsMatch(m.Value)
                || (m.Value.StartsWith("came", StringComparison.OrdinalIgnoreCase) && ArrivalComplaint.IsMatch(text.Text)),
            When: text => (text.MentionsPerson || text.MentionsPatient || Says(text, "dc'd", "dcd ", "d/c", "discharged", "readmitted",
                    "came in", "came back"))
                && Says(text, "dc'd", "dcd ", "d/c", "discharged", "readmitted", "came in", "came back", "arrived", "brought in",
                    "delivered", "coded", "fell", "expired", "passed away", "died", "started", "began", "stopped", "ended", "replaced",
                    "removed", "repaired", "amputated", "implanted", "placed", "fused", "done ", "hospital from", "icu from",
                    "unit from", "er from", "ed from", "facility from", "floor from")),
        // A plate after the car it is on, with or without its state: "blue subaru CJK7730", "grey tacoma, WA CNK6641".
        new(PhiKind.VehicleIdentifier, new Regex(@"\b(car|truck|van|suv|pickup|sedan|minivan|jeep|ford|chevy|chevrolet|silverado|"
            + @"toyota|tacoma|tundra|honda|civic|accord|nissan|dodge|ram|gmc|subaru|outback|forester|kia|hyundai|mazda|buick|"
            + @"cadillac|tesla|lexus|acura|camry|corolla|tahoe|f-?150|altima|prius|rav4|cr-v|wrangler|malibu|impala)\b,?\s+"
            + @"((?-i:" + States + @")\s+)?(?<v>(?-i:[A-Z]{2,3}[-\s]?[0-9]{3,4}|[0-9][A-Z]{3}[0-9]{3}|[0-9]{3}[-\s]?[A-Z]{3}))(?![A-Z0-9])",
            AnyCase, Timeout),
            When: text => text.MentionsVehicle),
        // An implant's serial by the implant: "LVAD controller serial HM3-22918", "the spinal cord stimulator in 11 — serial SCS7740218".
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(lvad|vad|controller|stimulator|neurostimulator|scs|dbs|pacemaker|icd|crt-?d|"
            + @"implant|cochlear|port-?a-?cath|insulin\s+pump|defib(rillator)?|loop\s+recorder|ilr)\b[^.;!?\n]{0,40}?\b(serial|s/n|sn)"
            + Then + DeviceValue, AnyCase, Timeout),
            (_, text, _) => !NotOnAPatient.IsMatch(text.Text),
            When: text => Says(text, "serial", "s/n", "sn ")),
        // An age over 89 in words opening a text about the patient: "ninety-five and still drives himself".
        new(PhiKind.AgeOver89, new Regex(@"^\W*(?<v>" + AgeInWords + @")\s*(,|and|but|yet)\s+(still|lives|drives|walks|sharp|"
            + @"independent|wants|refuses)\b", AnyCase, Timeout), WithoutDigits: true,
            When: text => Says(text, "ninety", "hundred")),
        // A USCIS receipt number: three letters of its service centre, ten digits ("EAC2190041277").
        new(PhiKind.OtherUniqueIdentifier, new Regex(@"(?<![A-Z0-9])(?<v>(?-i:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC)[0-9]{10})(?![0-9])",
            AnyCase, Timeout), When: text => Array.Exists(UscisCentres, c => text.Text.Contains(c, StringComparison.Ordinal))),
        // A permit or licence a patient showed as ID: "his commercial fishing permit 61402X".
        new(PhiKind.CertificateOrLicenseNumber, new Regex(@"\b(fishing|hunting|boating|firearms?|gun|concealed\s+carry|ccw|pilot'?s?|"
            + @"captain'?s?|twic|mariner|contractor'?s?|tribal)\s+(permit|licen[cs]e|card|certificate|credential|id)\s*(#|no\b\.?|number)?"
            + @"\s*[:#]?\s*(?<v>(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,14})(?![A-Z0-9-])", AnyCase, Timeout),
            When: text => (text.MentionsPerson || text.MentionsPatient)
                && Says(text, "permit", "licen", "card", "certificate", "credential", " id")),
        // A patient's photo taken at registration: "reg photo for the pt (taken at the kiosk)".
        new(PhiKind.Photograph, new Regex(@"\b(?<v>(reg|registration|kiosk|check-?in|intake|portal|profile|face)\s+(photo|picture|pic|"
            + @"image|headshot)s?)\s+(of|for|on)\s+(the\s+)?(pt|patient|her|him|them|baby)\b", AnyCase, Timeout),
            WithoutDigits: true, When: text => Says(text, "photo", "pic", "image", "headshot")),
    ];

    // A record number in groups has six to twelve digits and is not a date ("chart 2024-10-15").
    private static bool IsGroupedRecordNumber(string value) =>
        value.Count(char.IsDigit) is >= 6 and <= 12
            && !Regex.IsMatch(value, @"^(19|20)[0-9]{2}-[01]?[0-9]-[0-3]?[0-9]$", Options, Timeout);

    // "the discharge date fix deployed jan 21", "went live 3/4": the day a change reached the system, whatever it fixed.
    internal static bool IsChangesDay(string text, int index) =>
        ChangeShippedBefore.IsMatch(text.AsSpan(Math.Max(0, index - 25), Math.Min(25, index)));

    private static readonly Regex ChangeShippedBefore = new(@"\b(deployed|released|went\s+live|goes\s+live|promoted|patched|migrated|"
        + @"shipped|rolled\s+out|pushed|moved\s+to\s+prod|in\s+prod|live\s+in\s+prod)\s+((on|since|as\s+of)\s+)?$", AnyCase, Timeout);

    // "the project charter was born 3/1/2024", "the DOB field fix is in the 11/18 release": a project's day, not a person's.
    // Whether the text holds any of the words: a cheaper test than running a pattern that starts with them.
    private static bool Says(ScannedText text, params string[] words) =>
        words.Any(w => text.Text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static bool IsProjectsBirth(Match m, ScannedText text) =>
        ThingBornBefore.IsMatch(text.Before(m.Index)) || (Celebration.IsMatch(text.Text) && !text.MentionsPatient)
            || ProjectDateAfter.IsMatch(text.Text.AsSpan(m.Groups["v"].Index + m.Groups["v"].Length));

    // A colleague's birthday kept at work: "Kyle's birthday is 3/14, cake in the command center at 3".
    private static readonly Regex Celebration = new(@"\b(cake|cupcakes?|party|potluck|card\s+to\s+sign|sign\s+the\s+card|balloons|"
        + @"celebrat(e|ion|ing)|happy\s+birthday|team\s+lunch)\b", AnyCase, Timeout);

    private static readonly Regex ThingBornBefore = new(@"\b(project|charter|program(me)?|initiative|idea|team|committee|app|product|"
        + @"platform|system|portal|tool|bot|pilot|workgroup|council|department|dept|website|site|newsletter|company|office|pmo|"
        + @"go-?live|service\s+desk)('?s)?\s+((was|is|got|officially|just|first)\s+)*$", AnyCase, Timeout);

    // A colleague on the roster named as the number's owner: "Dale Rasmussen's cell 406-555-0134 for the cutover".
    private static bool IsStaffsNumber(Group number, ScannedText text, PhiContext context) =>
        StaffNumberBefore.Match(text.Before(number.Index)) is { Success: true } owner
            && context.IsStaff(owner.Groups["g"].Value, owner.Groups["s"].Value);

    private static readonly Regex StaffNumberBefore = new(@"(?-i:\b(?<g>\p{Lu}[\p{L}'-]+)\s+(?<s>\p{Lu}[\p{L}'-]+))('s|\u2019s)\s+"
        + @"((work|personal|on-?call)\s+)?(cell|phone|mobile|number|pager|line)(\s+(number|no\b\.?|#|is))*\s*[:#]?\s*$", AnyCase, Timeout);

    private static bool IsDepartmentLine(Group number, ScannedText text) =>
        IsDepartmentLine(number.Value, text)
            || (DepartmentFaxBefore.IsMatch(text.Before(number.Index)) && !PersonsNumber.IsMatch(text.Text));

    private static bool IsDepartmentLine(string number, ScannedText text)
    {
        var digits = new string([.. number.Where(char.IsDigit)]);
        var national = digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
        var tollFree = national.Length == 10 && national[..3] is "800" or "888" or "877" or "866" or "855" or "844" or "833";
        return tollFree || text.IsAboutADepartmentLine;
    }

    // The organisation's own channel: "our channel youtube.com/@MercyIT", "the staff channel youtube.com/@NorthwindHealth".
    private static bool IsOrganisationChannel(string url, ScannedText text) =>
        (url.Contains("/@", StringComparison.Ordinal) || OfficialPage.IsMatch(text.Text)) && !text.MentionsPatient
            && (Regex.IsMatch(text.Text, @"\b(our|staff|official|team|department|dept|hospital'?s?|system'?s?|org'?s?|organi[sz]ation'?s?|"
                + @"training|education|marketing)\s+(youtube\s+|video\s+)?(channel|page|account)\b|"
                + @"\b(channel|page|account)\s+for\s+(the\s+)?"
                + @"(staff|training|education|team|department|nurses|clinicians|employees|super-?users)\b", AnyCase, Timeout)
                || Regex.IsMatch(url, @"/@[\p{L}0-9]*(Health|Hospital|Medical|Clinic|Care|Nursing|Informatics|IT)([A-Z0-9][\p{L}0-9]*)?$",
                    Options, Timeout));

    // "it's our official page", "the hospital's official account": the organisation's own page, whatever its address.
    private static readonly Regex OfficialPage = new(@"\b(our|the\s+(hospital|system|organi[sz]ation|clinic)'?s?)\s+(own\s+)?"
        + @"official\s+(page|account|channel|feed|profile)\b", AnyCase, Timeout);

    // A vendor's status, documentation or support site is nobody's page: "https://status.vendor.example".
    private static bool IsServicePage(string host, string url) =>
        host.Split('.')[0].ToUpperInvariant() is "STATUS" or "DOCS" or "SUPPORT" or "HELP" or "KB" or "COMMUNITY" or "TRUST"
            or "DEVELOPER" or "DEVELOPERS" or "LEARN" or "DOWNLOADS" or "UPDATES" or "RELEASES"
            || (host.Split('.') is { Length: >= 3 } labels && VendorDomains.Contains(labels[^2]))
            && !Regex.IsMatch(url, RecordPath, AnyCase, Timeout);

    // Vendors whose hosts ("galaxy.epic.com", "wiki.cerner.com") are their customers' documentation and community sites.
    private static readonly HashSet<string> VendorDomains = new(
        ["epic", "cerner", "oracle", "meditech", "microsoft", "allscripts", "veradigm", "athenahealth", "nextgen", "philips", "siemens",
            "gehealthcare", "imprivata", "nuance", "hyland", "infor", "workday", "servicenow", "citrix", "vmware", "rhapsody", "lyniate",
            "interfaceware", "intersystems", "omnicell", "bd", "baxter", "stryker", "vocera", "zebra", "hl7", "ihe", "hhs", "cms",
            "healthit"],
        StringComparer.OrdinalIgnoreCase);

    // A registration system's stand-in for an unknown birth date: "defaults DOB to 01/01/1900".
    // Unless the text gives another date with it ("listed 1/1/1900 but the real one is ...").
    private static bool IsDefaultDate(string date, ScannedText text) =>
        Regex.IsMatch(date, @"^(0?1[/.-]0?1[/.-](1800|1900|0001|1753)|(1800|1900|0001|1753)[/.-]0?1[/.-]0?1)$", Options, Timeout)
            && AnyDate.Count(text.Text) == 1;

    private static readonly Regex AnyDate = new(@"(?<![0-9])" + Date, AnyCase, Timeout);

    // A global unicast IPv6 address (2000::/3) other than the documentation range.
    private static bool IsPublicIpv6(string address)
    {
        if (address.Count(c => c == ':') < 2 || !IPAddress.TryParse(address, out var ip)
            || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var b = ip.GetAddressBytes();
        return (b[0] & 0xE0) == 0x20 && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8);
    }

    // A North American VIN: 17 characters with the check digit (position 9) as ISO 3779 computes it.
    private static bool IsVin(string vin)
    {
        const string Weights = "8765432X098765432";
        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            var c = char.ToUpperInvariant(vin[k]);
            var value = char.IsDigit(c) ? c - '0' : "ABCDEFGHJKLMNPRSTUVWXYZ".IndexOf(c, StringComparison.Ordinal) switch
            {
                < 0 => -1,
                var at => "12345678123457923456789"[at] - '0',
            };
            if (value < 0)
            {
                return false;
            }

            var weight = Weights[k] == 'X' ? 10 : Weights[k] - '0';
            sum += value * weight;
        }

        var check = sum % 11;
        return vin.Any(char.IsDigit) && vin.Any(char.IsLetter)
            && char.ToUpperInvariant(vin[8]) == (check == 10 ? 'X' : (char)('0' + check));
    }

    // Shared mailboxes are not a person: "servicedesk@", "ts-support@", "implementation@" at any domain
    // are a team's. A local part is a role when each of its parts is a role word or a short team code.
    private static bool IsRoleMailbox(string local)
    {
        var parts = local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Any(RoleMailboxWords.Contains)
            && parts.All(p => RoleMailboxWords.Contains(p) || (p.Length <= 3 && !p.Any(char.IsDigit)) || p.All(char.IsDigit)
                || (!p.Any(char.IsDigit) && (NameLexicon.IsNotName(p) || NameLexicon.IsOrganisation(p) || !NameLexicon.IsAnyName(p))));
    }

    private static readonly HashSet<string> RoleMailboxWords = new(
    [
        "servicedesk", "helpdesk", "support", "tsupport", "techsupport", "itsupport", "noreply", "no", "reply", "donotreply", "info",
        "admin", "admins", "security", "privacy", "compliance", "postmaster", "webmaster", "hostmaster", "abuse", "implementation",
        "implementations", "interface", "interfaces", "integration", "integrations", "service", "services", "desk", "help", "team",
        "teams", "sales", "billing", "accounts", "operations", "ops", "noc", "soc", "alerts", "alert", "notifications", "notify",
        "monitoring", "release", "releases", "upgrade", "upgrades", "project", "projects", "pmo", "training", "education", "contact",
        "hello", "office", "feedback", "escalation", "escalations", "cutover", "golive", "live", "go", "onboarding", "access", "control",
        "network", "networking", "infrastructure", "engineering", "dev", "devops", "qa", "testing", "build", "analytics", "reporting",
        "data", "records", "him", "scheduling", "registration", "pharmacy", "lab", "radiology", "informatics", "clinical", "nursing",
        "portal", "mychart", "customer", "customers", "care", "success", "partner", "partners", "vendor", "vendors", "procurement",
        "purchasing", "invoices", "ap", "ar", "legal", "hr", "payroll", "mail", "mailer", "bounce", "bounces", "list", "lists", "updates",
        "news", "newsletter", "marketing", "ticket", "tickets", "case", "cases", "incident", "incidents", "request", "requests", "queue",
    ], StringComparer.OrdinalIgnoreCase);

    // Addresses on the hospital's own network (servers, interface engines, printers) are infrastructure, not a person.
    private static bool IsPrivateAddress(string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return true;
        }

        var b = ip.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224;
    }
}
