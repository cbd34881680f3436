namespace CorsProbing.Evaluation;

/// <summary>One line of a header: its index among the snapshot's lines, and its raw value.</summary>
/// <param name="Index">The index in <see cref="ResponseSnapshot.Lines"/>.</param>
/// <param name="Value">The raw value.</param>
internal readonly record struct HeaderLine(int Index, string Value);
