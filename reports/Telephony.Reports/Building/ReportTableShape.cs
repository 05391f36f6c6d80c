namespace Telephony.Reports.Building;

/// <summary>Which columns a table shows: the call figures, those plus agent occupancy, or IVR drop-offs alone.</summary>
public enum ReportTableShape
{
    Calls,
    Agents,
    IvrDropOff,
}
