namespace Telephony.Ivr.Tests.Wording;

/// <summary>Reads a hand-checked tab-separated table from Wording/Data; lines starting with # are comments.</summary>
internal static class WordingTable
{
    public static TheoryData<string[]> Rows(string fileName)
    {
        var data = new TheoryData<string[]>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Wording", "Data", fileName)))
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                data.Add(line.Split('\t'));
            }
        }

        return data;
    }
}
