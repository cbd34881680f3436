namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>A test class with a dashboard of its own (default test settings) and a client of its API.</summary>
public abstract class DashboardTest : IAsyncLifetime
{
    protected DashboardFactory Dashboard { get; } = new();

    protected HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Dashboard.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Dashboard.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
