using Telephony.Reports.Building;

namespace Telephony.Reports.Tests.Fixtures;

/// <summary>The figures computed straight from fixture rows with LINQ, independently of the SQL under test.</summary>
public static class ExpectedFigures
{
    public static ReportFigures Of(IEnumerable<FixtureCall> calls, TimeSpan target, TimeSpan shortAbandon)
    {
        var list = calls.ToList();
        var offered = list.Where(c => c.Queue is not null && !c.IsCallback).ToList();
        var answered = offered.Where(c => c.Answered).ToList();
        var abandons = offered.Where(c => !c.Answered && c.Outcome == "abandoned").ToList();
        return new ReportFigures
        {
            Offered = offered.Count,
            Answered = answered.Count,
            AnsweredWithinTarget = answered.Count(c => c.WaitMs <= target.TotalMilliseconds),
            Abandoned = abandons.Count(c => c.WaitMs >= shortAbandon.TotalMilliseconds),
            ShortAbandoned = abandons.Count(c => c.WaitMs < shortAbandon.TotalMilliseconds),
            AnswerWaitMs = answered.Sum(c => (long)c.WaitMs!.Value),
            LongestWaitMs = offered.Select(c => (long)(c.WaitMs ?? 0)).DefaultIfEmpty(0).Max(),
            TalkMs = answered.Sum(c => (long)(c.TalkMs ?? 0)),
            WrapUpMs = answered.Sum(c => (long)(c.WrapUpMs ?? 0)),
            CallbacksRequested = list.Count(c => c.CallbackRequested),
            CallbacksMade = list.Count(c => c.CallbackMade),
            SurveySum = list.Sum(c => (long)(c.Survey ?? 0)),
            SurveyCount = list.Count(c => c.Survey is not null),
            IvrDropped = list.Count(c => c.Queue is null && c.IvrExitNode is not null && c.Outcome is not ("after-hours" or "ivr-completed")),
        };
    }
}
