using CorsProbing.Evaluation;

namespace CorsProbing.Reporting;

/// <summary>Header values as messages quote them. Only called for findings that are reported.</summary>
internal static class HeaderText
{
    /// <summary><c>`Name: value`</c> (with the number of lines when several), or <c>no Name header</c> when absent.</summary>
    public static string Describe(string name, HeaderValue field)
    {
        var value = field.Combined;
        if (value is null)
        {
            return $"no {name} header";
        }

        var suffix = field.Values.Length > 1 ? $" ({field.Values.Length} header lines)" : string.Empty;
        return $"`{name}: {Requirements.Printable.Escape(value)}`{suffix}";
    }
}
