using System.Text.Json.Serialization;

namespace HealthItPm.Bot.Cards.Elements;

/// <summary>
/// Teams' chart elements. Each carries a fallback that says the same in text, for clients (and the
/// official renderer) that do not draw charts; it is declared as an element so that it is written with its type.
/// </summary>
public abstract record Chart(string Title, Element Fallback) : Element;

public sealed record DonutChart(string Title, IReadOnlyList<DonutSlice> Data, Element Fallback) : Chart(Title, Fallback);

public sealed record DonutSlice(string Legend, decimal Value, ChartColor? Color = null);

public sealed record VerticalBarChart(string Title, IReadOnlyList<BarPoint> Data, Element Fallback) : Chart(Title, Fallback);

public sealed record HorizontalBarChart(string Title, IReadOnlyList<BarPoint> Data, Element Fallback) : Chart(Title, Fallback);

public sealed record BarPoint(string X, decimal Y);

/// <summary>The categorical colours Teams charts take.</summary>
public enum ChartColor
{
    [JsonStringEnumMemberName("categoricalRed")] Red,
    [JsonStringEnumMemberName("categoricalMarigold")] Marigold,
    [JsonStringEnumMemberName("categoricalGreen")] Green,
    [JsonStringEnumMemberName("categoricalLavender")] Lavender,
}
