using System.Net.Http.Headers;

namespace CorsProbing.Evaluation;

/// <summary>
/// The raw lines of one response header, read without validation from <see cref="HttpResponseMessage.Headers"/>
/// and then <see cref="HttpContent.Headers"/> (a caller's handler may put any header in either). Allocation-free.
/// </summary>
internal readonly struct HeaderLines
{
    private readonly HeaderStringValues _response;
    private readonly HeaderStringValues _content;

    private HeaderLines(HeaderStringValues response, HeaderStringValues content)
    {
        _response = response;
        _content = content;
    }

    /// <summary>How many lines the header has; 0 means absent (Fetch's <em>null</em>, not the empty string).</summary>
    public int Count => _response.Count + _content.Count;

    /// <summary>Reads the lines named <paramref name="name"/> (case-insensitive) from <paramref name="response"/>.</summary>
    public static HeaderLines Read(HttpResponseMessage response, string name)
    {
        response.Headers.NonValidated.TryGetValues(name, out var primary);
        response.Content.Headers.NonValidated.TryGetValues(name, out var content);
        return new HeaderLines(primary, content);
    }

    /// <summary>The only line, trimmed of SP/HTAB; only valid when <see cref="Count"/> is 1.</summary>
    public ReadOnlySpan<char> Single
    {
        get
        {
            foreach (var line in this)
            {
                return HttpWhitespace.Trim(line);
            }

            return default;
        }
    }

    /// <summary>Enumerates the lines in order.</summary>
    public Enumerator GetEnumerator() => new(_response.GetEnumerator(), _content.GetEnumerator());

    /// <summary>An allocation-free enumerator over both header collections.</summary>
    public struct Enumerator
    {
        private HeaderStringValues.Enumerator _response;
        private HeaderStringValues.Enumerator _content;
        private bool _inContent;

        internal Enumerator(HeaderStringValues.Enumerator response, HeaderStringValues.Enumerator content)
        {
            _response = response;
            _content = content;
            _inContent = false;
            Current = string.Empty;
        }

        /// <summary>The current line, untrimmed.</summary>
        public string Current { get; private set; }

        /// <summary>Advances to the next line.</summary>
        public bool MoveNext()
        {
            if (!_inContent)
            {
                if (_response.MoveNext())
                {
                    Current = _response.Current;
                    return true;
                }

                _inContent = true;
            }

            if (_content.MoveNext())
            {
                Current = _content.Current;
                return true;
            }

            return false;
        }
    }
}
