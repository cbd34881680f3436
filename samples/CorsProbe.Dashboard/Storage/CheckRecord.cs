namespace CorsProbing.Dashboard.Storage;

/// <summary>One check of a registered API, as its history shows it.</summary>
/// <param name="Id">The store's key.</param>
/// <param name="CheckedAt">When the check ran.</param>
/// <param name="Verdict">The verdict under the API's profile.</param>
/// <param name="ErrorCodes">The codes of the findings that are errors under that profile.</param>
/// <param name="Summary">The first such finding (code, title and message), or "Allowed".</param>
public sealed record CheckRecord(long Id, DateTimeOffset CheckedAt, CorsVerdict Verdict, IReadOnlyList<string> ErrorCodes, string Summary);
