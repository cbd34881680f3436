namespace CorsProbing.Http;

/// <summary>
/// The probe's time ran out before a connection to the target was made (the TCP connect or the TLS handshake): no
/// request reached it. A cancellation, so the exchange maps it as it maps the probe's timeout, and notes that no
/// connection was made.
/// </summary>
internal sealed class ConnectTimeoutException(string message, Exception inner) : OperationCanceledException(message, inner);
