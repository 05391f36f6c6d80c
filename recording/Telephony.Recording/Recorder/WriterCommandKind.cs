namespace Telephony.Recording.Recorder;

internal enum WriterCommandKind
{
    Open,
    Audio,
    Finish,
    Flush,
}
