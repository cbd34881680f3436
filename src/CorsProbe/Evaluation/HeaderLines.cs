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

    /// <summary>The only line, trimmed of SP/HTAB; only meaningful when <see cref="Count"/> is 1.</summary>
    public ReadOnlySpan<char> Single
    {
        get
        {
            foreach (var line in _values)
            {
                return HttpWhitespace.Trim(line);
            }

            return default;
        }
    }

    /// <summary>Reads the lines named <paramref name="name"/> (case-insensitive) from <paramref name="response"/>.</summary>
    public static HeaderLines Read(HttpResponseMessage response, string name)
    {
        response.Headers.NonValidated.TryGetValues(name, out var values);
        return new HeaderLines(values);
    }

    /// <summary>Enumerates the lines in order.</summary>
    public HeaderStringValues.Enumerator GetEnumerator() => _values.GetEnumerator();
}
