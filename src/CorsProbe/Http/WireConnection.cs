using System.Buffers.Text;

namespace CorsProbing.Http;

/// <summary>
/// One HTTP/1.1 connection of the default transport, opened by <see cref="WireConnector"/>: it writes a
/// request head, reads the response head into its own buffer up to browsers' limit, and skips the body by its framing
/// so the connection can carry the next request. One request at a time; the pool hands it to one exchange at a time.
/// </summary>
internal sealed class WireConnection : IDisposable
{
    /// <summary>The most bytes read for one response head: the largest engine limit, and room for interim responses before it.</summary>
    public const int MaxHeadBytes = WireRules.ChromiumMaxHeadBytes + 4096;

    private const int InitialBuffer = 4096;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private byte[] _buffer = new byte[InitialBuffer];
    private byte[] _head = [];
    private int _start;
    private int _end;

    /// <summary>A connection over <paramref name="stream"/> (<paramref name="socket"/>'s, with TLS when <paramref name="tls"/>), opened at <paramref name="opened"/>.</summary>
    public WireConnection(Socket socket, Stream stream, bool tls, long opened)
    {
        _socket = socket;
        _stream = stream;
        Tls = tls;
        Opened = opened;
    }

    /// <summary>Where the readings of the head just read gather its lines (the connection carries one exchange at a time).</summary>
    public List<KeyValuePair<string, string>> Fields { get; } = new(16);

    /// <summary>The connection is HTTPS.</summary>
    public bool Tls { get; }

    /// <summary>When it was opened (a <see cref="TimeProvider"/> timestamp of the system clock).</summary>
    public long Opened { get; }

    /// <summary>When it was last put back idle.</summary>
    public long IdleSince { get; set; }

    /// <summary>The bytes of the response read so far that were not consumed.</summary>
    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    /// <summary>
    /// Whether an idle connection can carry another request: nothing arrived on it while it was idle (a server that closed
    /// it, or sent bytes no request asked for, makes it readable), and no byte of an earlier response is left over.
    /// </summary>
    public bool IsIdleAndOpen()
    {
        try
        {
            return _start == _end && !_socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Writes the head of <paramref name="request"/>, then its body when it has one.</summary>
    public async ValueTask WriteAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        var length = RequestHead.Format(request, ref _head);
        await _stream.WriteAsync(_head.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        if (!request.Body.IsEmpty)
        {
            await _stream.WriteAsync(request.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads until <see cref="Buffered"/> holds the final response head (interim responses before it), the connection
    /// ends, or <see cref="MaxHeadBytes"/> arrived. Returns how many buffered bytes are the head (all of them when the
    /// head did not end) and whether the connection ended.
    /// </summary>
    public async Task<(int HeadLength, bool Ended)> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (WireHeadParser.FinalHeadEnd(Buffered) is var end and >= 0)
            {
                return (end, false);
            }

            if (_end - _start >= MaxHeadBytes)
            {
                return (_end - _start, false);
            }

            var read = await ReadMoreAsync(MaxHeadBytes, cancellationToken).ConfigureAwait(false);
            _end += read;
            if (read == 0)
            {
                return (_end - _start, true);
            }
        }
    }

    /// <summary>
    /// Reads, without consuming, until <see cref="Buffered"/> holds <paramref name="wanted"/> bytes or the connection
    /// ends: whether it ended first. Stops at <see cref="BodyFraming.MaxSkippedBytes"/> and returns false, since what
    /// follows is not known.
    /// </summary>
    public async Task<bool> EndsBeforeAsync(long wanted, CancellationToken cancellationToken)
    {
        var bound = Math.Min(wanted, BodyFraming.MaxSkippedBytes);
        while (_end - _start < bound)
        {
            var read = await ReadMoreAsync(MaxHeadBytes, cancellationToken).ConfigureAwait(false);
            _end += read;
            if (read == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks <paramref name="count"/> buffered bytes as read.</summary>
    public void Consume(int count) => _start += count;

    /// <summary>
    /// Skips the body the head announced. True when it was skipped whole and nothing follows it, so the connection can
    /// carry another request; false when it could not be (cut short, malformed chunks, too large).
    /// </summary>
    public async Task<bool> SkipBodyAsync(BodyFraming framing, CancellationToken cancellationToken)
    {
        var skipped = framing.Chunked
            ? await SkipChunksAsync(cancellationToken).ConfigureAwait(false)
            : await SkipAsync(framing.Length, cancellationToken).ConfigureAwait(false);
        if (!skipped || _start != _end)
        {
            return false;
        }

        // The buffers go back to their first size, so an idle connection does not hold a large head's memory.
        (_start, _end) = (0, 0);
        if (_buffer.Length > InitialBuffer)
        {
            _buffer = new byte[InitialBuffer];
        }

        Fields.Clear();
        Fields.Capacity = Math.Min(Fields.Capacity, 64);

        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private async Task<bool> SkipAsync(long length, CancellationToken cancellationToken)
    {
        while (length > 0)
        {
            if (_start == _end)
            {
                var read = await ReadMoreAsync(InitialBuffer, cancellationToken).ConfigureAwait(false);
                _end += read;
                if (read == 0)
                {
                    return false;
                }
            }

            var taken = (int)Math.Min(length, _end - _start);
            _start += taken;
            length -= taken;
        }

        return true;
    }

    // RFC 9112, "Chunked Transfer Coding": chunk-size [; extensions] CRLF, data CRLF, ..., 0 CRLF, trailer lines, CRLF.
    private async Task<bool> SkipChunksAsync(CancellationToken cancellationToken)
    {
        var total = 0L;
        while (true)
        {
            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { } read)
            {
                return false;
            }

            var line = read.Span;
            var digits = line.IndexOfAny((byte)';', (byte)' ', (byte)'\t') is var stop and >= 0 ? line[..stop] : line;
            if (!Utf8Parser.TryParse(digits, out long size, out var used, 'x') || used != digits.Length || size < 0)
            {
                return false;
            }

            total += size;
            if (total > BodyFraming.MaxSkippedBytes)
            {
                return false;
            }

            if (size == 0)
            {
                // Trailer lines, up to the empty line that ends the message.
                while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } trailer)
                {
                    if (trailer.IsEmpty)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (!await SkipAsync(size, cancellationToken).ConfigureAwait(false) || await ReadLineAsync(cancellationToken).ConfigureAwait(false) is not { IsEmpty: true })
            {
                return false;
            }
        }
    }

    // The next line (without its CRLF or LF) as bytes that stay valid until the next read, or null at the end of the
    // connection or past a line longer than any chunk line needs.
    private async Task<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Buffered.IndexOf((byte)'\n') is var lf and >= 0)
            {
                var line = _buffer.AsMemory(_start, lf);
                _start += lf + 1;
                return line.Span.EndsWith("\r"u8) ? line[..^1] : line;
            }

            if (_end - _start > 1024)
            {
                return null;
            }

            var read = await ReadMoreAsync(InitialBuffer, cancellationToken).ConfigureAwait(false);
            _end += read;
            if (read == 0)
            {
                return null;
            }
        }
    }

    // Reads once more into the buffer (compacted, or grown up to `limit`): the bytes read, which the caller adds to
    // _end; 0 at the end of the connection.
    private ValueTask<int> ReadMoreAsync(int limit, CancellationToken cancellationToken)
    {
        if (_start > 0 && _end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_start, _end) = (0, _end - _start);
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length, Math.Min(_buffer.Length * 2, limit)));
        }

        return _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
    }
}
