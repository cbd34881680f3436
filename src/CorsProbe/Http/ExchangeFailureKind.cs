namespace CorsProbing.Http;

/// <summary>The kinds of <see cref="ExchangeFailure"/>.</summary>
internal enum ExchangeFailureKind
{
    /// <summary>DNS, connection, TLS or protocol failure (CORS001).</summary>
    Failed = 0,

    /// <summary>The probe's time limit ran out, or the caller's <see cref="HttpClient.Timeout"/> (CORS002).</summary>
    TimedOut = 1,

    /// <summary>The network policy refused the target's address; nothing was sent (CORS016).</summary>
    AddressRefused = 2,

    /// <summary>A response arrived but browsers refuse its bytes (a NUL byte, conflicting lengths, …) (CORS019).</summary>
    MalformedResponse = 3,

    /// <summary>
    /// The handler or client the caller supplied threw instead of answering (a mock without a match for the request):
    /// nothing is known of the target (CORS001, with the fix in the caller's handler).
    /// </summary>
    HandlerFailed = 4,
}
