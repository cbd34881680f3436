namespace CorsProbing.Http;

/// <summary>Why a request got no response, as the exchange stage saw it.</summary>
/// <param name="Kind">The kind of failure, which decides the finding.</param>
/// <param name="Description">What happened, in words an API owner can act on.</param>
/// <param name="Limit">For <see cref="ExchangeFailureKind.TimedOut"/>, the time limit that ran out.</param>
internal sealed record ExchangeFailure(ExchangeFailureKind Kind, string Description, TimeSpan Limit = default)
{
    /// <summary>The failure was found in the raw bytes of a response (<see cref="ExchangeFailureKind.MalformedResponse"/>).</summary>
    public bool RawBytesRead { get; init; }

    /// <summary>
    /// No connection to the target could be made: the name did not resolve, the connection was refused, the TLS
    /// handshake failed, or the time ran out while connecting. Another request to the same host would fare the same.
    /// </summary>
    public bool NoConnection { get; init; }

    /// <summary>For <see cref="ExchangeFailureKind.AddressRefused"/>: the class of the address the network policy refused.</summary>
    public Safety.AddressClass? RefusedClass { get; init; }
}
