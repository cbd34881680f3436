namespace CorsProbing.OpenApi;

/// <summary>
/// The OpenAPI document cannot be probed: it cannot be read, is not an OpenAPI document, refers to something it does not
/// contain, or gives no server to resolve its paths against. The message names the problem, and where it is, in the
/// reader's words; nothing was probed.
/// </summary>
public sealed class OpenApiDocumentException : Exception
{
    /// <summary>Creates the exception with no message (serializers); prefer the constructors that name the problem.</summary>
    public OpenApiDocumentException()
        : this("The OpenAPI document cannot be probed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The problem, naming where it is and, when there is one, the setting that fixes it.</param>
    public OpenApiDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    /// <param name="message">The problem, naming where it is and, when there is one, the setting that fixes it.</param>
    /// <param name="innerException">The failure reading the document.</param>
    public OpenApiDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
