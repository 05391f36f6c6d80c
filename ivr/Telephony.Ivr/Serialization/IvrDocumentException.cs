namespace Telephony.Ivr.Serialization;

/// <summary>A document could not be read; <see cref="Exception.Message"/> names the JSON path and the problem.</summary>
public sealed class IvrDocumentException : Exception
{
    public IvrDocumentException()
    {
    }

    public IvrDocumentException(string message)
        : base(message)
    {
    }

    public IvrDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
