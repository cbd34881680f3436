namespace CorsProbing.Http;

/// <summary>How a group of engines reads one response's bytes: the snapshot they judge, or why they fail the request.</summary>
/// <param name="Engines">The engines that read the bytes this way.</param>
/// <param name="Response">The response as they read it, or null when they refuse it.</param>
/// <param name="Failure">Why they fail the request, or null.</param>
internal readonly record struct HeadReading(EngineSet Engines, ResponseSnapshot? Response, ExchangeFailure? Failure);
