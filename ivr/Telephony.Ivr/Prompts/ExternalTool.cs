using System.Diagnostics;
using System.Text;

namespace Telephony.Ivr.Prompts;

/// <summary>Runs the audio tools the prompts need (espeak-ng, sox), with a clear error when one is not installed.</summary>
internal static class ExternalTool
{
    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    public static string Require(string program, string package) =>
        Find(program) ?? throw new PromptException($"{program} is not installed (Debian package '{package}'); prompts cannot be rendered without it.");

    public static async Task RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new PromptException($"{executable} could not be started.");
        var errors = new StringBuilder();
        var readErrors = process.StandardError.ReadToEndAsync(cancellationToken);
        var readOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        errors.Append(await readErrors);
        await readOutput;
        if (process.ExitCode != 0)
        {
            throw new PromptException($"{Path.GetFileName(executable)} failed with exit code {process.ExitCode}: {errors.ToString().Trim()}");
        }
    }
}
