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
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    // Between a cue and its value: "MRN is 00482913", "MRN=00482913", "mrn: 0048-2913", "account no. 55-2210931".
    private const string Then = @"(\s*(:|#|=|-|\bis\b|\bwas\b|\bof\b|\bno\b\.?|\bnumber\b|\bnum\b|\bid\b)\s*){0,3}\s*";

    // A value that holds at least four digits: "E7719920", "W123456789", "1EG4-TE5-MK73".
    private const string Id = @"(?<v>(?=([A-Z-]*[0-9]){4})[A-Z0-9][A-Z0-9-]{3,19}[A-Z0-9])(?![A-Z0-9-])";

    private const string Month =
        @"(Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sep(t(ember)?)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\.?";

    // A calendar date with or without its year: every element of a date but the year is PHI.
    internal const string Date =
        @"(?<v>[0-9]{1,2}[/.-][0-9]{1,2}([/.-][0-9]{2,4})?|[0-9]{4}-[0-9]{2}-[0-9]{2}|" + Month +
        @"\s+[0-9]{1,2}(st|nd|rd|th)?(,?\s+[0-9]{4})?|[0-9]{1,2}(st|nd|rd|th)?\s+(of\s+)?" + Month + @"(,?\s+[0-9]{4})?)(?![0-9])";

    private const string StreetType =
        @"(Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|" +
        @"Circle|Cir|Trail|Trl|Square|Sq|Pike|Alley|Row)\b\.?";

    private const string States =
        "(AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|" +
        "TN|TX|UT|VT|VA|WA|WV|WI|WY)";

    // Serial numbers are everywhere in deployment work (scanners, printers, laptops); they are a
    // patient's identifier only when the text is about a patient or a device a patient carries.
    private static readonly Regex PatientDevice = new(
        @"\b(patient|pt|his|her|implant(ed)?|pacemaker|pump|defibrillator|ICD|CGM|glucose\s+monitor|hearing\s+aid|home\s+monitor|" +
        @"wearable)\b", AnyCase, Timeout);

    // A public address next to these words is a server's or a vendor's, not a person's.
    private static readonly Regex Infrastructure = new(
        @"\b(vpn|tunnel|server|host|gateway|firewall|endpoint|subnet|router|switch|dns|load\s+balancer|interface\s+engine|sftp|whitelist|" +
        @"allow-?list|nat|ip\s+range)\b", AnyCase, Timeout);

    internal sealed record Pattern(PhiKind Kind, Regex Regex, Func<Match, string, PhiContext, bool>? Keep = null);

    internal static readonly Pattern[] All =
    [
        new(PhiKind.SocialSecurityNumber, new Regex(
            @"(?<![0-9][-. ]?)(?<v>[0-9]{3}(?<s>[-. ])[0-9]{2}\k<s>[0-9]{4})(?![0-9]|[-.][0-9])",
            Options,
            Timeout)),
        new(PhiKind.SocialSecurityNumber, new Regex(
            @"(\bSSN|\bS\.S\.N\b\.?|\bSS\s?#|\bsocial\s+security(\s+(number|no\b\.?|num|#))?)" + Then +
            @"(?<v>[0-9]{3}[-. ]?[0-9]{2}[-. ]?[0-9]{4})(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.MedicalRecordNumber, new Regex(
            @"\b(MRN|MR\s?#|MR\s+(number|no\b\.?)|med(ical)?\s+rec(ord)?s?|(patient\s+)?record\s+(number|no\b\.?|num|#)|chart\s*(#|" +
            @"number|no\b\.?)|E?MPI|patient\s+(id|identifier)|pt\s+id)" + Then + @"(?<v>[A-Z]{0,3}[0-9](-?[0-9]){4,11})(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.HealthPlanNumber, new Regex(
            @"\b((member|subscriber|beneficiary|policy|insurance|insurance\s+member|medicare|medicaid|health\s+plan|plan\s+member)\s*(id|" +
            @"identifier|number|no\b\.?|num|#)|MBI|HICN|medicare|medicaid)" + Then + Id,
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
            (m, text, _) => !Regex.IsMatch(
                text[..m.Index],
                @"\b(GL|ledger|cost\s+cent(er|re)|budget|project|vendor|azure|aws|cloud|purchase|PO)\s*$",
                AnyCase,
                Timeout)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(
            @"(?<!\b(software|product|site|user|seat|server|SSL|TLS|vendor|epic|microsoft|citrix|vmware|volume|enterprise|app|" +
            @"application|signing|code)\s+)\b(driver'?s?\s+licen[cs]e|licen[cs]e\s+plate|licen[cs]e|DL|certificate|cert|passport|" +
            @"birth\s+certificate|death\s+certificate)\s*(number|no\b\.?|num|#|id|:)" + Then + Id,
            AnyCase,
            Timeout)),
        new(PhiKind.CertificateOrLicenseNumber, new Regex(
            @"\b(driver'?s?\s+licen[cs]e|passport|licen[cs]e\s+plate|plate)" + Then + Id,
            AnyCase,
            Timeout)),
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(UDI|GTIN)" + Then + @"(?<v>(\([0-9]{2,4}\)[0-9A-Z-]{2,30}){1,6})", AnyCase, Timeout)),
        new(PhiKind.DeviceIdentifier, new Regex(
            @"\b(UDI|IMEI|device\s+(id|identifier|serial)|(implant|pacemaker|pump|defibrillator|ICD|CGM|hearing\s+aid)\s+(serial|s/n|sn|" +
            @"id))" + Then + Id,
            AnyCase,
            Timeout)),
        new(PhiKind.DeviceIdentifier, new Regex(@"\b(serial(\s+(number|no\b\.?|num|#))?|S/N|SN)" + Then + Id, AnyCase, Timeout),
            (_, text, _) => PatientDevice.IsMatch(text)),
        new(PhiKind.DateOfBirth, new Regex(
            @"\b(DOB|D\.O\.B\b\.?|date\s+of\s+birth|birth\s?date|birthday|born(\s+on)?)(\s*[:#=]?\s*|\s+(is|was)\s+)" + Date,
            AnyCase,
            Timeout)),
        new(PhiKind.PersonalDate, new Regex(
            @"\b(admitted|admit\s+date|admission\s+date|date\s+of\s+(admission|discharge|death)|discharged|discharge\s+date|" +
            @"(?<!\b(server|engine|interface|feed|printer|scanner|job|process|service|drive|disk|battery|build|laptop|workstation|it|vm|" +
            @"node|pump|device|app)\s)died|passed\s+away|deceased|(patient|pt)\s+expired|date\s+of\s+death|death\s+date|" +
            @"DOD)\b[\s:,-]*(\S+\s+){0,6}?(on\s+|of\s+)?" + Date,
            AnyCase,
            Timeout),
            (m, text, _) => !Regex.IsMatch(text[..m.Index], @"\bbattery\s*$", AnyCase, Timeout)),
        new(PhiKind.AgeOver89, new Regex(
            @"(?<![0-9.])(?<v>(9[0-9]|1[01][0-9])\s?(-?\s?(years?|yrs?|y)[- ]?old|y/o|yo|y\.o\.|-?yo))(?![\p{L}0-9])|\bage[ds]?\s*(:|of|" +
            @"is|was)?\s*(?<v>9[0-9]|1[01][0-9])\b(?!\s*(days?|months?|weeks?|minutes?|mins?|hours?|hrs?|seconds?|%|percent|\+))",
            AnyCase,
            Timeout)),
        new(PhiKind.FaxNumber, new Regex(
            @"\bfax(\s+(number|no\b\.?|#))?\s*[:#]?\s*(to\s+)?(?<v>(\+?1[\s.-]?)?(\([0-9]{3}\)\s?|" +
            @"[0-9]{3}[\s.-])?[0-9]{3}[\s.-][0-9]{4})(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.PhoneNumber, new Regex(
            @"(?<![0-9])(?<v>(\+?1[\s.-]?)?(\([0-9]{3}\)\s?|[0-9]{3}[\s.-])[0-9]{3}[\s.-][0-9]{4})(?![0-9])",
            Options,
            Timeout)),
        new(PhiKind.PhoneNumber, new Regex(
            @"\b(phone|cell|mobile|tel|home|callback|call\s?back|daughter|son|wife|husband)(\s+(number|no\b\.?|#|" +
            @"is))?\s*[:#]?\s*(?<v>[0-9]{3}-[0-9]{4})(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.EmailAddress, new Regex(
            @"\b(?<local>[A-Z0-9._%+-]+)@(?<host>[A-Z0-9-]+(\.[A-Z0-9-]+)*\.[A-Z]{2,})\b",
            AnyCase,
            Timeout),
            (m, _, context) => !context.IsStaffDomain(m.Groups["host"].Value) && !IsRoleMailbox(m.Groups["local"].Value)),
        new(PhiKind.WebAddress, new Regex(
            @"\b(https?://|www\.)(?<host>[A-Z0-9-]+(\.[A-Z0-9-]+)*)(:[0-9]+)?([/?#][^\s<>""]*[^\s<>"".,;:!?)\]])?",
            AnyCase,
            Timeout),
            (m, _, context) => !context.IsStaffDomain(
                m.Groups["host"].Value.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
                    ? m.Groups["host"].Value[4..]
                    : m.Groups["host"].Value)),
        new(PhiKind.IpAddress, new Regex(
            @"(?<![0-9.]|\bv|\bversion\s)(?<v>(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3})(?![0-9]|" +
            @"\.[0-9])",
            AnyCase,
            Timeout),
            (m, text, _) => !IsPrivateAddress(m.Groups["v"].Value) && !Infrastructure.IsMatch(text)),
        new(PhiKind.StreetAddress, new Regex(
            @"(?<![0-9A-Za-z-])(?<v>[0-9]{1,6}[A-Z]?(-[0-9]+)?\s+([NSEW]\.?\s+)?([A-Z][a-z'-]+\s+|[0-9]{1,3}(st|nd|rd|th)\s+){1,3}" +
            StreetType + @"((\s|,\s?)(Apt|Unit|Suite|#)\.?\s?[0-9A-Z]+)?)",
            Options,
            Timeout)),
        new(PhiKind.StreetAddress, new Regex(
            @"\b(lives|living|resides|residing|staying|lived)\s+(at|on)\s+(?<v>[0-9]{1,6}\s+[\p{L}'-]+(\s+[\p{L}'-]+){0,2})|\b(home|" +
            @"street|mailing)\s+address\b[\s:,-]*(is\s+)?(?<v>[0-9]{1,6}\s+[\p{L}'-]+(\s+[\p{L}'-]+){0,2})",
            AnyCase,
            Timeout)),
        new(PhiKind.StreetAddress, new Regex(@"\b(?<v>P\.?\s?O\.?\s+Box\s+[0-9]+)", AnyCase, Timeout)),
        new(PhiKind.ZipCode, new Regex(
            @"\b(zip(\s*code)?|postal\s+code|postcode)\s*[:#]?\s*(is\s+)?(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])",
            AnyCase,
            Timeout)),
        new(PhiKind.ZipCode, new Regex(@"\b[A-Z][a-z]+,?\s+" + States + @"\.?,?\s+(?<v>[0-9]{5}(-[0-9]{4})?)(?![0-9])", Options, Timeout)),
    ];

    // Shared mailboxes are not a person: "servicedesk@anything" is never a patient's address.
    private static bool IsRoleMailbox(string local) =>
        local.ToUpperInvariant() is "SERVICEDESK" or "HELPDESK" or "SUPPORT" or "NOREPLY" or "NO-REPLY" or "DONOTREPLY" or "INFO" or "ADMIN"
            or "IT" or "ITSUPPORT" or "IT-SUPPORT" or "SECURITY" or "PRIVACY" or "COMPLIANCE" or "POSTMASTER" or "WEBMASTER";

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
