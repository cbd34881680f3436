namespace CorsProbing.OpenApi.Tests;

/// <summary>The derivation alone, for a document written in the test: what each way of calling each operation sends.</summary>
internal static class Plans
{
    public static readonly Uri DocumentUrl = new("https://api.example/openapi.yaml");

    public static Task<OpenApiPlan> OfAsync(string document, Func<OpenApiProbeBuilder, OpenApiProbeBuilder>? configure = null, Uri? documentUrl = null) =>
        (configure ?? (b => b))(OpenApiProbe.FromText(document, documentUrl ?? DocumentUrl).WithOrigin("https://app.example"))
            .PlanAsync(TestContext.Current.CancellationToken);

    /// <summary>A 3.0 document with one path whose item is <paramref name="pathItem"/>, indented under the path, and <paramref name="rest"/> after it.</summary>
    public static string Document(string pathItem, string rest = "", string servers = "servers:\n  - url: https://api.example\n", string path = "/items") =>
        $"openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n{servers}paths:\n  {path}:\n{Indent(pathItem, 4)}{rest}";

    public static string Indent(string text, int spaces) =>
        string.Concat(text.Split('\n').Where(line => line.Length > 0).Select(line => new string(' ', spaces) + line + "\n"));

    public static IEnumerable<OpenApiRequirement> Of(this PlannedOperation operation, OpenApiRequirementKind kind) =>
        operation.Requirements.Where(r => r.Kind == kind);
}
