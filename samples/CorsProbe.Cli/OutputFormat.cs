namespace CorsProbing.Cli;

/// <summary>What the command writes to standard output.</summary>
public enum OutputFormat
{
    /// <summary>Tables on a terminal, plain text otherwise.</summary>
    Text,

    /// <summary>The documented JSON shape (<c>--json</c>).</summary>
    Json,

    /// <summary>A SARIF 2.1.0 log, for code scanning (<c>--sarif</c>).</summary>
    Sarif,
}
