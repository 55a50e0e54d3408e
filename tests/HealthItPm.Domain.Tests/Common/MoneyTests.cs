using HealthItPm.Domain.Common;

namespace HealthItPm.Domain.Tests.Common;

public class MoneyTests
{
    [Theory]
    [InlineData("$2,400,000", '.', 2_400_000)]
    [InlineData("2.4M", '.', 2_400_000)]
    [InlineData("2,400,000.50", '.', 2_400_000.50)]
    [InlineData("2400000", '.', 2_400_000)]
    [InlineData("USD 950k", '.', 950_000)]
    [InlineData("950 K", '.', 950_000)]
    [InlineData("$1.2bn", '.', 1_200_000_000)]
    [InlineData("2 400 000", ',', 2_400_000)]
    [InlineData("2.400.000,50", ',', 2_400_000.50)]
    [InlineData("2,5M", ',', 2_500_000)]
    [InlineData("2,400", '.', 2_400)]
    [InlineData("2.400", ',', 2_400)]
    [InlineData("2.40", '.', 2.40)]
    [InlineData("12.5", ',', 12.5)]
    [InlineData("25000 usd", '.', 25_000)]
    public void Amounts_are_read_as_people_type_them(string typed, char decimalSeparator, double expected)
    {
        Assert.True(MoneyAmount.TryParse(typed, Currency.Usd, decimalSeparator, out var amount, out var problem), problem?.ToString());
        Assert.Equal((decimal)expected, amount);
    }

    [Theory]
    [InlineData("two million", CommonProblem.NotAnAmount)]
    [InlineData("€2,400,000", CommonProblem.AmountInOtherCurrency)]
    [InlineData("2,40,000", CommonProblem.AmountSeparatorsOdd)]
    [InlineData("-5000", CommonProblem.AmountNegative)]
    [InlineData("12.345", CommonProblem.AmountTooManyDecimals)]
    [InlineData("79228162514264337593543950335k", CommonProblem.AmountTooLarge)]
    [InlineData("", CommonProblem.AmountMissing)]
    public void A_bad_amount_says_what_to_change(string typed, CommonProblem expected)
    {
        Assert.False(MoneyAmount.TryParse(typed, Currency.Usd, '.', out _, out var problem));
        Assert.Equal(expected, problem!.Code);
    }

    [Fact]
    public void A_bad_amount_names_what_was_typed_shortened_and_the_currency() =>
        Assert.Equal(
            Problem.NotAnAmount("two million dollars and a litt…", "USD"),
            MoneyAmount.TryParse("two million dollars and a little more", Currency.Usd, '.', out _, out var problem) ? null : problem);

    [Fact]
    public void A_euro_hospital_accepts_the_euro_sign()
    {
        Assert.True(MoneyAmount.TryParse("€ 1.250.000", new Currency("eur"), ',', out var amount, out _));
        Assert.Equal(1_250_000m, amount);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("dollars")]
    [InlineData("U$D")]
    public void A_currency_is_an_iso_code(string code) =>
        Assert.Throws<DomainException>(() => new Currency(code));
}
