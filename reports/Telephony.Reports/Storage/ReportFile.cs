namespace Telephony.Reports.Storage;

/// <summary>One file of a generated report.</summary>
public sealed record ReportFile(string Name, string ContentType, ReadOnlyMemory<byte> Content)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Zip = "application/zip";
    public const string Png = "image/png";
}
