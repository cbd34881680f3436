using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CorsProbing.Dashboard.Tests;

/// <summary>The SQLite store on a real file in a temporary folder.</summary>
public sealed class StoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("corsprobe-store-").FullName;
    private SwitchableCorsApi _api = null!;

    public async ValueTask InitializeAsync() => _api = await SwitchableCorsApi.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_file_and_its_folder_are_created_on_first_use_and_kept()
    {
        var path = Path.Combine(_folder, "data", "nested", "dashboard.db");

        var store = new ApiStore(path);

        File.Exists(path).Should().BeTrue();
        store.List().Should().BeEmpty();
        new ApiStore(path).CanRead().Should().BeTrue("opening an existing file keeps it");
    }

    [Fact]
    public async Task An_allowed_api_that_becomes_denied_is_marked_with_the_finding_that_changed_and_cleared_when_allowed_again()
    {
        var store = new ApiStore(Path.Combine(_folder, "dashboard.db"));
        var api = store.Register(await ProbeAsync(), ["GET", "POST"], ["Content-Type"], Noon);
        api.LastVerdict.Should().Be(CorsVerdict.Allowed);

        _api.AllowsContentType = false;
        var denied = store.RecordCheck(api.Id, await ProbeAsync(), Noon.AddMinutes(10))!;

        denied.LastVerdict.Should().Be(CorsVerdict.Denied);
        denied.Alert.Should().StartWith("Allowed → Denied at 2026-12-01 12:10 UTC: CORS013");
        store.RecordCheck(api.Id, await ProbeAsync(), Noon.AddMinutes(20))!.Alert.Should().Be(denied.Alert, "the mark stays while it is denied");

        _api.AllowsContentType = true;
        store.RecordCheck(api.Id, await ProbeAsync(), Noon.AddMinutes(30))!.Alert.Should().BeNull();
        store.History(api.Id).Select(c => c.Verdict).Should().Equal(CorsVerdict.Allowed, CorsVerdict.Denied, CorsVerdict.Denied, CorsVerdict.Allowed);
        store.History(api.Id)[1].ErrorCodes.Should().Contain(CorsFindingCodes.HeaderNotAllowed);
        store.History(api.Id)[2].CheckedAt.Should().Be(Noon.AddMinutes(10));
    }

    [Fact]
    public async Task History_keeps_the_last_fifty_checks()
    {
        var store = new ApiStore(Path.Combine(_folder, "dashboard.db"));
        var report = await ProbeAsync();
        var api = store.Register(report, ["GET"], [], Noon);

        for (var i = 1; i <= ApiStore.HistoryLength + 5; i++)
        {
            store.RecordCheck(api.Id, report, Noon.AddMinutes(i));
        }

        var history = store.History(api.Id);
        history.Should().HaveCount(ApiStore.HistoryLength);
        history[0].CheckedAt.Should().Be(Noon.AddMinutes(ApiStore.HistoryLength + 5));
    }

    [Fact]
    public async Task A_check_of_a_removed_api_is_not_recorded()
    {
        var store = new ApiStore(Path.Combine(_folder, "dashboard.db"));
        var api = store.Register(await ProbeAsync(), ["GET"], [], Noon);
        store.Remove(api.Id).Should().BeTrue();

        store.RecordCheck(api.Id, await ProbeAsync(), Noon).Should().BeNull();
        store.History(api.Id).Should().BeEmpty();
    }

    private Task<CorsReport> ProbeAsync() =>
        CorsProbe.For(_api.Url).WithOrigin("https://dashboard.galxe.com").RequireMethods("GET", "POST").RequireHeaders("Content-Type")
            .AllowLoopback().ProbeAsync(TestContext.Current.CancellationToken);
}
