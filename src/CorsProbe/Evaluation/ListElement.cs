namespace CorsProbing.Evaluation;

/// <summary>Where one element of a list header is: its line in the snapshot and its place in that line.</summary>
/// <param name="Line">The index in <see cref="ResponseSnapshot.Lines"/>.</param>
/// <param name="Start">The first character, after trimming.</param>
/// <param name="Length">The length; 0 for no element.</param>
internal readonly record struct ListElement(int Line, int Start, int Length)
{
    /// <summary>True when this refers to no element.</summary>
    public bool IsNone => Length == 0;

    /// <summary>The element's text. Allocates: for reports.</summary>
    public string TextIn(ResponseSnapshot response) => response.Lines[Line].Value.Substring(Start, Length);
}
