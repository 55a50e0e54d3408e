namespace HealthItPm.Testing;

/// <summary>Where things are in the repository, found from the test's own output folder.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string Tools => Path.Combine(Root, "tools");

    public static string NodeModules => Path.Combine(Tools, "node_modules");

    /// <summary>Where tests leave what a person may want to look at (card renders, logs).</summary>
    public static string TestOutput(string name)
    {
        var folder = Path.Combine(Root, "TestResults", name);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HealthItPm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HealthItPm.sln not found above " + AppContext.BaseDirectory);
    }
}
