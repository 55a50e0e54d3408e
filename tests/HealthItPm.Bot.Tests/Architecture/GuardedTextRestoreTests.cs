using HealthItPm.Bot.Cards.Elements;
using HealthItPm.Testing;

namespace HealthItPm.Bot.Tests.Architecture;

/// <summary>
/// <c>GuardedText.Restore</c> skips the PHI guard because a stored value was checked when it was
/// given: only the storage mappers may call it, so no form or card action can store typed text unchecked.
/// A storage mapper is named for what it maps: <c>…Table.cs</c>, <c>…Document.cs</c> or <c>…Columns.cs</c>,
/// in Storage/, Rounds/ or a feature's folder.
/// </summary>
public class GuardedTextRestoreTests
{
    [Fact]
    public void Only_storage_restores_guarded_text_without_the_guard()
    {
        var bot = Path.Combine(RepositoryLayout.Root, "HealthItPm.Bot");
        var callers = Directory.EnumerateFiles(bot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("GuardedText.Restore(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(bot, f))
            .ToList();

        Assert.NotEmpty(callers);
        Assert.All(callers, f => Assert.Matches(@"(Table|Document|Columns)\.cs$", f));
    }
}
