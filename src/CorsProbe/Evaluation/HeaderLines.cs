using System.Net.Http.Headers;

namespace CorsProbing.Evaluation;

/// <summary>
/// The raw lines of one response header, as received (never validated or re-parsed). Allocation-free.
/// </summary>
/// <remarks>
/// Only <see cref="HttpResponseMessage.Headers"/> is read: every header CorsProbe evaluates is a response header that
/// .NET refuses to store in <see cref="HttpContent.Headers"/>, so it can never land there.
/// </remarks>
internal readonly struct HeaderLines(HeaderStringValues values)
{
    private readonly HeaderStringValues _values = values;

    /// <summary>How many lines the header has; 0 means absent (Fetch's <em>null</em>, not the empty string).</summary>
    public int Count => _values.Count;

    /// <summary>True when the header is absent; cheaper than comparing <see cref="Count"/> with 0, which is a call.</summary>
    public bool IsAbsent => !_values.GetEnumerator().MoveNext();

    /// <summary>
    /// True when the header has exactly one line, which <paramref name="value"/> then holds, trimmed of SP/HTAB.
    /// </summary>
    /// <remarks>
    /// Single-value headers (<c>-Allow-Origin</c>, <c>-Allow-Credentials</c>, <c>-Max-Age</c>) ask "one line, and
    /// which?" on every evaluation: two steps of the inlined enumerator answer both, where <see cref="Count"/> is a call.
    /// </remarks>
    public bool TryGetSingle(out ReadOnlySpan<char> value)
    {
        var lines = _values.GetEnumerator();
        if (lines.MoveNext())
        {
            var first = lines.Current;
            if (!lines.MoveNext())
            {
                value = HttpWhitespace.Trim(first);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>True when the header is one line equal to <paramref name="expected"/> after trimming (case-sensitive).</summary>
    public bool IsSingle(string expected) => TryGetSingle(out var value) && value.SequenceEqual(expected);

    /// <summary>Reads the lines named <paramref name="name"/> (case-insensitive) from <paramref name="response"/>.</summary>
    public static HeaderLines Read(HttpResponseMessage response, string name)
    {
        response.Headers.NonValidated.TryGetValues(name, out var values);
        return new HeaderLines(values);
    }

    /// <summary>Enumerates the lines in order.</summary>
    public HeaderStringValues.Enumerator GetEnumerator() => _values.GetEnumerator();
}
