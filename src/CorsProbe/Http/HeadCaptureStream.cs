namespace CorsProbing.Http;

/// <summary>
/// The default transport's plaintext connection stream (<see cref="SocketsHttpHandler.PlaintextStreamFilter"/>): passes
/// every byte through and copies each response head into the <see cref="HeadCapture"/> of the request written before
/// it. HTTP/1.x sends one request at a time on a connection, so the head read after a request's write is its answer;
/// bytes that arrive before any request are kept for the next one.
/// </summary>
internal sealed class HeadCaptureStream(Stream inner, bool tls) : Stream
{
    private HeadCapture? _current;
    private byte[] _early = [];
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
        var read = inner.Read(buffer);
        Observe(buffer[..read], buffer.Length);
        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var reading = inner.ReadAsync(buffer, cancellationToken);
        if (!reading.IsCompletedSuccessfully)
        {
            return ObserveAsync(reading, buffer);
        }

        var read = reading.Result;
        Observe(buffer.Span[..read], buffer.Length);
        return ValueTask.FromResult(read);
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

    // Every read of a connection that waits for the network passes here: the state machine is pooled, not allocated.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ObserveAsync(ValueTask<int> reading, Memory<byte> buffer)
    {
        var read = await reading.ConfigureAwait(false);
        Observe(buffer.Span[..read], buffer.Length);
        return read;
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
