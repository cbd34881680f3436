using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// A customer's API on loopback whose CORS setup a test changes while the dashboard watches it: it allows
/// <c>Content-Type</c> until <see cref="AllowsContentType"/> is cleared (a deploy that drops the header from the list);
/// <c>/moved</c> redirects into loopback; <c>/openapi.json</c> describes it (listing quests, creating one with a JSON body,
/// deleting one, which the setup never allows).
/// </summary>
public sealed class SwitchableCorsApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _allowsContentType = true;

    private SwitchableCorsApi(WebApplication app) => _app = app;

    /// <summary>Whether <c>Access-Control-Allow-Headers</c> lists <c>Content-Type</c>.</summary>
    public bool AllowsContentType
    {
        get => _allowsContentType;
        set => _allowsContentType = value;
    }

    /// <summary>The API's origin, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin { get; private init; } = string.Empty;

    /// <summary>The endpoint the tests register.</summary>
    public string Url => Origin + "/quests";

    /// <summary>The API's OpenAPI document, served from its own origin (so its relative server is that origin).</summary>
    public string DocumentUrl => Origin + "/openapi.json";

    /// <summary>The document's operations, as reports label them, in its order.</summary>
    public static readonly string[] Operations = ["GET /quests (listQuests)", "POST /quests (createQuest)", "DELETE /quests/{id} (deleteQuest)"];

    private const string Document = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Quests", "version": "1" },
          "paths": {
            "/quests": {
              "get": { "operationId": "listQuests", "responses": { "200": { "description": "The quests." } } },
              "post": {
                "operationId": "createQuest",
                "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } },
                "responses": { "201": { "description": "Created." } }
              }
            },
            "/quests/{id}": {
              "delete": {
                "operationId": "deleteQuest",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" }, "example": 7 }],
                "responses": { "204": { "description": "Deleted." } }
              }
            }
          }
        }
        """;

    public static async Task<SwitchableCorsApi> StartAsync()
    {
        SwitchableCorsApi? api = null;
        var (app, address) = await LoopbackKestrel.StartAsync(null, pipeline => pipeline.Run(context =>
        {
            if (context.Request.Path == "/openapi.json")
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(Document);
            }

            if (context.Request.Path == "/moved")
            {
                // A redirect into the platform's own network (port 9 on loopback).
                context.Response.Headers.AccessControlAllowOrigin = "*";
                context.Response.Headers.Location = "http://127.0.0.1:9/internal";
                context.Response.StatusCode = StatusCodes.Status302Found;
                return Task.CompletedTask;
            }

            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.AccessControlAllowMethods = "GET, POST";
            if (api!.AllowsContentType)
            {
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
            }

            context.Response.StatusCode = HttpMethods.IsOptions(context.Request.Method) ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
            return Task.CompletedTask;
        }));
        api = new SwitchableCorsApi(app) { Origin = new Uri(address).GetLeftPart(UriPartial.Authority) };
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
