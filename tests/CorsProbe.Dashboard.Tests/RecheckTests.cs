using CorsProbing.Dashboard.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CorsProbing.Dashboard.Tests;

/// <summary>The background re-check on a fake clock: nothing before the interval, every API after it, changes marked.</summary>
public sealed class RecheckTests
{
    [Fact]
    public async Task Each_interval_every_registered_api_is_checked_again_and_a_regression_is_marked()
    {
        await using var api = await SwitchableCorsApi.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var dashboard = new DashboardFactory(
            ("Dashboard:TrustedTargets:0", api.Origin), ("Dashboard:RecheckInterval", "00:15:00"), ("CorsProbe:MaxConcurrencyPerHost", "2"))
        {
            Clock = clock,
        };
        using var client = dashboard.CreateClient();
        await client.PostCheckAsync("/api/apis", new { url = api.Url, origin = "https://dashboard.galxe.com", methods = new[] { "GET", "POST" }, headers = new[] { "Content-Type" } }, TestContext.Current.CancellationToken);
        var watched = (await dashboard.ListAsync()).Single(a => a.Url == api.Url);
        watched.LastVerdict.Should().Be(CorsVerdict.Allowed);
        var registered = (await dashboard.ListAsync()).Count;

        api.AllowsContentType = false;
        clock.Advance(TimeSpan.FromMinutes(14));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        (await dashboard.HistoryAsync(watched.Id)).Should().ContainSingle("nothing runs before the interval");

        await AdvanceUntilAsync(clock, async () =>
        {
            foreach (var a in await dashboard.ListAsync())
            {
                if ((await dashboard.HistoryAsync(a.Id)).Count < 2)
                {
                    return false;
                }
            }

            return true;
        });

        var after = (await dashboard.FindAsync(watched.Id))!;
        after.LastVerdict.Should().Be(CorsVerdict.Denied);
        after.LastCheckedAt.Should().BeOnOrAfter(new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero));
        after.Alert.Should().Contain("Allowed → Denied").And.Contain(CorsFindingCodes.HeaderNotAllowed);
        (await dashboard.ListAsync()).Should().HaveCount(registered, "a re-check adds history, not APIs");
        (await dashboard.ListAsync()).Where(a => a.Id != watched.Id).Should().OnlyContain(a => a.Alert == null, "the demo's setups did not change");
    }

    private static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        clock.Advance(TimeSpan.FromMinutes(1));
        while (!await done())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the re-check should have run after the interval");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
