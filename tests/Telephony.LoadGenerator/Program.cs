using Telephony.LoadGenerator;
using Telephony.LoadGenerator.Calls;

var (options, error) = LoadOptions.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync($"telephony-load: {error}\n{LoadOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C hangs up the calls in progress and still prints the summary.
    e.Cancel = true;
    stop.Cancel();
};

using var runner = new LoadRunner(options, Console.Out);
var report = runner.Run(stop.Token);
Console.Write(report.Format());
return report.ExitCode;
