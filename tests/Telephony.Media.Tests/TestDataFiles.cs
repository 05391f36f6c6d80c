namespace Telephony.Media.Tests;

/// <summary>Locates and reads the data files copied next to the test assembly.</summary>
internal static class TestDataFiles
{
    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "TestData", fileName);

    /// <summary>Reads a CSV data file, skipping blank lines and '#' comments.</summary>
    public static IEnumerable<string[]> ReadCsv(string fileName) =>
        File.ReadLines(PathOf(fileName))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(','));
}
