using HealthItPm.Domain.Common;
using HealthItPm.Domain.Privacy;

namespace HealthItPm.Domain.Rounds;

/// <summary>
/// An answer's free text by the fields its kind declares (<see cref="RoundKind.FreeTextFields"/>), so patient details are
/// removed from any kind's answers by one mechanism (<see cref="RoundKind{TAnswer, TTally}"/>), never per kind.
/// </summary>
public interface IFreeTextAnswer<out TAnswer>
    where TAnswer : class
{
    /// <summary>The field's text; null when the answer holds none there.</summary>
    GuardedText? TextOf(FreeText field);

    /// <summary>The answer with the field's text replaced by <see cref="RemovedText.Marker"/> (it held patient details).</summary>
    TAnswer WithoutPatientDetails(FreeText field);
}
