namespace CorsProbing.Conformance.Cases;

/// <summary>How the preflight answer writes its header lines.</summary>
public enum NameStyle
{
    /// <summary><c>Access-Control-Allow-Origin: value</c>.</summary>
    Canonical,

    /// <summary><c>access-control-allow-origin: value</c>.</summary>
    LowerCase,

    /// <summary><c>ACCESS-CONTROL-ALLOW-ORIGIN: value</c>.</summary>
    UpperCase,

    /// <summary><c>Access-Control-Allow-Origin: \t value \t</c>: tabs and spaces around every value.</summary>
    RawWhitespace,
}
