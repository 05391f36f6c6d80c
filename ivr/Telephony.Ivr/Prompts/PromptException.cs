namespace Telephony.Ivr.Prompts;

/// <summary>A prompt could not be rendered or converted; the message says what to fix (a missing tool, a refused request, a bad file).</summary>
public sealed class PromptException : Exception
{
    public PromptException()
    {
    }

    public PromptException(string message)
        : base(message)
    {
    }

    public PromptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
