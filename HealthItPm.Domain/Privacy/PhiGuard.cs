using System.Text.RegularExpressions;

namespace HealthItPm.Domain.Privacy;

public enum PhiKind
{
    MedicalRecordNumber,
    SocialSecurityNumber,
    DateOfBirth,
    PhoneNumber,
    EmailAddress,
    PatientName,
    BedOrRoom,
}

/// <summary>One suspected piece of protected health information, where it is in the text.</summary>
public sealed record PhiFinding(PhiKind Kind, int Index, int Length, string Description);

/// <summary>
/// Finds likely protected health information in free text before anything is stored. It errs on
/// the side of asking: a false alarm costs the person a few seconds of rewording; a miss puts PHI in
/// a project record. The patterns and their trade-offs:
/// <list type="bullet">
/// <item><b>MRN</b>: a number of 5–10 digits (optionally with a short letter prefix) after a cue
/// ("MRN", "MR#", "medical record", "chart #"). Bare numbers are not flagged: ticket, invoice and
/// extension numbers are everywhere in IT work.</item>
/// <item><b>SSN</b>: 3-2-4 digits with dashes or spaces, or 9 digits after "SSN"/"social security".</item>
/// <item><b>Date of birth</b>: a date after a cue ("DOB", "date of birth", "born", "birthdate"). Dates
/// without a cue (go-live dates, due dates) are not flagged.</item>
/// <item><b>Phone</b>: 10-digit North American numbers written with separators or parentheses, with
/// an optional +1. Unseparated 10-digit strings are left alone (they are usually ids).</item>
/// <item><b>E-mail</b>: any address. Staff addresses are flagged too: a check-in answer does not need one.</item>
/// <item><b>Patient name</b>: a capitalised name after "patient", "pt" or "pt.", or after a title
/// (Mr, Mrs, Ms, Miss, Mx). Capitalised product words after "patient" ("Patient Portal", "Patient
/// Safety") are not names. Titles also catch staff ("Mr. Jones from the vendor") — accepted.</item>
/// <item><b>Bed or room</b>: "bed 4", "room 12B" only when the same text mentions a patient, since
/// rooms alone are ordinary in deployment talk ("training in room 12").</item>
/// </list>
/// </summary>
public static class PhiGuard
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private const string Date = @"(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4})";
    private const string Name = @"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";

    private static readonly string[] NotNames =
    [
        "Portal", "Portals", "Safety", "Access", "Experience", "Engagement", "Registration", "Financial", "Flow", "Care",
        "Satisfaction", "Education", "Intake", "Scheduling", "Transport", "Tracking", "Identification", "Identity", "Advocate",
        "Relations", "Services", "Chart", "Charts", "List", "Lists", "Record", "Records", "Data", "Information", "Monitoring",
        "Monitor", "Monitors", "Room", "Rooms", "Handoff", "Handoffs", "Discharge", "Admission", "Admissions", "Outcomes", "Wristband",
        "Wristbands", "Label", "Labels", "Banner", "Header", "Search", "Lookup", "Merge", "Matching", "Summary", "Summaries",
    ];

    private static readonly (PhiKind Kind, Regex Pattern, string Description)[] Patterns =
    [
        (PhiKind.SocialSecurityNumber, new Regex(@"\b\d{3}[- ]\d{2}[- ]\d{4}\b|\b(SSN|social security( number| no\.?)?)\s*[:#]?\s*\d{9}\b", Options | RegexOptions.IgnoreCase, Timeout), "a Social Security number"),
        (PhiKind.MedicalRecordNumber, new Regex(@"\b(MRN|MR\s?#|med(ical)?\s+rec(ord)?(\s+(number|no\.?|num))?|chart\s*(#|number|no\.?))\s*[:#]?\s*[A-Z]{0,3}\d{5,10}\b", Options | RegexOptions.IgnoreCase, Timeout), "a medical record number"),
        (PhiKind.DateOfBirth, new Regex(@"\b(DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s?date|born(\s+on)?)\s*[:#]?\s*" + Date, Options | RegexOptions.IgnoreCase, Timeout), "a date of birth"),
        (PhiKind.PhoneNumber, new Regex(@"(?<!\d)(\+?1[\s.-]?)?(\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d)", Options, Timeout), "a phone number"),
        (PhiKind.EmailAddress, new Regex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b", Options, Timeout), "an e-mail address"),
        (PhiKind.PatientName, new Regex(@"\b(Mr|Mrs|Ms|Miss|Mx)\.?\s+" + Name, Options, Timeout), "a person's name"),
    ];

    // The cue in any case, the name as names are written (capitalised): "pt. Smith", not "pt. transport".
    private static readonly Regex PatientCue = new(@"(?i:\b(patient|pt)\b)\.?\s+(?<name>" + Name + @"(\s+" + Name + ")?)", Options, Timeout);
    private static readonly Regex MentionsPatient = new(@"\b(patient|pt)\b", Options | RegexOptions.IgnoreCase, Timeout);
    private static readonly Regex BedOrRoom = new(@"\b(bed|room|rm)\s*#?\s*\d{1,4}[A-Z]?\b", Options | RegexOptions.IgnoreCase, Timeout);

    public static IReadOnlyList<PhiFinding> Scan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var findings = new List<PhiFinding>();
        foreach (var (kind, pattern, description) in Patterns)
        {
            findings.AddRange(pattern.Matches(text).Select(m => new PhiFinding(kind, m.Index, m.Length, description)));
        }

        foreach (Match match in PatientCue.Matches(text))
        {
            var name = match.Groups["name"];
            // Not a product word such as "Patient Portal".
            if (!NotNames.Contains(name.Value.Split(' ')[0], StringComparer.Ordinal))
            {
                findings.Add(new PhiFinding(PhiKind.PatientName, match.Index, match.Length, "a patient's name"));
            }
        }

        if (MentionsPatient.IsMatch(text))
        {
            findings.AddRange(BedOrRoom.Matches(text).Select(m => new PhiFinding(PhiKind.BedOrRoom, m.Index, m.Length, "a patient's bed or room")));
        }

        // Overlapping findings (an SSN that also looks like a phone number) are reported once, the first found.
        return findings
            .OrderBy(f => f.Index)
            .Aggregate(new List<PhiFinding>(), (kept, f) =>
            {
                if (kept.Count == 0 || f.Index >= kept[^1].Index + kept[^1].Length)
                {
                    kept.Add(f);
                }

                return kept;
            });
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
