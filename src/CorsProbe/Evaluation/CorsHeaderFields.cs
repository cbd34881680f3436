namespace CorsProbing.Evaluation;

/// <summary>The headers CORS evaluation reads, found in one pass over a snapshot's lines. Allocation-free.</summary>
internal struct CorsHeaderFields
{
    // One reference to the lines and two numbers per header: the evaluation record carries this by value.
    private KeyValuePair<string, string>[] _lines;
    private Slot _allowOrigin, _allowCredentials, _allowMethods, _allowHeaders, _maxAge, _vary, _location;

    /// <summary><c>Access-Control-Allow-Origin</c>.</summary>
    public readonly HeaderField AllowOrigin => _allowOrigin.In(_lines);

    /// <summary><c>Access-Control-Allow-Credentials</c>.</summary>
    public readonly HeaderField AllowCredentials => _allowCredentials.In(_lines);

    /// <summary><c>Access-Control-Allow-Methods</c>.</summary>
    public readonly HeaderField AllowMethods => _allowMethods.In(_lines);

    /// <summary><c>Access-Control-Allow-Headers</c>.</summary>
    public readonly HeaderField AllowHeaders => _allowHeaders.In(_lines);

    /// <summary><c>Access-Control-Max-Age</c>.</summary>
    public readonly HeaderField MaxAge => _maxAge.In(_lines);

    /// <summary><c>Vary</c>.</summary>
    public readonly HeaderField Vary => _vary.In(_lines);

    /// <summary><c>Location</c>.</summary>
    public readonly HeaderField Location => _location.In(_lines);

    /// <summary>Finds the CORS-relevant headers of <paramref name="response"/>; header names compare case-insensitively.</summary>
    public static CorsHeaderFields Read(ResponseSnapshot response)
    {
        var lines = response.Lines;
        var fields = new CorsHeaderFields { _lines = lines };
        for (var i = 0; i < lines.Length; i++)
        {
            // The length alone rules out most headers (Date, Server, Content-*) and every CORS header but one or two.
            var name = lines[i].Key;
            switch (name.Length)
            {
                case 4 when Is(name, CorsHeaderNames.Vary):
                    fields._vary.Add(i);
                    break;
                case 8 when Is(name, CorsHeaderNames.Location):
                    fields._location.Add(i);
                    break;
                case 22 when Is(name, CorsHeaderNames.MaxAge):
                    fields._maxAge.Add(i);
                    break;
                case 27 when Is(name, CorsHeaderNames.AllowOrigin):
                    fields._allowOrigin.Add(i);
                    break;
                case 28 when Is(name, CorsHeaderNames.AllowMethods):
                    fields._allowMethods.Add(i);
                    break;
                case 28 when Is(name, CorsHeaderNames.AllowHeaders):
                    fields._allowHeaders.Add(i);
                    break;
                case 32 when Is(name, CorsHeaderNames.AllowCredentials):
                    fields._allowCredentials.Add(i);
                    break;
            }
        }

        return fields;
    }

    // .NET names the headers it knows with one shared string, so the reference check inside Equals nearly always decides.
    private static bool Is(string name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    // Where one header's lines are: the first one's index and how many there are.
    private struct Slot
    {
        private int _first;
        private int _count;

        public void Add(int index)
        {
            _first = _count == 0 ? index : _first;
            _count++;
        }

        public readonly HeaderField In(KeyValuePair<string, string>[] lines) => new(lines, _first, _count);
    }
}
