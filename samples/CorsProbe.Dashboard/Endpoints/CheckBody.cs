using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using CorsProbing.Dashboard.Checks;

namespace CorsProbing.Dashboard.Endpoints;

/// <summary>
/// Reads a <see cref="CheckRequest"/> (or an <see cref="OpenApiRegistration"/>) from a request body within the configured
/// size, turning anything else (no JSON, junk, too large) into a problem that says what was wrong, never an empty 400.
/// </summary>
internal static class CheckBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task<(CheckRequest? Request, IResult? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken) =>
        ReadAsync<CheckRequest>(context, "{\"url\": \"https://api.example.com/quests\", \"methods\": [\"GET\"]}", cancellationToken);

    public static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpContext context, string example, CancellationToken cancellationToken)
        where T : class
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.MaxRequestBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (!context.Request.HasJsonContentType())
        {
            return (null, Invalid("body", $"Send the request as JSON (Content-Type: application/json), e.g. {example}."));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var request = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return request is null ? (null, Invalid("body", $"The body is JSON null; send an object such as {example}.")) : (request, null);
        }
        catch (JsonException exception)
        {
            return (null, Invalid("body", $"The body is not a request of this endpoint, such as {example}: {exception.Message}"));
        }
    }

    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The check request is not valid.");

    private static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(
            $"The request body is larger than {limit:N0} bytes; a check request is a URL, an origin, methods and headers.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request is too large.");
}
