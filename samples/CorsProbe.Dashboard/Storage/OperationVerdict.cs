namespace CorsProbing.Dashboard.Storage;

/// <summary>The last verdict of one way of calling one operation of an API registered by its OpenAPI document.</summary>
/// <param name="Label">The operation as the report names it: <c>POST /quests (createQuest; body: application/json)</c>.</param>
/// <param name="Method">Its method.</param>
/// <param name="Url">The URL probed.</param>
/// <param name="Location">Where it is in the document (<c>document:line</c>).</param>
/// <param name="Verdict">Its verdict under the API's profile.</param>
/// <param name="ErrorCodes">The codes of its findings that are errors under that profile.</param>
public sealed record OperationVerdict(string Label, string Method, string Url, string Location, CorsVerdict Verdict, IReadOnlyList<string> ErrorCodes);
