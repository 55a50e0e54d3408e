using HealthItPm.Domain.Privacy;
using HealthItPm.Domain.Projects;
using HealthItPm.Domain.Risks;
using HealthItPm.Domain.Rounds;

namespace HealthItPm.Domain.Common;

/// <summary>What is wrong with a request, as a code the bot puts into words (one factory on <see cref="Problem"/> per code).</summary>
public enum ProblemCode
{
    Required,
    TooLong,
    NoAllowedTenants,
    TenantIdRequired,
    PersonIdRequired,
    NotACurrency,
    AmountMissing,
    AmountInOtherCurrency,
    AmountNegative,
    NotAnAmount,
    AmountSeparatorsOdd,
    AmountTooLarge,
    AmountTooManyDecimals,
    NotAnIsoWeek,
    NotATimeZone,
    NotAProjectCode,
    ProjectCodeTaken,
    ProjectChangedMeanwhile,
    DatesOutOfOrder,
    GoLiveInPast,
    NotAPhase,
    AlreadyInPhase,
    OnePhaseBackAtATime,
    AlreadyMember,
    NotAMember,
    LastProjectManager,
    AcknowledgementTimeOutOfRange,
    EscalationChainSize,
    EscalationChainNotLeaders,
    MilestoneWeightNotPositive,
    PercentCompleteOutOfRange,
    MilestoneAlreadyDone,
    MilestoneExists,
    NoSuchMilestone,
    MilestoneDoneInFuture,
    BudgetNotPositive,
    SpendNotPositive,
    SpendInFuture,
    KpiTargetNotBelowBaseline,
    KpiTargetNotAboveBaseline,
    KpiExists,
    NoSuchKpi,
    KpiMeasuredInFuture,
    RatingOutOfRange,
    NoSuchRisk,
    RiskChangedMeanwhile,
    RiskClosed,
    CannotEscalate,
    NotEscalated,
    AlreadyAcknowledged,
    AlreadyAccepted,
    OwnerNotOnProject,
    PickOwner,
    MitigationNeedsBoth,
    ConcernGone,
    ConcernTriagedMeanwhile,
    ConcernAlreadyDismissed,
    ConcernAlreadyLogged,
    RoundTimesOutOfOrder,
    CheckInTimesOutOfOrder,
    NoStakeholdersMatch,
    RoundGone,
    RoundNotSentToYou,
    RoundClosed,
    NoCheckInYet,
    ImpactOutOfRange,
    ImpactNeeded,
    AdkarScoreOutOfRange,
    AdkarAllFiveScored,
    WaveLengthOutOfRange,
    NoSurveyYet,
    NoSuchWave,
    AuditDatesReversed,
    AuditSpanTooLong,
    DigestNothingToLead,
    DigestOnlyLeaders,
    DigestSubscriptionsChangedMeanwhile,
    DigestNotSubscribed,
    DigestNotSubscribedYet,
    DigestSubscriptionChangedMeanwhile,
    DigestNotOnProject,
    DigestSendOnlyForManagers,
    DigestPickDay,
    DigestPickHour,
    PhiFound,
    AuditDatesOutOfRange,
    AuditPageUnknown,
}

/// <summary>Which piece of free text a <see cref="ProblemCode.Required"/> or <see cref="ProblemCode.TooLong"/> problem is about.</summary>
public enum FreeText
{
    ProjectName,
    PersonName,
    Department,
    MilestoneName,
    KpiName,
    KpiUnit,
    SpendNote,
    RiskTitle,
    RiskDescription,
    Mitigation,
    AcceptReason,
    DismissReason,
    Concern,
    Blockers,
    WaveName,
    Comment,
}

/// <summary>
/// Why a request was not done, as data: a code and the values its sentence names (a project's name, a
/// risk id, a limit, a moment), never a sentence. The bot words it for the reader's language and
/// culture and escapes every value people typed, so a name can never become a link or formatting.
/// Each code has one factory here with typed parameters, which fixes what its sentence may name.
/// </summary>
public sealed record Problem
{
    private Problem(ProblemCode code, params object[] values) => (Code, Values) = (code, values);

    public ProblemCode Code { get; }

    /// <summary>The values the sentence names, in the factory's order.</summary>
    public IReadOnlyList<object> Values { get; }

    public static Problem Required(FreeText what) => new(ProblemCode.Required, what);

    public static Problem TooLong(FreeText what, int maxLength, int length) => new(ProblemCode.TooLong, what, maxLength, length);

    public static Problem NoAllowedTenants() => new(ProblemCode.NoAllowedTenants);

    public static Problem TenantIdRequired() => new(ProblemCode.TenantIdRequired);

    public static Problem PersonIdRequired() => new(ProblemCode.PersonIdRequired);

    public static Problem NotACurrency(string code) => new(ProblemCode.NotACurrency, code);

    public static Problem AmountMissing() => new(ProblemCode.AmountMissing);

    /// <summary>An amount typed with <paramref name="symbol"/>, which is not the hospital's <paramref name="currency"/>.</summary>
    public static Problem AmountInOtherCurrency(string currency, string symbol) => new(ProblemCode.AmountInOtherCurrency, currency, symbol);

    public static Problem AmountNegative() => new(ProblemCode.AmountNegative);

    public static Problem NotAnAmount(string typed, string currency) => new(ProblemCode.NotAnAmount, typed, currency);

    public static Problem AmountSeparatorsOdd(string typed) => new(ProblemCode.AmountSeparatorsOdd, typed);

    public static Problem AmountTooLarge(string typed) => new(ProblemCode.AmountTooLarge, typed);

    public static Problem AmountTooManyDecimals(string typed) => new(ProblemCode.AmountTooManyDecimals, typed);

    public static Problem NotAnIsoWeek(int year, int week) => new(ProblemCode.NotAnIsoWeek, year, week);

    public static Problem NotATimeZone(string timeZone) => new(ProblemCode.NotATimeZone, timeZone);

    public static Problem NotAProjectCode(int minLength, int maxLength) => new(ProblemCode.NotAProjectCode, minLength, maxLength);

    public static Problem ProjectCodeTaken(ProjectCode code) => new(ProblemCode.ProjectCodeTaken, code);

    public static Problem ProjectChangedMeanwhile(string projectName) => new(ProblemCode.ProjectChangedMeanwhile, projectName);

    public static Problem DatesOutOfOrder() => new(ProblemCode.DatesOutOfOrder);

    public static Problem GoLiveInPast() => new(ProblemCode.GoLiveInPast);

    public static Problem NotAPhase() => new(ProblemCode.NotAPhase);

    public static Problem AlreadyInPhase(string projectName, ProjectPhase phase) => new(ProblemCode.AlreadyInPhase, projectName, phase);

    public static Problem OnePhaseBackAtATime(string projectName, ProjectPhase from, ProjectPhase to) => new(ProblemCode.OnePhaseBackAtATime, projectName, from, to);

    public static Problem AlreadyMember(string personName, ProjectRole role) => new(ProblemCode.AlreadyMember, personName, role);

    public static Problem NotAMember() => new(ProblemCode.NotAMember);

    public static Problem LastProjectManager() => new(ProblemCode.LastProjectManager);

    public static Problem AcknowledgementTimeOutOfRange(TimeSpan min, TimeSpan max) => new(ProblemCode.AcknowledgementTimeOutOfRange, min, max);

    public static Problem EscalationChainSize() => new(ProblemCode.EscalationChainSize);

    public static Problem EscalationChainNotLeaders() => new(ProblemCode.EscalationChainNotLeaders);

    public static Problem MilestoneWeightNotPositive() => new(ProblemCode.MilestoneWeightNotPositive);

    public static Problem PercentCompleteOutOfRange(int max) => new(ProblemCode.PercentCompleteOutOfRange, max);

    public static Problem MilestoneAlreadyDone(string milestone) => new(ProblemCode.MilestoneAlreadyDone, milestone);

    public static Problem MilestoneExists(string milestone) => new(ProblemCode.MilestoneExists, milestone);

    public static Problem NoSuchMilestone(string milestone) => new(ProblemCode.NoSuchMilestone, milestone);

    public static Problem MilestoneDoneInFuture() => new(ProblemCode.MilestoneDoneInFuture);

    public static Problem BudgetNotPositive() => new(ProblemCode.BudgetNotPositive);

    public static Problem SpendNotPositive() => new(ProblemCode.SpendNotPositive);

    public static Problem SpendInFuture() => new(ProblemCode.SpendInFuture);

    public static Problem KpiTargetNotBelowBaseline() => new(ProblemCode.KpiTargetNotBelowBaseline);

    public static Problem KpiTargetNotAboveBaseline() => new(ProblemCode.KpiTargetNotAboveBaseline);

    public static Problem KpiExists(string kpi) => new(ProblemCode.KpiExists, kpi);

    public static Problem NoSuchKpi(string kpi) => new(ProblemCode.NoSuchKpi, kpi);

    public static Problem KpiMeasuredInFuture() => new(ProblemCode.KpiMeasuredInFuture);

    public static Problem RatingOutOfRange() => new(ProblemCode.RatingOutOfRange);

    public static Problem NoSuchRisk(RiskId risk) => new(ProblemCode.NoSuchRisk, risk);

    public static Problem RiskChangedMeanwhile(RiskId risk) => new(ProblemCode.RiskChangedMeanwhile, risk);

    public static Problem RiskClosed(RiskId risk) => new(ProblemCode.RiskClosed, risk);

    public static Problem CannotEscalate(RiskId risk, int level, RiskStatus status, int currentLevel) => new(ProblemCode.CannotEscalate, risk, level, status, currentLevel);

    public static Problem NotEscalated(RiskId risk) => new(ProblemCode.NotEscalated, risk);

    public static Problem AlreadyAcknowledged(RiskId risk, DateTimeOffset at) => new(ProblemCode.AlreadyAcknowledged, risk, at);

    public static Problem AlreadyAccepted(RiskId risk) => new(ProblemCode.AlreadyAccepted, risk);


    public static Problem OwnerNotOnProject() => new(ProblemCode.OwnerNotOnProject);

    /// <summary>The owner sent is not one of those offered (a tampered or out-of-date card).</summary>
    public static Problem PickOwner() => new(ProblemCode.PickOwner);

    public static Problem MitigationNeedsBoth() => new(ProblemCode.MitigationNeedsBoth);

    public static Problem ConcernGone() => new(ProblemCode.ConcernGone);

    public static Problem ConcernTriagedMeanwhile() => new(ProblemCode.ConcernTriagedMeanwhile);

    public static Problem ConcernAlreadyDismissed() => new(ProblemCode.ConcernAlreadyDismissed);

    public static Problem ConcernAlreadyLogged(RiskId risk) => new(ProblemCode.ConcernAlreadyLogged, risk);

    public static Problem RoundTimesOutOfOrder() => new(ProblemCode.RoundTimesOutOfOrder);

    public static Problem CheckInTimesOutOfOrder(TimeSpan longest) => new(ProblemCode.CheckInTimesOutOfOrder, longest);

    public static Problem NoStakeholdersMatch(string projectName, RoundKind kind) => new(ProblemCode.NoStakeholdersMatch, projectName, kind);

    public static Problem RoundGone(RoundKind kind) => new(ProblemCode.RoundGone, kind);

    public static Problem RoundNotSentToYou(RoundKind kind) => new(ProblemCode.RoundNotSentToYou, kind);

    public static Problem RoundClosed(RoundKind kind, DateTimeOffset closedAt) => new(ProblemCode.RoundClosed, kind, closedAt);

    public static Problem NoCheckInYet() => new(ProblemCode.NoCheckInYet);

    public static Problem ImpactOutOfRange() => new(ProblemCode.ImpactOutOfRange);

    public static Problem ImpactNeeded() => new(ProblemCode.ImpactNeeded);

    public static Problem AdkarScoreOutOfRange() => new(ProblemCode.AdkarScoreOutOfRange);

    public static Problem AdkarAllFiveScored() => new(ProblemCode.AdkarAllFiveScored);

    public static Problem WaveLengthOutOfRange(TimeSpan shortest, TimeSpan longest) => new(ProblemCode.WaveLengthOutOfRange, shortest, longest);

    public static Problem NoSurveyYet() => new(ProblemCode.NoSurveyYet);

    public static Problem NoSuchWave(string wave) => new(ProblemCode.NoSuchWave, wave);

    public static Problem AuditDatesReversed() => new(ProblemCode.AuditDatesReversed);

    public static Problem AuditSpanTooLong(int maxDays) => new(ProblemCode.AuditSpanTooLong, maxDays);

    /// <summary>A date before what the audit log goes back to (<paramref name="yearsBack"/> years) or after today.</summary>
    public static Problem AuditDatesOutOfRange(int yearsBack) => new(ProblemCode.AuditDatesOutOfRange, yearsBack);

    /// <summary>"Older entries" from a card that does not continue a page of this span (changed, or not made by the bot).</summary>
    public static Problem AuditPageUnknown() => new(ProblemCode.AuditPageUnknown);

    public static Problem DigestNothingToLead() => new(ProblemCode.DigestNothingToLead);

    public static Problem DigestOnlyLeaders() => new(ProblemCode.DigestOnlyLeaders);

    public static Problem DigestSubscriptionsChangedMeanwhile() => new(ProblemCode.DigestSubscriptionsChangedMeanwhile);

    public static Problem DigestNotSubscribed() => new(ProblemCode.DigestNotSubscribed);

    public static Problem DigestNotSubscribedYet() => new(ProblemCode.DigestNotSubscribedYet);

    public static Problem DigestSubscriptionChangedMeanwhile() => new(ProblemCode.DigestSubscriptionChangedMeanwhile);

    public static Problem DigestNotOnProject(ProjectCode code) => new(ProblemCode.DigestNotOnProject, code);

    public static Problem DigestSendOnlyForManagers() => new(ProblemCode.DigestSendOnlyForManagers);

    public static Problem DigestPickDay() => new(ProblemCode.DigestPickDay);

    public static Problem DigestPickHour() => new(ProblemCode.DigestPickHour);

    /// <summary>Suspected PHI in <paramref name="text"/>: each finding's kind with the suspected part masked (<see cref="PhiGuard.Masked"/>).</summary>
    public static Problem PhiFound(string text, IReadOnlyList<PhiFinding> findings) => new(ProblemCode.PhiFound, PhiGuard.PointOut(text, findings));

    public bool Equals(Problem? other) =>
        other is not null && Code == other.Code && Values.Count == other.Values.Count
        && Values.Zip(other.Values).All(v => v is (IEnumerable<PhiPointedOut> a, IEnumerable<PhiPointedOut> b) ? a.SequenceEqual(b) : Equals(v.First, v.Second));

    public override int GetHashCode() => HashCode.Combine(Code, Values.Count);

    /// <summary>The code only: values may hold names people typed, and this is what logs see.</summary>
    public override string ToString() => Code.ToString();
}
