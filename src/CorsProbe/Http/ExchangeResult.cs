namespace CorsProbing.Http;

/// <summary>What one request brought back: a response snapshot or a failure, and how long it took.</summary>
/// <param name="Response">The response, or <see langword="null"/> when none arrived.</param>
/// <param name="Failure">Why none arrived, or <see langword="null"/>.</param>
/// <param name="Elapsed">Time to the response headers, or to giving up.</param>
internal readonly record struct ExchangeResult(ResponseSnapshot? Response, ExchangeFailure? Failure, TimeSpan Elapsed);
