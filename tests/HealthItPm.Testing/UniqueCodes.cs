namespace HealthItPm.Testing;

/// <summary>
/// Letters for project codes and search terms that must not meet another test's on a shared emulator. Uniform over A–Z:
/// the letters of a GUID's hex are only a–f, so five of them collide within a class's sixty projects about one run in four.
/// </summary>
public static class UniqueCodes
{
    public static string Letters(int count) => new(Random.Shared.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ", count));
}
