using System.Runtime.CompilerServices;

namespace CorsProbing.Http;

/// <summary>
/// The default transport's plaintext connection stream (<see cref="SocketsHttpHandler.PlaintextStreamFilter"/>): passes
/// every byte through and copies each response head into the <see cref="HeadCapture"/> of the request written before
/// it. HTTP/1.x sends one request at a time on a connection, so the head read after a request's write is its answer;
/// bytes that arrive before any request are kept for the next one. When a head arrives in pieces, the stream reads the
/// rest of it ahead of .NET, so the whole head is captured even if .NET's parser gives up on the first piece.
/// </summary>
internal sealed class HeadCaptureStream(Stream inner, bool tls) : Stream
{
    private HeadCapture? _current;
    private byte[] _early = [];
    private byte[] _ahead = [];
    private int _aheadStart;
    private int _aheadEnd;
    private int _requests;

    /// <inheritdoc />
    public override bool CanRead => inner.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => inner.CanWrite;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Closes the connection.</summary>
    public void Abort() => inner.Dispose();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        if (_aheadEnd > _aheadStart)
        {
            return TakeAhead(buffer);
        }

        var read = inner.Read(buffer);
        Observe(buffer[..read], buffer.Length);
        while (read > 0 && HeadPending && Room() is { } room)
        {
            var more = inner.Read(room.Span);
            Observe(room.Span[..more], room.Length);
            _aheadEnd += more;
            if (more == 0)
            {
                break;
            }
        }

        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_aheadEnd > _aheadStart)
        {
            return ValueTask.FromResult(TakeAhead(buffer.Span));
        }

        var reading = inner.ReadAsync(buffer, cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return ObserveAsync(reading, buffer, cancellationToken);
        }

        var read = reading.Result;
        Observe(buffer.Span[..read], buffer.Length);
        return read > 0 && HeadPending ? ReadRestOfHeadAsync(read, cancellationToken) : ValueTask.FromResult(read);
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Take();
        inner.Write(buffer);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Take();
        return inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // A head still incomplete after a read that .NET asked for.
    private bool HeadPending => _current is { Complete: false, Ended: false };

    // A read that waits for the network: one per response on a kept-alive connection, so its state machine is pooled.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ObserveAsync(ValueTask<int> reading, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await reading.ConfigureAwait(false);
        Observe(buffer.Span[..read], buffer.Length);
        return read > 0 && HeadPending ? await ReadRestOfHeadAsync(read, cancellationToken).ConfigureAwait(false) : read;
    }

    // The head arrived in pieces: read on, into a side buffer .NET drains before reading the connection again, until the
    // head is whole. If .NET's parser then refuses the part it has, the capture still holds the whole head to judge.
    private async ValueTask<int> ReadRestOfHeadAsync(int read, CancellationToken cancellationToken)
    {
        while (HeadPending && Room() is { } room)
        {
            var more = await inner.ReadAsync(room, cancellationToken).ConfigureAwait(false);
            Observe(room.Span[..more], room.Length);
            _aheadEnd += more;
            if (more == 0)
            {
                break;
            }
        }

        return read;
    }

    // Free space at the end of the side buffer, grown up to the head limit; null when it is full.
    private Memory<byte>? Room()
    {
        if (_aheadEnd == _ahead.Length)
        {
            if (_ahead.Length >= HeadCapture.Limit)
            {
                return null;
            }

            Array.Resize(ref _ahead, Math.Min(Math.Max(_ahead.Length * 2, 4096), HeadCapture.Limit));
        }

        return _ahead.AsMemory(_aheadEnd);
    }

    private int TakeAhead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _aheadEnd - _aheadStart);
        _ahead.AsSpan(_aheadStart, count).CopyTo(buffer);
        _aheadStart += count;
        if (_aheadStart == _aheadEnd)
        {
            (_aheadStart, _aheadEnd) = (0, 0);
        }

        return count;
    }

    // The request being written is the one whose capture is pending on the writing flow. .NET resends a request on a
    // new connection when a kept-alive one turns out closed before any byte came back: the capture follows it there.
    private void Take()
    {
        var pending = HeadCapture.Current;
        if (pending == _current)
        {
            return;
        }

        if (pending is null || !pending.IsEmpty)
        {
            _current = null;
            return;
        }

        pending.Attach(this, reused: _requests++ > 0, tls);
        _current = pending;
        if (_early.Length > 0)
        {
            pending.Append(_early);
            _early = [];
        }
    }

    private void Observe(ReadOnlySpan<byte> read, int requested)
    {
        if (read.IsEmpty)
        {
            if (requested > 0)
            {
                _current?.End();
            }

            return;
        }

        if (_current is null)
        {
            // Only bytes that come before the first request belong to it; any others belong to no request.
            if (_requests == 0 && _early.Length < WireHeadParser.MaxHeadBytes)
            {
                _early = [.. _early, .. read];
            }

            return;
        }

        _current.Append(read);
    }
}
