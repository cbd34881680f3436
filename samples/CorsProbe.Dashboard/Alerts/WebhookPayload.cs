using System.Text;
using System.Text.Json;
using CorsProbing.Dashboard.Storage;

namespace CorsProbing.Dashboard.Alerts;

/// <summary>
/// The JSON a webhook receives for one transition: the idempotency key, the API, the transition, the findings that are
/// errors under the API's profile, and the whole report (<see cref="CorsReport.ToJson"/>, or for an API registered by
/// its OpenAPI document, <see cref="CorsProbing.OpenApi.OpenApiCorsReport.ToJson"/>).
/// </summary>
internal static class WebhookPayload
{
    public static string Create(RegisteredApi api, VerdictTransition transition, IReadOnlyList<CorsFinding> errors, string reportJson, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("idempotencyKey", transition.IdempotencyKey);
            json.WriteString("account", api.Account);
            json.WriteStartObject("api");
            json.WriteNumber("id", api.Id);
            json.WriteString("url", api.Url);
            json.WriteString("kind", api.Kind.ToString());
            json.WriteString("origin", api.Origin);
            json.WriteString("profile", api.Profile);
            json.WriteEndObject();
            json.WriteStartObject("transition");
            json.WriteString("from", transition.From.ToString());
            json.WriteString("to", transition.To.ToString());
            json.WriteString("at", now.UtcDateTime);
            json.WriteString("alert", transition.Alert);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in errors)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("title", finding.Title);
                json.WriteString("message", finding.Message);
                json.WriteString("remedy", finding.Remedy);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("report");
            json.WriteRawValue(reportJson);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
