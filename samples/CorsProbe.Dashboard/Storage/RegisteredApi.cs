namespace CorsProbing.Dashboard.Storage;

/// <summary>An API a customer registered, with what it must allow and how its last check went.</summary>
/// <param name="Id">The store's key.</param>
/// <param name="Account">The account it belongs to: only that account sees it.</param>
/// <param name="Url">The probed URL, as CorsProbe normalized it (for a document, the document's URL).</param>
/// <param name="Origin">The origin the platform calls it from.</param>
/// <param name="Methods">The methods it must allow.</param>
/// <param name="Headers">The headers it must allow, each <c>Name</c> or <c>Name: value</c>.</param>
/// <param name="Credentials">Whether calls send credentials.</param>
/// <param name="Profile">The profile that decides its verdict.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="NextCheckAt">When the watch checks it next.</param>
/// <param name="LastVerdict">The verdict of its last check.</param>
/// <param name="LastCheckedAt">When it was last checked.</param>
/// <param name="Alert">Set when the verdict went from Allowed to Denied: what changed; cleared when it is Allowed again.</param>
/// <param name="Kind">A URL, or an OpenAPI document's URL whose every operation is watched.</param>
/// <param name="Operations">For a document, each operation's last verdict, in the document's order; empty for a URL.</param>
public sealed record RegisteredApi(
    long Id,
    string Account,
    string Url,
    string Origin,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Headers,
    bool Credentials,
    string Profile,
    DateTimeOffset RegisteredAt,
    DateTimeOffset NextCheckAt,
    CorsVerdict? LastVerdict,
    DateTimeOffset? LastCheckedAt,
    string? Alert,
    ApiKind Kind,
    IReadOnlyList<OperationVerdict> Operations);
