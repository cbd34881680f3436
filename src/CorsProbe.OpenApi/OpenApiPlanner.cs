using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace CorsProbing.OpenApi;

/// <summary>
/// Derives, from an OpenAPI model, every way a page calls each operation: the URL (server, path and query
/// parameters), the method, the headers (header parameters, security, body type) and credentials (cookies, mutual
/// TLS), each fact with its reason. Pure: no I/O.
/// </summary>
internal static partial class OpenApiPlanner
{
    // Header parameters OpenAPI 3 says to ignore: security and the request body decide them.
    private static readonly HashSet<string> IgnoredHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type", "Authorization" };

    /// <exception cref="OpenApiDocumentException">The document gives no usable server, or names an undefined security scheme.</exception>
    public static OpenApiPlan Plan(OpenApiDocument document, DocumentTree tree, LoadedDocument loaded, PlanSettings settings)
    {
        var version = Text(tree.Root["openapi"]) ?? Text(tree.Root["swagger"]) ?? "?";
        var operations = new List<PlannedOperation>();
        var skipped = new List<string>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (httpMethod, operation) in item.Operations ?? [])
            {
                var key = httpMethod.Method.ToLowerInvariant();
                var method = httpMethod.Method.ToUpperInvariant();
                if (method is "TRACE" or "CONNECT")
                {
                    skipped.Add($"{method} {path}: fetch() cannot send {method}, so no page can call it.");
                    continue;
                }

                var location = new OpenApiLocation(
                    loaded.Name, $"/paths/{LocalReferences.Escape(path)}/{key}", tree.OperationLines.TryGetValue((path, key), out var line) ? line : null);
                var (server, serverFact) = ServerResolver.Resolve(FirstNonEmpty(operation.Servers, item.Servers, document.Servers), loaded, settings.Server, settings.Names);
                var parameters = Parameters(item.Parameters, operation.Parameters);
                var facts = new List<OpenApiRequirement> { serverFact };
                var url = Url(server, path, parameters, settings, facts);
                facts.Add(new(OpenApiRequirementKind.Method, method, null, $"the operation's method ({key} under {path})"));
                Headers(parameters, version.StartsWith('3'), settings, facts);

                var operationNode = tree.Root["paths"]?[path]?[key];
                var securities = SecurityAlternatives.Of(operation, document, operationNode, loaded.Name);
                var bodies = BodyTypes.Of(operation, method);
                foreach (var security in securities)
                {
                    foreach (var body in bodies)
                    {
                        var labels = new[] { security.Label, body.Label }.OfType<string>().ToArray();
                        operations.Add(new(
                            operation.OperationId ?? $"{method} {path}",
                            operation.OperationId,
                            method,
                            path,
                            labels.Length == 0 ? null : string.Join("; ", labels),
                            url,
                            location,
                            [.. facts, .. security.Requirements, .. body.Requirements]));
                    }
                }
            }
        }

        return new(loaded.Name, version, document.Info?.Title, operations, skipped, loaded.Location);
    }

    private static IList<OpenApiServer>? FirstNonEmpty(params IList<OpenApiServer>?[] levels) =>
        levels.FirstOrDefault(servers => servers is { Count: > 0 });

    // An operation's parameter replaces its path's parameter of the same name and location.
    private static List<IOpenApiParameter> Parameters(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel)
    {
        var own = operationLevel ?? [];
        return [.. (pathLevel ?? []).Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In)).Concat(own)];
    }

    private static string Url(Uri server, string path, List<IOpenApiParameter> parameters, PlanSettings settings, List<OpenApiRequirement> facts)
    {
        var filled = PathVariable().Replace(path, match =>
        {
            var name = match.Groups[1].Value;
            var parameter = parameters.FirstOrDefault(p => p.In == ParameterLocation.Path && p.Name == name);
            var value = parameter is not null
                ? ParameterValue.Of(parameter, settings.Parameters, settings.Names)
                : settings.Parameters.TryGetValue(name, out var given) ? new(given, "the caller's value")
                : new ParameterValue("example", $"a placeholder: the document does not describe {{{name}}}; {settings.Names.ParameterFor(name)}");
            facts.Add(new(OpenApiRequirementKind.PathParameter, name, value.Value, value.Source));
            return Uri.EscapeDataString(value.Value);
        });

        var query = new List<string>();
        foreach (var parameter in parameters.Where(p => p.In == ParameterLocation.Query && p.Name is not null))
        {
            var value = parameter.Required ? ParameterValue.Of(parameter, settings.Parameters, settings.Names)
                : settings.Parameters.ContainsKey(parameter.Name!) ? ParameterValue.Given(parameter, settings.Parameters)
                : null;
            if (value is not null)
            {
                facts.Add(new(OpenApiRequirementKind.QueryParameter, parameter.Name!, value.Value, $"{(parameter.Required ? "a required" : "an optional")} query parameter, {value.Source}"));
                query.Add(Uri.EscapeDataString(parameter.Name!) + "=" + Uri.EscapeDataString(value.Value));
            }
        }

        var separator = query.Count == 0 ? "" : server.Query.Length > 0 ? "&" : "?";
        var baseUrl = server.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return baseUrl + filled + server.Query + separator + string.Join('&', query);
    }

    private static void Headers(List<IOpenApiParameter> parameters, bool openApi3, PlanSettings settings, List<OpenApiRequirement> facts)
    {
        foreach (var parameter in parameters.Where(p => p.In is ParameterLocation.Header or ParameterLocation.Cookie && p.Name is not null))
        {
            var name = parameter.Name!;
            var kind = parameter.In == ParameterLocation.Cookie ? "cookie" : "header";
            var required = parameter.Required ? $"a required {kind} parameter" : $"an optional {kind} parameter";
            if (!parameter.Required && !settings.OptionalHeaders)
            {
                facts.Add(new(OpenApiRequirementKind.NotSent, name, null, $"{required}, left out: optional headers are not sent"));
            }
            else if (parameter.In == ParameterLocation.Cookie || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
            {
                facts.Add(new(OpenApiRequirementKind.Credentials, "include", null, $"{required} '{name}': the browser sends cookies only with credentials 'include'"));
            }
            else if (openApi3 && IgnoredHeaders.Contains(name))
            {
                facts.Add(new(OpenApiRequirementKind.NotSent, name, null, $"{required}, which OpenAPI 3 ignores: security and the request body decide {name}"));
            }
            else if (ForbiddenRequestHeaders.ReasonForName(name) is { } forbidden)
            {
                facts.Add(new(OpenApiRequirementKind.NotSent, name, null, $"{required}, which no page can send: {forbidden}"));
            }
            else if (!HttpToken.IsToken(name))
            {
                facts.Add(new(OpenApiRequirementKind.NotSent, name, null, $"{required} whose name is not a header name fetch() takes (a token)"));
            }
            else
            {
                var value = ParameterValue.Given(parameter, settings.Parameters);
                var usable = value is not null && IsByteString(value.Value) ? value : null;
                if (usable is not null && ForbiddenRequestHeaders.ReasonForHeader(name, usable.Value) is { } refused)
                {
                    facts.Add(new(OpenApiRequirementKind.NotSent, name, usable.Value, $"{required}, {usable.Source}, which no page can send: {refused}"));
                }
                else
                {
                    facts.Add(new(OpenApiRequirementKind.Header, name, usable?.Value, usable is null ? $"{required}, value unknown" : $"{required}, {usable.Source}"));
                }
            }
        }
    }

    // fetch() rejects a header value with CR, LF, NUL or a character above U+00FF; such an example is not a value a page sends.
    private static bool IsByteString(string value) =>
        value.AsSpan().IndexOfAny("\r\n\0") < 0 && !value.AsSpan().ContainsAnyExceptInRange('\0', '\u00FF');

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    [GeneratedRegex(@"\{([^{}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathVariable();
}
