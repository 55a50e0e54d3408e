namespace HealthItPm.Bot.Texts;

/// <summary>Names Labels.resx: the words for the domain's values (kinds, phases, disciplines, RAG, risk categories, bands and
/// statuses) and the formats of numbers, dates and times that every card shares.</summary>
public static class Labels;
