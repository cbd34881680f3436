using System.Net.Http.Headers;
using System.Net.Http.Json;
using CorsProbing.Dashboard.Tests.Support;
using Npgsql;

namespace CorsProbing.Dashboard.Tests;

/// <summary>
/// Three dashboard processes on one PostgreSQL database watching 300 APIs on 30 loopback hosts: each API checked once
/// per interval, the per-host limit held across the cluster, a replica killed mid-batch (<c>kill -9</c>) recovered
/// from within lease + interval, each transition delivered once by key to a receiver that fails twice, and a replica
/// stopped gracefully releasing what it held.
/// </summary>
[Collection(nameof(ProcessTests))]
public sealed class ReplicaTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Hosts = 30;
    private const int ApisPerHost = 10;
    private const int PerHost = 2;
    private const string Secret = "the-receivers-shared-secret";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_replicas_check_each_api_once_per_interval_hold_the_per_host_limit_and_recover_from_a_killed_one()
    {
        await using var hosts = await CountingCorsHosts.StartAsync(Hosts);
        await using var receiver = await WebhookReceiver.StartAsync(Secret, failFirst: 2);
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var database = NpgsqlDataSource.Create(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Dashboard"] = connectionString,
            ["Dashboard__Database"] = "postgres",
            ["Dashboard__Demo"] = "false",
            ["Dashboard__RecheckInterval"] = Interval.ToString(),
            ["Dashboard__LeaseDuration"] = Lease.ToString(),
            ["Dashboard__PollInterval"] = "00:00:00.200",
            ["Dashboard__HostsPerClaim"] = "4",
            ["Dashboard__CheckPermitLimit"] = "100000",
            ["Dashboard__WebhookRetryDelay"] = "00:00:00.500",
            [$"Dashboard__Accounts__{DashboardFactory.Account}__ApiKey"] = DashboardFactory.KeyOf(DashboardFactory.Account),
            [$"Dashboard__Accounts__{DashboardFactory.Account}__WebhookUrl"] = receiver.Url,
            [$"Dashboard__Accounts__{DashboardFactory.Account}__WebhookSecret"] = Secret,
            ["CorsProbe__AllowLoopback"] = "true",
            ["CorsProbe__MaxConcurrencyPerHost"] = PerHost.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CorsProbe__WithoutActualRequests"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var replicas = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DashboardProcess.StartAsync(environment)));
        try
        {
            // 300 registrations through one replica's API, as customers would make them.
            using var client = new HttpClient { BaseAddress = new Uri(replicas[0].Url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardFactory.KeyOf(DashboardFactory.Account));
            var urls = hosts.Hosts.SelectMany(host => Enumerable.Range(0, ApisPerHost).Select(i => $"{host}/api/{i}")).ToList();
            await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (url, cancellationToken) =>
            {
                using var response = await client.PostAsJsonAsync("/api/apis", new { url, origin = "https://dashboard.galxe.com", methods = new[] { "POST" }, headers = new[] { "Content-Type" } }, cancellationToken);
                response.EnsureSuccessStatusCode();
            });
            hosts.ResetPeaks();
            var watchStarted = DateTimeOffset.UtcNow;

            // Five intervals of the watch; two intervals in, five APIs (on five hosts) stop allowing the origin.
            await Task.Delay(Interval * 2, Ct);
            var flipped = Enumerable.Range(0, 5).Select(i => $"{hosts.Hosts[i * 6]}/api/{i}").ToList();
            foreach (var url in flipped)
            {
                hosts.Denied[url] = true;
            }

            await Task.Delay(Interval * 3, Ct);
            var beforeKill = await ChecksAsync(database);
            var snapshot = DateTimeOffset.UtcNow;
            foreach (var url in urls)
            {
                var recorded = beforeKill.GetValueOrDefault(url)?.Count ?? 0;
                (hosts.Preflights.GetValueOrDefault(url) - recorded).Should().BeInRange(0, 1, "every preflight {0} got before the kill belongs to a recorded check (one may be in flight)", url);
            }

            // The registration's check is the first; the watch's are due an interval apart from it.
            var steady = beforeKill.Values.SelectMany(times => times.Zip(times.Skip(1), (a, b) => b - a)).ToList();
            var missing = beforeKill.Values.Select(times => (int)((snapshot - times[0]) / Interval) - (times.Count - 1)).ToList();

            var peakBeforeKill = hosts.PeakInFlight.Values.Max();

            // kill -9 of a replica while it holds hosts.
            var victim = replicas[1];
            var held = await HeldHostsAsync(database, victim.Id, TimeSpan.FromSeconds(30));
            victim.KillHard();
            var killedAt = DateTimeOffset.UtcNow;
            await Task.Delay(Lease + Interval + TimeSpan.FromSeconds(2), Ct);
            var afterKill = await ChecksAsync(database);
            var recovery = urls.Where(u => held.Contains(new Uri(u).Host))
                .Select(u => afterKill[u].FirstOrDefault(t => t > killedAt) is var t && t != default ? t - killedAt : TimeSpan.MaxValue)
                .ToList();

            // Each transition reaches the receiver, through its two failures, once by key.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (receiver.Kept.Count < flipped.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }

            var deliveries = await DeliveriesAsync(database);

            // SIGTERM: a replica stopping gives back what it held.
            var stopping = replicas[2];
            await stopping.StopAsync(TimeSpan.FromSeconds(30));
            var stillHeld = await ScalarAsync(database, $"SELECT count(*) FROM host_leases WHERE owner LIKE '%/{stopping.Id}/%'");

            output.WriteLine($"watched checks per API against intervals elapsed since its registration ({(snapshot - watchStarted).TotalSeconds:0.0} s of watch): {missing.Count(m => m == 0)} APIs exactly, {missing.Count(m => m == 1)} one behind (its check in flight), {missing.Count(m => m < 0)} ahead, {missing.Count(m => m > 1)} further behind, of {missing.Count}");
            output.WriteLine($"gap between consecutive checks of an API: min {steady.Min().TotalSeconds:0.00} s, max {steady.Max().TotalSeconds:0.00} s (interval {Interval.TotalSeconds} s)");
            output.WriteLine($"peak preflights in flight per host: max {hosts.PeakInFlight.Values.Max()} (before the kill {peakBeforeKill}), hosts at the limit {hosts.PeakInFlight.Values.Count(p => p == PerHost)} of {Hosts} (limit {PerHost})");
            output.WriteLine($"killed replica held {held.Count} hosts ({held.Count * ApisPerHost} APIs); each checked again after {recovery.Min().TotalSeconds:0.00}-{recovery.Max().TotalSeconds:0.00} s (bound: lease {Lease.TotalSeconds} s + interval {Interval.TotalSeconds} s)");
            output.WriteLine($"transitions: {deliveries.Count} deliveries for {flipped.Count} APIs that became denied; receiver kept {receiver.Kept.Count} keys from {receiver.Received.Values.Sum()} requests; bad signatures {receiver.BadSignatures}");

            missing.Should().OnlyContain(m => m == 0 || m == 1, "each API is checked once per interval elapsed (the last one may be in flight)");
            // A check is due an interval after the one that was due, not after it ran: one recorded late (a loaded
            // machine queues it behind its host's others) is followed by an on-time one sooner. Two replicas checking
            // the same API would leave a gap near zero, far under this bound.
            steady.Should().OnlyContain(gap => gap > Interval * 0.25 && gap < Interval * 2, "one check per interval: never two close together, never one skipped");
            hosts.PeakInFlight.Values.Should().OnlyContain(peak => peak <= PerHost, "one replica holds a host at a time, so the per-host limit holds across the cluster");
            held.Should().NotBeEmpty();
            recovery.Should().OnlyContain(r => r <= Lease + Interval + TimeSpan.FromSeconds(2), "the killed replica's hosts are claimed again once its leases expire");
            deliveries.Should().HaveCount(flipped.Count, "one transition per API that became denied, whichever replica saw it");
            deliveries.Select(d => d.Key).Should().OnlyHaveUniqueItems();
            deliveries.Should().OnlyContain(d => d.Delivered);
            receiver.Kept.Keys.Should().BeEquivalentTo(deliveries.Select(d => d.Key), "the receiver got each transition, and acted on each once");
            receiver.Received.Values.Sum().Should().BeGreaterThanOrEqualTo(flipped.Count + 2, "its first two answers were failures, retried");
            receiver.BadSignatures.Should().Be(0);
            stillHeld.Should().Be(0, "a replica stopping releases its leases instead of letting them expire");
        }
        finally
        {
            foreach (var replica in replicas)
            {
                output.WriteLine($"replica {replica.Id} ({(replica.HasExited ? "exited" : "running")}) said:\n{replica.Output}");
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task<Dictionary<string, List<DateTimeOffset>>> ChecksAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT a.url, c.checked_at FROM checks c JOIN apis a ON a.id = c.api_id ORDER BY c.checked_at");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var checks = new Dictionary<string, List<DateTimeOffset>>();
        while (await reader.ReadAsync(Ct))
        {
            var url = reader.GetString(0).TrimEnd('/');
            (checks.TryGetValue(url, out var list) ? list : checks[url] = []).Add(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }

        return checks;
    }

    private static async Task<List<(string Key, bool Delivered)>> DeliveriesAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT idempotency_key, delivered_at IS NOT NULL FROM deliveries");
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var deliveries = new List<(string, bool)>();
        while (await reader.ReadAsync(Ct))
        {
            deliveries.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return deliveries;
    }

    private static async Task<HashSet<string>> HeldHostsAsync(NpgsqlDataSource database, int processId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = database.CreateCommand($"SELECT host FROM host_leases WHERE owner LIKE '%/{processId}/%' AND expires_at > @now");
            command.Parameters.AddWithValue("now", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var held = new HashSet<string>();
            while (await reader.ReadAsync(Ct))
            {
                held.Add(reader.GetString(0));
            }

            if (held.Count > 0)
            {
                return held;
            }

            await Task.Delay(20, Ct);
        }

        return [];
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
