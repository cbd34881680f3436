namespace CorsProbing.Tests.Evaluation;

/// <summary>
/// The deliberately simple list parser the tokenizer is checked against.
/// </summary>
internal static class ReferenceListParser
{
    /// <summary>Every tchar, written out here rather than taken from the code under test.</summary>
    public const string TokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Fetch "get" joins lines with ", "; split on every comma; trim SP/HTAB; drop empty; all tokens.</summary>
    public static (bool Valid, List<string> Items) Parse(params string[] lines)
    {
        var items = string.Join(", ", lines).Split(',').Select(i => i.Trim(' ', '\t')).Where(i => i.Length > 0).ToList();
        var valid = items.All(i => i.All(c => TokenChars.Contains(c)));
        return (valid, items);
    }
}
