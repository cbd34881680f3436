namespace CorsProbing.Requirements;

/// <summary>
/// The type and subtype steps of the MIME Sniffing standard's strict "parse a MIME type" (not the lenient
/// "extract a MIME type"): parameters never make the parse fail, so only the essence matters here.
/// </summary>
internal static class MimeTypeEssence
{
    /// <summary>Parses <paramref name="value"/>; on success returns the type and subtype (case as given).</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out ReadOnlySpan<char> type, out ReadOnlySpan<char> subtype)
    {
        type = default;
        subtype = default;

        value = value.Trim(HttpWhitespace.Fetch);
        var slash = value.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var candidateType = value[..slash];
        if (!HttpToken.IsToken(candidateType))
        {
            return false;
        }

        var afterSlash = value[(slash + 1)..];
        var semicolon = afterSlash.IndexOf(';');
        var candidateSubtype = (semicolon < 0 ? afterSlash : afterSlash[..semicolon]).TrimEnd(HttpWhitespace.Fetch);
        if (!HttpToken.IsToken(candidateSubtype))
        {
            return false;
        }

        type = candidateType;
        subtype = candidateSubtype;
        return true;
    }
}
