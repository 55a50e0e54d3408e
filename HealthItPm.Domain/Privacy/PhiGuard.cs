using System.Text;
using System.Text.RegularExpressions;

namespace HealthItPm.Domain.Privacy;

/// <summary>The HIPAA Safe Harbor identifiers as they turn up in hospital project talk.</summary>
public enum PhiKind
{
    MedicalRecordNumber,
    SocialSecurityNumber,
    DateOfBirth,
    PhoneNumber,
    EmailAddress,
    PatientName,
    BedOrRoom,
    StreetAddress,
    ZipCode,
    /// <summary>An admission, discharge or death date (birth dates are <see cref="DateOfBirth"/>).</summary>
    PersonalDate,
    AgeOver89,
    FaxNumber,
    HealthPlanNumber,
    /// <summary>An account, encounter, FIN, CSN or visit number.</summary>
    AccountNumber,
    CertificateOrLicenseNumber,
    DeviceIdentifier,
    WebAddress,
    IpAddress,
    /// <summary>A vehicle's licence plate or VIN.</summary>
    VehicleIdentifier,
    /// <summary>A photograph of a patient, or of part of one ("the photo of her rash").</summary>
    Photograph,
    /// <summary>A patient's fingerprint, palm, retina, iris, face or voice print, or genetic profile.</summary>
    BiometricIdentifier,
    /// <summary>Any other number that identifies a patient: a wristband barcode, a research subject id.</summary>
    OtherUniqueIdentifier,
}

/// <summary>One suspected piece of protected health information, where it is in the text (as typed).</summary>
public sealed record PhiFinding(PhiKind Kind, int Index, int Length);

/// <summary>A finding as the person is told of it: its kind, and the suspected part with all but its edges masked.</summary>
public sealed record PhiPointedOut(PhiKind Kind, string Masked);

/// <summary>
/// Finds likely protected health information in free text before anything is stored. It errs on
/// the side of asking: a false alarm costs the person a few seconds of rewording; a miss puts PHI in
/// a project record. The text is normalised first (<see cref="NormalizedText"/>: NFKC, invisible
/// characters dropped, dashes and digits folded, white space collapsed) and findings are reported at
/// their place in the text as typed. What is looked for:
/// <list type="bullet">
/// <item><b>Numbers after a cue</b> (<see cref="IdentifierPatterns"/>): MRNs ("MRN is 00482913",
/// "mrn: 0048-2913", "record number ..."), SSNs after "SSN"/"S.S.N."/"social security" or in the
/// 3-2-4 shape, health plan member and beneficiary ids, account/encounter/FIN/visit numbers,
/// certificate and licence numbers, device identifiers (serial numbers only when the text is about
/// a patient or a device a patient carries). Bare numbers are left alone: ticket, invoice and
/// extension numbers are everywhere in IT work.</item>
/// <item><b>Dates tied to a person</b> after a cue (birth, admission, discharge, death), a few words
/// away ("DOB on the armband shows ...") or in ward shorthand ("dc'd 11/3", "readmit 11/09"); dates
/// without one (go-live dates, due dates) are not flagged. <b>Ages over 89.</b></item>
/// <item><b>Contact details</b>: 10-digit phone and fax numbers with separators or in one run (North
/// American shape, no order or ticket cue before it), international numbers, 7-digit ones after a cue,
/// but not a department's line (toll-free, "option 3", "ext", help line, service desk) unless the text
/// says whose number it is; e-mail addresses except staff domains and role mailboxes ("support",
/// "ts-support", "implementation" at any domain); web addresses except staff domains; public IPv4 and
/// IPv6 addresses (private ones are the hospital's own network; a server's or VPN's too, unless the
/// text says it is a person's, "home IP"); street addresses by shape ("42 Harbor Rd") or after
/// "lives at"; ZIP codes after a cue, a state, or where someone lives ("lives in 60614", "pt in 60614").</item>
/// <item><b>Vehicles, photographs, biometrics and other identifiers</b>: plates and VINs; a photo of a
/// patient ("the photo of her rash"); a patient's fingerprint, palm, retina, voice or face scan;
/// wristband barcodes and research subject ids.</item>
/// <item><b>Names</b> (<see cref="NameFinder"/>): after "patient"/"pt" or a title, capitalised or typed
/// in lower case ("pt maria gonzalez", "mrs. chen"); with no cue when the lexicon (US Census, many
/// locales, and names of origins those hold few of) knows them; and names no list holds near a
/// patient's things ("Tesfaye Gebremariam's labs"). Staff are not patients: names on the roster in
/// <see cref="PhiContext"/>, after a staff title or role, or followed by one; nor are places named
/// after people ("the Clara Barton conference room").</item>
/// <item><b>Bed or room</b>: "bed 4", "room 12B", "patient in 612" only when the same text mentions a
/// patient, since rooms alone are ordinary in deployment talk ("training in room 12").</item>
/// </list>
/// </summary>
public static class PhiGuard
{
    /// <summary>What the Mask methods put in place of each suspected part.</summary>
    public const string MaskText = "\u2022\u2022\u2022";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase;
    private static readonly TimeSpan Timeout = PatternLimits.MatchTimeout;

    // "Patient Access", "Patient Experience": departments, not a patient.
    private static readonly Regex MentionsPatient = new(
        @"\b(patient|pt)\b(?!\s+(access|experience|safety|financial|relations|engagement|education|advocacy|placement|flow|"
            + @"logistics|services)\b)", Options, Timeout);

    private static readonly Regex BedOrRoom = new(
        @"\b(bed|room|rm)\s*#?\s*\d{1,4}[A-Z]?\b|\b(patient|pt)\s+in\s+(?<v>\d{1,4}[A-Z]?)\b(?!\s*(min|mins|minutes|hours|hrs|days|weeks|"
            + @"months|%|am|pm))(?<!\b[0-9]{1,2}[NSEW])", Options, Timeout);

    private static readonly Regex WithoutIdentifiers = new(
        @"\b(no\s+(name|names|identifiers?|phi)\s+(needed|required|given|included|used)|without\s+(any\s+)?(names?|identifiers|phi)|"
            + @"de-?identified|no\s+phi|no\s+other\s+(details|identifiers|info|information|phi))\b", Options, Timeout);

    private static readonly Regex TestPatient = new(
        @"\b(test|fake|dummy|mock|sample|training|demo|playground)\s+(pt|patient|record|chart)s?\b", Options, Timeout);

    private static readonly Regex MadeUp = new(
        @"\bnot\s+a\s+real\s+(person|patient|pt)\b|\bvendor'?s?\s+(slides?|deck|demo|screenshots?|training\s+materials?)\b|"
            + @"(?-i:\bZZ[A-Z]+\b|\bZz[a-z]+)|\b(TST|test\s+environment|sandbox|POC|train(ing)?\s+env|dry\s+run|scenario|playground)\b",
        Options, Timeout);

    /// <summary>Findings without roster context: every name shape counts, every e-mail domain is foreign.</summary>
    public static IReadOnlyList<PhiFinding> Scan(string? text) => Scan(text, PhiContext.None);

    /// <summary>Findings with what the bot knows about staff: their names and the organisation's domains are not PHI.</summary>
    public static IReadOnlyList<PhiFinding> Scan(string? text, PhiContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normalized = NormalizedText.From(text);
        var plain = normalized.Text;

        // "test pt ZZTEST, ALPHA in TST ... not a real person": a made-up patient of a test environment is nobody.
        if (TestPatient.IsMatch(plain) && MadeUp.IsMatch(plain))
        {
            return [];
        }

        var found = new List<(PhiKind Kind, int Index, int Length)>();
        var hasDigit = plain.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var scanned = new IdentifierPatterns.ScannedText(plain);
        foreach (var pattern in IdentifierPatterns.All)
        {
            if ((!hasDigit && !pattern.WithoutDigits) || (pattern.When is not null && !pattern.When(scanned)))
            {
                continue;
            }

            foreach (Match match in pattern.Regex.Matches(plain))
            {
                if (pattern.Keep is null || pattern.Keep(match, scanned, context))
                {
                    var value = match.Groups["v"] is { Success: true } v ? v : match;
                    if (pattern.Kind == PhiKind.PersonalDate && IdentifierPatterns.IsChangesDay(plain, value.Index))
                    {
                        continue;
                    }

                    found.Add((pattern.Kind, value.Index, value.Length));
                }
            }
        }

        found.AddRange(NameFinder.Find(plain, context).Select(n => (PhiKind.PatientName, n.Index, n.Length)));

        // "bed 14, no name needed": a bed told without who is in it, as the text itself says.
        if (MentionsPatient.IsMatch(plain) && !WithoutIdentifiers.IsMatch(plain))
        {
            found.AddRange(BedOrRoom.Matches(plain)
                .Select(m => m.Groups["v"] is { Success: true } v ? v : (Group)m)
                .Select(m => (PhiKind.BedOrRoom, m.Index, m.Length)));
        }

        // Overlapping findings (an SSN that also looks like a phone number) are reported once, the first found.
        var kept = new List<PhiFinding>();
        var keptEnd = 0;
        foreach (var f in found.Where(f => f.Length > 0).OrderBy(f => f.Index))
        {
            if (kept.Count == 0 || f.Index >= keptEnd)
            {
                var (index, length) = normalized.ToOriginal(f.Index, f.Length);
                kept.Add(new PhiFinding(f.Kind, index, length));
                keptEnd = f.Index + f.Length;
            }
        }

        return kept;
    }

    /// <summary>
    /// The text with every suspected part replaced by <see cref="MaskText"/>, for a card that hands
    /// refused text back to be rewritten: the rest of the text stays, the identifiers do not travel.
    /// </summary>
    public static string Mask(string text, IEnumerable<PhiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(findings);
        var masked = new StringBuilder(text.Length);
        var at = 0;
        foreach (var f in findings.OrderBy(f => f.Index))
        {
            if (f.Index < at || f.Index + f.Length > text.Length)
            {
                continue;
            }

            masked.Append(text, at, f.Index - at).Append(MaskText);
            at = f.Index + f.Length;
        }

        return masked.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The text with its suspected PHI masked (scanned with the given context, or none).</summary>
    public static string Mask(string text, PhiContext? context = null) => Mask(text, Scan(text, context ?? PhiContext.None));

    /// <summary>Each finding's kind with its suspected part <see cref="Masked"/>: what the person is told to remove.</summary>
    public static IReadOnlyList<PhiPointedOut> PointOut(string text, IReadOnlyList<PhiFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        return [.. findings.Select(f => new PhiPointedOut(f.Kind, Masked(text, f)))];
    }

    /// <summary>The suspected part with all but its edges masked, to point it out without repeating it.</summary>
    public static string Masked(string text, PhiFinding finding)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(finding);
        var part = text.Substring(finding.Index, finding.Length);
        return part.Length <= 4 ? new string('•', part.Length) : part[..2] + new string('•', part.Length - 4) + part[^2..];
    }
}
