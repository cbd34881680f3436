namespace CorsProbing.Dashboard.Storage;

/// <summary>How an API was registered, which decides how the watch checks it.</summary>
public enum ApiKind
{
    /// <summary>A URL with the methods and headers a page uses: one probe.</summary>
    Url,

    /// <summary>An OpenAPI document's URL: every operation it describes, probed as a page calls each.</summary>
    OpenApi,
}
