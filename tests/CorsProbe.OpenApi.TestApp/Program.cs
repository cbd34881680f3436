using CorsProbing.OpenApi.TestApp;

// The quests API of a team: its CORS policy lets the dashboard read and create quests, not delete them.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi();
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .WithOrigins("https://dashboard.galxe.com")
    .WithMethods("GET", "POST")
    .WithHeaders("Content-Type")));

var app = builder.Build();
app.UseCors();
app.MapOpenApi();
app.MapGet("/quests", () => new[] { new Quest(1, "Join the Discord") }).WithName("listQuests");
app.MapGet("/quests/{id:int}", (int id) => new Quest(id, "Join the Discord")).WithName("getQuest");
app.MapPost("/quests", (Quest quest) => TypedResults.Created($"/quests/{quest.Id}", quest)).WithName("createQuest");
app.MapDelete("/quests/{id:int}", (int id) => TypedResults.NoContent()).WithName("deleteQuest");
app.Run();

/// <summary>The app's entry point, public for WebApplicationFactory.</summary>
public partial class Program;
