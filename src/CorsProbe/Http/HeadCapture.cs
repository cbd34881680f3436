using System.Buffers;

namespace CorsProbing.Http;

/// <summary>
/// The raw bytes of one response head, as the default transport's connection delivered them (see
/// <see cref="HeadCaptureStream"/>). The exchange stage makes one per request and reads it after the handler returned
/// or threw, so the response is judged by browsers' parsing rules rather than by .NET's.
/// </summary>
internal sealed class HeadCapture
{
    /// <summary>The most bytes kept for one response: browsers' limit, and room for interim responses before the head.</summary>
    internal const int Limit = WireHeadParser.MaxHeadBytes + 4096;

    private static readonly AsyncLocal<HeadCapture?> Pending = new();

    private byte[] _buffer = [];
    private int _length;
    private bool _pooled;
    private HeadCaptureStream? _connection;

    /// <summary>The capture the request being sent on this flow belongs to; the connection takes it when the request is written.</summary>
    public static HeadCapture? Current
    {
        get => Pending.Value;
        set => Pending.Value = value;
    }

    /// <summary>The request was written on a connection that had carried an earlier request.</summary>
    public bool ConnectionReused { get; private set; }

    /// <summary>The connection was HTTPS.</summary>
    public bool Tls { get; private set; }

    /// <summary>The connection closed while (or before) the head was read.</summary>
    public bool Ended { get; private set; }

    /// <summary>The final head has arrived, or enough bytes to judge it.</summary>
    public bool Complete { get; private set; }

    /// <summary>A connection took this capture: the request went out over the default transport.</summary>
    public bool Attached => _connection is not null;

    /// <summary>No byte of the response has arrived.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>Every byte of the head read so far (interim responses included, body excluded).</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <summary>Closes the connection the response came on, so a malformed answer is never followed by another request on it.</summary>
    public void CloseConnection() => _connection?.Abort();

    /// <summary>The connection took this capture for the request it is writing (again, when .NET resends it on another connection).</summary>
    internal void Attach(HeadCaptureStream connection, bool reused, bool tls)
    {
        Ended = false;
        _connection = connection;
        ConnectionReused = reused;
        Tls = tls;
    }

    /// <summary>Bytes the connection read; those after the head (the body) are not kept.</summary>
    internal void Append(ReadOnlySpan<byte> bytes)
    {
        if (Complete)
        {
            return;
        }

        // Most heads arrive whole in the first read, with some body after them: keep exactly the head, in a pooled
        // buffer (nothing is appended to a complete capture, so Release can return it).
        if (_length == 0 && WireHeadParser.FinalHeadEnd(bytes) is var whole and >= 0)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(whole);
            _pooled = true;
            bytes[..whole].CopyTo(_buffer);
            _length = whole;
            Complete = true;
            return;
        }

        var taken = bytes[..Math.Min(bytes.Length, Limit - _length)];
        if (_buffer.Length < _length + taken.Length)
        {
            Array.Resize(ref _buffer, Math.Min(Math.Max(_buffer.Length * 2, _length + taken.Length), Limit));
        }

        taken.CopyTo(_buffer.AsSpan(_length));
        _length += taken.Length;
        var end = WireHeadParser.FinalHeadEnd(Bytes);
        if (end >= 0 || _length >= Limit)
        {
            _length = end >= 0 ? end : _length;
            Complete = true;
        }
    }

    /// <summary>The connection reached its end.</summary>
    internal void End() => Ended = true;

    /// <summary>
    /// The exchange is done with the bytes: a pooled buffer goes back to the pool. Only a complete capture holds one,
    /// and the connection appends nothing to a complete capture, so no read can race with this.
    /// </summary>
    public void Release()
    {
        if (_pooled)
        {
            _pooled = false;
            ArrayPool<byte>.Shared.Return(_buffer);
            (_buffer, _length) = ([], 0);
        }
    }
}
