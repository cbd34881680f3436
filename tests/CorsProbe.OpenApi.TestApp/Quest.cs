namespace CorsProbing.OpenApi.TestApp;

/// <summary>A quest on the dashboard.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">What to do.</param>
public sealed record Quest(int Id, string Name);
