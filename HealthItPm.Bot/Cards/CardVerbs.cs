namespace HealthItPm.Bot.Cards;

/// <summary>The verbs card actions carry; each has one handler under <c>Teams/CardActions</c>.</summary>
public static class CardVerbs
{
    public const string RunCommand = "command.run";
    public const string UseProject = "project.use";
    public const string CreateProject = "project.create";
    public const string ChangePhase = "project.phase";
    public const string AddStakeholders = "stakeholder.add";
    public const string RemoveStakeholder = "stakeholder.remove";
    public const string AddMilestone = "milestone.add";
    public const string CompleteMilestone = "milestone.done";
    public const string RecordMilestoneProgress = "milestone.progress";
    public const string SetBudget = "budget.set";
    public const string RecordSpend = "spend.record";
    public const string AddKpi = "kpi.add";
    public const string RecordKpi = "kpi.record";
    public const string ScheduleCheckIn = "checkin.schedule";
    public const string SubmitCheckIn = "checkin.submit";
    public const string ChangeCheckIn = "checkin.change";
    public const string StartSurvey = "adkar.start";
    public const string SubmitSurvey = "adkar.submit";
    public const string ChangeSurvey = "adkar.change";
    public const string AllowProjectManagers = "pm.allow";
    public const string AddRisk = "risk.add";
    public const string AcknowledgeRisk = "risk.acknowledge";
    public const string AcceptRisk = "risk.accept";
    public const string AssignRiskOwner = "risk.assign";
    public const string AskForRiskUpdate = "risk.askupdate";

    /// <summary>Patient details that got through the guard: which text of a risk (a confirmation naming each field), then remove.</summary>
    public const string AskRemoveFromRisk = "risk.phi.ask";
    public const string RemoveFromRisk = "risk.phi.remove";

    /// <summary>
    /// The same for the free text of any kind of round's answers, from the round's PM-facing card (the data names the kind).
    /// The values stay those of the check-in's, where removal began: summaries already sent carry them.
    /// </summary>
    public const string AskRemoveFromRoundAnswers = "checkin.phi.ask";
    public const string RemoveFromRoundAnswer = "checkin.phi.remove";

    /// <summary>A round's PM-facing card again (Cancel on the removal's confirmation).</summary>
    public const string ViewRoundResults = "checkin.summary";

    /// <summary>The escalation card's refresh: the current risk, for the person viewing it.</summary>
    public const string ViewRisk = "risk.view";
    public const string UpdateRisk = "risk.update";
    public const string SetEscalation = "risk.escalation";
    public const string ReportConcern = "concern.report";
    public const string LogConcernAsRisk = "concern.log";
    public const string DismissConcern = "concern.dismiss";

    /// <summary>Patient details in a concern's words or dismissal reason: which (a confirmation), remove, or the concern again.</summary>
    public const string AskRemoveFromConcern = "concern.phi.ask";
    public const string RemoveFromConcern = "concern.phi.remove";
    public const string ViewConcern = "concern.view";
    public const string DigestSettings = "digest.settings";
    public const string SubscribeLeaders = "digest.leaders";

    /// <summary>The audit card's "Older entries": the next page of the same query.</summary>
    public const string AuditPage = "audit.page";

    /// <summary>The pipeline's health card's Refresh: the card read again.</summary>
    public const string RefreshHealth = "health.refresh";
}
