namespace CorsProbing.Evaluation;

/// <summary>A list header as <see cref="HeaderList"/> reads it.</summary>
/// <param name="Elements">The elements, in order, up to the first one that is not a token.</param>
/// <param name="Invalid">The first element that is not a token (the header is then invalid), or null.</param>
internal sealed record ListValue(IReadOnlyList<string> Elements, string? Invalid)
{
    /// <summary>An absent header: valid, and empty.</summary>
    public static ListValue Empty { get; } = new([], null);
}
