namespace Telephony.Data.Tests.Spooling;

/// <summary>A row of the test table: a run (one per test), its place in the order it was added, and a payload.</summary>
public sealed record TestRow(Guid Id, string Run, int Seq, string Payload);
