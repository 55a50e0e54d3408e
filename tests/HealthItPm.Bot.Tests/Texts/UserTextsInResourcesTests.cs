using System.Text.RegularExpressions;
using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HealthItPm.Bot.Tests.Texts;

/// <summary>
/// What people read in Teams comes from Texts/*.resx, so that adding a language touches no code: in the
/// scanned folders no string literal (or interpolated string) reads as words — two words with a space
/// between them, a word beside a value ("Level {n}"), or one capitalised word such as a button's
/// "Save". Exception messages, logging, attribute arguments and the text command a button runs are
/// not shown as worded; the few other literals that look like words but are not text are listed with why.
/// The sources are read as C# syntax trees, so comments and documentation are not mistaken for literals.
/// </summary>
public partial class UserTextsInResourcesTests
{
    /// <summary>A value in an interpolated string, where it stands in the text the rules read.</summary>
    private const char Hole = '\u2400';

    /// <summary>Literals that look like words but are not shown to people, each with the reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Full"] = "the msteams width keyword every card carries, not text",
        ["Column"] = "the Adaptive Cards type name a column is written with",
        ["Day"] = "the name of a text in Reasons.resx and Problems.resx (ReasonText, ProblemText)",
        ["Days"] = "the name of a text in Reasons.resx (ReasonText)",
        ["Hour"] = "the stem of names of texts in Problems.resx (ProblemText's durations)",
        ["Minute"] = "the stem of names of texts in Problems.resx (ProblemText's durations)",
        ["risk update \u2400"] = "the command a risk notice's button runs, as a person would type it (RiskNotifier)",
        ["risk \u2400"] = "the command a risk notice's button runs, as a person would type it (RiskNotifier)",
    };

    // Hosting/ is not scanned: what it says (settings' validation, logs) is read by the hospital's operators, not in Teams.
    [Theory]
    [InlineData("Cards")]
    [InlineData("Teams")]
    [InlineData("Messaging")]
    [InlineData("Scheduling")]
    public void What_people_read_comes_from_resources(string folder)
    {
        var bot = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot");
        var found = Directory.EnumerateFiles(Path.Combine(bot, folder), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => WordedLiterals(File.ReadAllText(file)).Select(l => $"{Path.GetRelativePath(bot, file)}:{l.Line}: \"{l.Text.Replace(Hole.ToString(), "{…}", StringComparison.Ordinal)}\""))
            .ToList();

        Assert.True(found.Count == 0, $"Move these texts into a resource file under Texts/ ({found.Count}):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""var t = "Save";""")]
    [InlineData("""var t = "Not found";""")]
    [InlineData("""var t = $"{code} · Budget";""")]
    [InlineData("""var t = $"{done} of {all}";""")]
    [InlineData("""var t = $"Level {n}";""")]
    [InlineData("""var t = "EHR";""")]
    [InlineData("""var t = "Moves: " + moves;""")]
    [InlineData("""var t = Markdown.Of($"Type **help** to see what I can do.");""")]
    [InlineData("""var t = x ? "so far" : "results";""")]
    [InlineData("""var t = Texts.Format("Budget_Title", "Budget");""")]
    [InlineData("""var t = string.Format(culture, "Not set");""")]
    public void The_scan_finds_words_in_code(string statement) =>
        Assert.NotEmpty(WordedLiterals(InAMethod(statement)));

    [Theory]
    [InlineData("""throw new InvalidOperationException($"The file has no text named {name}.");""")]
    [InlineData("""var e = new ArgumentException("A value with no wording.", nameof(value));""")]
    [InlineData("""_logger.LogWarning("Delivery failed for {Person}", person);""")]
    [InlineData("""var a = CardElements.Command(Texts["Budget_Set"], "budget set");""")]
    [InlineData("""var a = CardElements.Command(Texts["Risk_Open"], $"risk {id}");""")]
    [InlineData("""var f = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);""")]
    [InlineData("""var v = $"{a} / {b}";""")]
    [InlineData("""var s = $"{Currency.Code}\u00a0{amount}";""")]
    [InlineData("""var k = data["project"];""")]
    [InlineData("""var t = "TextRun";""")]
    [InlineData("""var t = "Action.Execute";""")]
    [InlineData("""var t = "Full";""")]
    [InlineData("""var t = Texts["Submit"];""")]
    [InlineData("""var t = Texts[yes ? "Yes" : "No"];""")]
    [InlineData("""var t = Texts.Format("Responses", n);""")]
    [InlineData("""var t = CardTexts.Common.Markdown("None");""")]
    [InlineData("""var t = Texts[$"Status_{status}"];""")]
    [InlineData("""var t = Format($"{stem}_One", n);""")]
    [InlineData("""CommandDefinition c = new("checkin now", ProjectAction.ManageCheckIns);""")]
    [InlineData("""var c = new CommandDefinition("project list");""")]
    [InlineData("""await ScheduledSteps.RunEachAsync(items, i => StepAsync(i), i => $"risk {i}", logger, token);""")]
    public void The_scan_leaves_what_is_not_worded_text(string statement) =>
        Assert.Empty(WordedLiterals(InAMethod(statement)));

    [Fact]
    public void Attribute_arguments_are_not_shown()
    {
        const string source = """
            [Description("What the bot says")]
            class C { [LoggerMessage(Level = LogLevel.Warning, Message = "A send was refused")] partial void Refused(); }
            """;
        Assert.Empty(WordedLiterals(source));
    }

    private static string InAMethod(string statement) => $"class C {{ void M() {{ {statement} }} }}";

    /// <summary>Each literal (or interpolated string, its values as <see cref="Hole"/>) that reads as words, with its line.</summary>
    internal static IEnumerable<(int Line, string Text)> WordedLiterals(string source)
    {
        foreach (var node in CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => string.Concat(interpolated.Contents.Select(c => c is InterpolatedStringTextSyntax t ? t.TextToken.ValueText : Hole.ToString())),
                _ => null,
            };
            if (text is not null && ReadsAsWords(text) && !Allowed.ContainsKey(text) && !NotShown(node))
            {
                yield return (node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text);
            }
        }
    }

    private static bool ReadsAsWords(string text)
    {
        if (TwoWords().IsMatch(text) || WordBesideValue().IsMatch(text))
        {
            return true;
        }

        // One capitalised word ("Save", "EHR", "KPIs"), but not an identifier ("TextRun", "Status_{kind}") or a format ("C", "yyyy").
        var words = Word().Matches(text);
        return words is [{ Value: var word }] && char.IsUpper(word[0]) && !CamelHump().IsMatch(word) && !Name().IsMatch(text);
    }

    /// <summary>
    /// Texts that are never shown as worded: exception messages, logging, attributes, the text command a
    /// button runs, and names — an indexer's key (a resource's or a data key) or the resource name a
    /// <c>Texts.Format</c> or <c>Texts.Markdown</c> is asked for.
    /// </summary>
    private static bool NotShown(SyntaxNode node) => node.Ancestors().Any(a => a switch
    {
        AttributeArgumentSyntax or ThrowExpressionSyntax or ThrowStatementSyntax or BracketedArgumentListSyntax => true,
        ObjectCreationExpressionSyntax creation => creation.Type.ToString().EndsWith("Exception", StringComparison.Ordinal),
        ArgumentSyntax argument => argument.Parent switch
        {
            ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } list => IsRunCommand(invocation, list, argument) || IsTextName(invocation, list, argument) || IsLogDescription(invocation, list, argument),
            ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list => IsCommandWords(creation, list, argument),
            _ => false,
        },
        VariableDeclaratorSyntax { Identifier.Text: "SectionName" } => true,
        InvocationExpressionSyntax invocation => LogMethod().IsMatch(MethodName(invocation)),
        _ => false,
    });

    // Texts.Format(name, values…), CardTexts.Common.Markdown(name, values…), Texts.Count(stem, n): the first argument names a text of a resource file.
    private static bool IsTextName(InvocationExpressionSyntax invocation, ArgumentListSyntax list, ArgumentSyntax argument) =>
        MethodName(invocation) is "Format" or "Markdown" or "Count"
        && invocation.Expression is MemberAccessExpressionSyntax member && member.Expression.ToString().Contains("Texts", StringComparison.Ordinal)
        && list.Arguments.IndexOf(argument) == 0;

    // CardElements.Command(title, command): the command is the words the parser reads, as a person would type them.
    private static bool IsRunCommand(InvocationExpressionSyntax invocation, ArgumentListSyntax list, ArgumentSyntax argument) =>
        MethodName(invocation) == "Command" && (argument.NameColon?.Name.Identifier.Text == "command" || (argument.NameColon is null && list.Arguments.IndexOf(argument) == 1));

    // new CommandDefinition("checkin now", …): the words a person types, which the parser matches.
    private static bool IsCommandWords(BaseObjectCreationExpressionSyntax creation, ArgumentListSyntax list, ArgumentSyntax argument) =>
        list.Arguments.IndexOf(argument) == 0 && creation switch
        {
            ObjectCreationExpressionSyntax { Type: var type } => type.ToString() == "CommandDefinition",
            _ => creation.Ancestors().OfType<VariableDeclarationSyntax>().FirstOrDefault()?.Type.ToString() == "CommandDefinition",
        };

    // ScheduledSteps.RunEachAsync(items, step, describe, logger, …): describe names an item in the log.
    private static bool IsLogDescription(InvocationExpressionSyntax invocation, ArgumentListSyntax list, ArgumentSyntax argument) =>
        MethodName(invocation) == "RunEachAsync" && list.Arguments.IndexOf(argument) == 2;

    private static string MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
        IdentifierNameSyntax name => name.Identifier.Text,
        _ => string.Empty,
    };

    [GeneratedRegex(@"\p{L}+ \p{L}+")]
    private static partial Regex TwoWords();

    [GeneratedRegex(@"\p{L}{2,} \u2400|\u2400 \p{L}{2,}")]
    private static partial Regex WordBesideValue();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Word();

    /// <summary>A name made of parts, such as a resource's "Status_{kind}" or "{stem}_One".</summary>
    [GeneratedRegex(@"^[\p{L}\d\u2400]*_[\p{L}\d_\u2400]*$")]
    private static partial Regex Name();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex CamelHump();

    [GeneratedRegex(@"^Log(Trace|Debug|Information|Warning|Error|Critical)?$")]
    private static partial Regex LogMethod();
}
