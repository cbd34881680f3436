namespace CorsProbing.Evaluation;

/// <summary>
/// The lines of one response header inside a <see cref="ResponseSnapshot"/>: where its first line is and how many it
/// has. Absent (Fetch's <em>null</em>, not the empty string) when <see cref="Count"/> is 0. Allocation-free.
/// </summary>
/// <param name="Lines">The snapshot's lines.</param>
/// <param name="First">The index of the first line in <paramref name="Lines"/>.</param>
/// <param name="Count">How many lines the header has.</param>
internal readonly record struct HeaderField(KeyValuePair<string, string>[]? Lines, int First, int Count)
{
    /// <summary>True when the header is absent.</summary>
    public bool IsAbsent => Count == 0;

    /// <summary>True when the header has exactly one line, which <paramref name="value"/> then holds, trimmed of SP/HTAB.</summary>
    public bool TryGetSingle(out ReadOnlySpan<char> value)
    {
        value = Count == 1 ? HttpWhitespace.Trim(Lines![First].Value) : default;
        return Count == 1;
    }

    /// <summary>True when the header is one line equal to <paramref name="expected"/> after trimming (case-sensitive).</summary>
    public bool IsSingle(string expected) => TryGetSingle(out var value) && value.SequenceEqual(expected);

    /// <summary>
    /// True when, leaving out its empty lines, the header is one line equal to <paramref name="expected"/> (Firefox
    /// joins a header's lines without the empty ones).
    /// </summary>
    public bool IsSingleApartFromEmptyLines(string expected)
    {
        var found = false;
        foreach (var (_, value) in this)
        {
            var trimmed = HttpWhitespace.Trim(value);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (found || !trimmed.SequenceEqual(expected))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>Fetch "get": the lines trimmed and joined with ", "; <see langword="null"/> when absent. Allocates: for reports.</summary>
    public string? Combined()
    {
        if (Count == 0)
        {
            return null;
        }

        var parts = new List<string>(Count);
        foreach (var line in this)
        {
            parts.Add(HttpWhitespace.Trim(line.Value).ToString());
        }

        return string.Join(", ", parts);
    }

    /// <summary>Enumerates the lines in order, each with its index in the snapshot.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Walks the snapshot from the first line, yielding the lines with the same name (case-insensitive).</summary>
    public ref struct Enumerator
    {
        private readonly HeaderField _field;
        private int _index;
        private int _yielded;

        internal Enumerator(HeaderField field)
        {
            _field = field;
            _index = field.First - 1;
        }

        /// <summary>The current line.</summary>
        public readonly (int Index, string Value) Current => (_index, _field.Lines![_index].Value);

        /// <summary>Advances to the next line of the header.</summary>
        public bool MoveNext()
        {
            if (_yielded == _field.Count)
            {
                return false;
            }

            var lines = _field.Lines!;
            var name = lines[_field.First].Key;
            do
            {
                _index++;
            }
            while (!string.Equals(lines[_index].Key, name, StringComparison.OrdinalIgnoreCase));

            _yielded++;
            return true;
        }
    }
}
