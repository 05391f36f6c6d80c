namespace Telephony.Reports.Periods;

public enum ReportKind
{
    Daily,
    Monthly,
    Quarterly,
    Yearly,
}
