namespace CorsProbing.Conformance.Oracle;

/// <summary>What the case server saw one client send for one case.</summary>
public sealed class CaseObservation
{
    private readonly object _gate = new();
    private readonly List<(string? Method, string? Headers)> _preflights = [];

    /// <summary>The preflight's <c>Access-Control-Request-Method</c>, or null when no preflight arrived.</summary>
    public string? PreflightMethod { get; private set; }

    /// <summary>The preflight's <c>Access-Control-Request-Headers</c>, or null when absent.</summary>
    public string? PreflightHeaders { get; private set; }

    /// <summary>Every preflight that arrived: its <c>Access-Control-Request-Method</c> and <c>-Headers</c>.</summary>
    public IReadOnlyList<(string? Method, string? Headers)> Preflights
    {
        get
        {
            lock (_gate)
            {
                return [.. _preflights];
            }
        }
    }

    /// <summary>Whether a preflight arrived.</summary>
    public bool PreflightSeen { get; private set; }

    /// <summary>Whether the actual request arrived.</summary>
    public bool ActualSeen { get; private set; }

    /// <summary>The actual request's header lines, or empty when it did not arrive.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ActualHeaders { get; private set; } = [];

    /// <summary>Records a preflight.</summary>
    public void Preflight(string? method, string? headers)
    {
        lock (_gate)
        {
            PreflightSeen = true;
            _preflights.Add((method, headers));
            PreflightMethod = method;
            PreflightHeaders = headers;
        }
    }

    /// <summary>Records the actual request and its header lines.</summary>
    public void Actual(IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        lock (_gate)
        {
            ActualSeen = true;
            ActualHeaders = headers;
        }
    }
}
