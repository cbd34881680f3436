using CorsProbing.Dashboard.Storage;
using CorsProbing.Dashboard.Tests.Support;

namespace CorsProbing.Dashboard.Tests;

/// <summary>The store on both databases it runs on: a SQLite file, and a real PostgreSQL server (one database per test).</summary>
public sealed class StoreTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Alice = DashboardFactory.Account;
    private const string Bob = DashboardFactory.OtherAccount;
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);
    private SwitchableCorsApi _api = null!;

    public static TheoryData<DatabaseKind> Databases => [DatabaseKind.Sqlite, DatabaseKind.Postgres];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _api = await SwitchableCorsApi.StartAsync();

    public async ValueTask DisposeAsync() => await _api.DisposeAsync();

    [Theory, MemberData(nameof(Databases))]
    public async Task Migrations_are_applied_once_in_order_and_a_database_newer_than_the_build_is_refused(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);

        (await SchemaMigrator.VersionAsync(store.Database, Ct)).Should().Be(Migrations.All[^1].Version);
        (await SchemaMigrator.MigrateAsync(store.Database, TimeProvider.System, Ct)).Should().BeEmpty("a migrated database has nothing pending");
        Migrations.All.Select(m => m.Version).Should().Equal(Enumerable.Range(1, Migrations.All.Count), "versions follow each other from 1");

        await using (var connection = await store.Database.OpenAsync(Ct))
        await using (var command = DashboardDatabase.Execute(connection, null, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from a newer build', 0)"))
        {
            await command.ExecuteNonQueryAsync(Ct);
        }

        var migrating = () => SchemaMigrator.MigrateAsync(store.Database, TimeProvider.System, Ct);
        (await migrating.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*schema version 99*knows versions up to*");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task An_allowed_api_that_becomes_denied_is_marked_and_each_transition_is_queued_once_for_the_webhook(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var api = await store.Apis.RegisterAsync(Alice, await ProbeAsync(), ["GET", "POST"], ["Content-Type"], Noon, Interval, Ct);
        api.LastVerdict.Should().Be(CorsVerdict.Allowed);
        api.NextCheckAt.Should().Be(Noon + Interval);

        _api.AllowsContentType = false;
        var denied = await RecordAsync(store, api, Noon.AddMinutes(10));
        denied.Transition.Should().NotBeNull();
        denied.Transition!.Alert.Should().StartWith("Allowed → Denied at 2026-12-01 12:10 UTC: CORS013");
        (await store.Apis.FindAsync(Alice, api.Id, Ct))!.Alert.Should().Be(denied.Transition.Alert);
        (await RecordAsync(store, api, Noon.AddMinutes(20))).Transition.Should().BeNull("still denied is no transition");

        _api.AllowsContentType = true;
        var allowed = await RecordAsync(store, api, Noon.AddMinutes(30));
        allowed.Transition.Should().BeEquivalentTo(new { From = CorsVerdict.Denied, To = CorsVerdict.Allowed, Alert = (string?)null });
        (await store.Apis.FindAsync(Alice, api.Id, Ct))!.Alert.Should().BeNull();
        (await store.Apis.HistoryAsync(Alice, api.Id, Ct)).Select(c => c.Verdict).Should().Equal(CorsVerdict.Allowed, CorsVerdict.Denied, CorsVerdict.Denied, CorsVerdict.Allowed);

        var queued = await store.Deliveries.ListAsync(Alice, Ct);
        queued.Select(d => d.IdempotencyKey).Should().Equal(allowed.Transition!.IdempotencyKey, denied.Transition.IdempotencyKey);
        queued.Should().OnlyContain(d => d.DeliveredAt == null && d.Attempts == 0);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task History_keeps_the_last_fifty_checks(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var report = await ProbeAsync();
        var api = await store.Apis.RegisterAsync(Alice, report, ["GET"], [], Noon, Interval, Ct);
        var lease = (await store.Watch.ClaimAsync("replica", Noon + Interval, Noon + TimeSpan.FromDays(1), 1, Ct)).Single();

        for (var i = 1; i <= ApiStore.HistoryLength + 5; i++)
        {
            (await store.Watch.RecordAsync(lease, "replica", api, CheckResult.Of(report), Noon.AddMinutes(i), Interval, Ct)).Written.Should().BeTrue();
        }

        var history = await store.Apis.HistoryAsync(Alice, api.Id, Ct);
        history.Should().HaveCount(ApiStore.HistoryLength);
        history[0].CheckedAt.Should().Be(Noon.AddMinutes(ApiStore.HistoryLength + 5));
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task An_account_sees_rechecks_and_removes_only_its_own_apis(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var report = await ProbeAsync();
        var alices = await store.Apis.RegisterAsync(Alice, report, ["GET"], [], Noon, Interval, Ct);
        var bobs = await store.Apis.RegisterAsync(Bob, report, ["GET"], [], Noon, Interval, Ct);
        bobs.Id.Should().NotBe(alices.Id, "the same URL and origin in two accounts are two registrations");

        (await store.Apis.ListAsync(Bob, Ct)).Should().ContainSingle().Which.Id.Should().Be(bobs.Id);
        (await store.Apis.FindAsync(Bob, alices.Id, Ct)).Should().BeNull();
        (await store.Apis.HistoryAsync(Bob, alices.Id, Ct)).Should().BeEmpty();
        (await store.Apis.LastReportAsync(Bob, alices.Id, Ct)).Should().BeNull();
        (await store.Apis.RequestCheckAsync(Bob, alices.Id, Noon, Ct)).Should().BeFalse();
        (await store.Apis.RemoveAsync(Bob, alices.Id, Ct)).Should().BeFalse();
        (await store.Apis.FindAsync(Alice, alices.Id, Ct)).Should().NotBeNull("another account's attempts changed nothing");

        (await store.Apis.RemoveAsync(Alice, alices.Id, Ct)).Should().BeTrue();
        (await store.Apis.ListAsync(Alice, Ct)).Should().BeEmpty();
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task A_host_is_claimed_by_one_replica_at_a_time_and_a_result_under_a_lost_lease_is_refused(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var report = await ProbeAsync();
        var api = await store.Apis.RegisterAsync(Alice, report, ["GET"], [], Noon, Interval, Ct);
        var due = Noon + Interval;

        (await store.Watch.ClaimAsync("one", due - TimeSpan.FromSeconds(1), due + TimeSpan.FromMinutes(1), 16, Ct)).Should().BeEmpty("nothing is due yet");
        var first = (await store.Watch.ClaimAsync("one", due, due + TimeSpan.FromMinutes(1), 16, Ct)).Should().ContainSingle().Subject;
        first.Host.Should().Be("127.0.0.1");
        (await store.Watch.DueAsync(first.Host, due, Ct)).Select(a => a.Id).Should().Equal(api.Id);
        (await store.Watch.ClaimAsync("two", due, due + TimeSpan.FromMinutes(1), 16, Ct)).Should().BeEmpty("the host is leased");

        // "one" stalls past its lease; "two" claims the host and records; "one"'s late result must not overwrite it.
        var later = due + TimeSpan.FromMinutes(2);
        var second = (await store.Watch.ClaimAsync("two", later, later + TimeSpan.FromMinutes(1), 16, Ct)).Should().ContainSingle().Subject;
        second.Lease.Should().BeGreaterThan(first.Lease);
        (await store.Watch.RecordAsync(second, "two", api, CheckResult.Of(report), later, Interval, Ct)).Written.Should().BeTrue();
        (await store.Watch.RecordAsync(first, "one", api, CheckResult.Of(report), later, Interval, Ct)).Should().Be(RecordOutcome.LeaseLost);
        (await store.Watch.RenewAsync("one", [first], later, later + TimeSpan.FromMinutes(1), Ct)).Should().Equal(first);
        (await store.Apis.HistoryAsync(Alice, api.Id, Ct)).Should().HaveCount(2, "the registration's check and the one under the live lease");

        var recorded = (await store.Apis.FindAsync(Alice, api.Id, Ct))!;
        recorded.NextCheckAt.Should().Be(due + Interval, "checks keep their rhythm: an interval after the one that was due");
        await store.Watch.ReleaseAsync("two", [second], Ct);
        (await store.Watch.ClaimAsync("three", later, later + TimeSpan.FromMinutes(1), 16, Ct)).Should().BeEmpty("nothing is due until the next interval");
        (await store.Watch.ClaimAsync("three", later + Interval, later + Interval + TimeSpan.FromMinutes(1), 16, Ct)).Should().ContainSingle("a released host is claimed again when due");
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task A_delivery_is_claimed_by_one_replica_retried_after_a_failure_and_never_sent_again_once_delivered(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var api = await store.Apis.RegisterAsync(Alice, await ProbeAsync(), ["GET", "POST"], ["Content-Type"], Noon, Interval, Ct);
        _api.AllowsContentType = false;
        await RecordAsync(store, api, Noon.AddMinutes(10));
        var now = Noon.AddMinutes(11);

        var delivery = (await store.Deliveries.ClaimAsync("one", now, now.AddMinutes(1), 16, Ct)).Should().ContainSingle().Subject;
        delivery.Payload.Should().Contain("\"idempotencyKey\":\"" + delivery.IdempotencyKey + "\"").And.Contain("\"from\":\"Allowed\"").And.Contain("\"to\":\"Denied\"");
        (await store.Deliveries.ClaimAsync("two", now, now.AddMinutes(1), 16, Ct)).Should().BeEmpty("it is claimed");

        await store.Deliveries.FailedAsync(delivery, "one", now.AddSeconds(5), "The receiver answered 503.", Ct);
        (await store.Deliveries.ClaimAsync("two", now.AddSeconds(4), now.AddMinutes(1), 16, Ct)).Should().BeEmpty("not before the retry");
        var retry = (await store.Deliveries.ClaimAsync("two", now.AddSeconds(5), now.AddMinutes(1), 16, Ct)).Should().ContainSingle().Subject;
        retry.Attempts.Should().Be(1);
        retry.IdempotencyKey.Should().Be(delivery.IdempotencyKey);

        await store.Deliveries.DeliveredAsync(retry, "two", now.AddSeconds(6), Ct);
        (await store.Deliveries.ClaimAsync("three", now.AddHours(1), now.AddHours(2), 16, Ct)).Should().BeEmpty("a delivered transition is never sent again");
        (await store.Deliveries.ListAsync(Alice, Ct)).Should().ContainSingle().Which.Should().BeEquivalentTo(new { Attempts = 2, LastError = (string?)null, DeliveredAt = (DateTimeOffset?)now.AddSeconds(6) });
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task A_document_keeps_one_row_per_operation_each_check_replacing_them_and_its_transitions_marked(DatabaseKind kind)
    {
        await using var store = await StoreFixture.CreateAsync(kind, postgres);
        var api = await store.Apis.RegisterDocumentAsync(Alice, new Uri(_api.DocumentUrl), await ProbeDocumentAsync(), Noon, Interval, Ct);

        api.Kind.Should().Be(ApiKind.OpenApi);
        api.Operations.Select(o => (o.Label, o.Verdict)).Should().Equal(
            (SwitchableCorsApi.Operations[0], CorsVerdict.Allowed), (SwitchableCorsApi.Operations[1], CorsVerdict.Allowed), (SwitchableCorsApi.Operations[2], CorsVerdict.Denied));
        api.Operations[2].ErrorCodes.Should().Equal(CorsFindingCodes.MethodNotAllowed);
        api.Operations[2].Url.Should().Be(_api.Origin + "/quests/7");

        _api.AllowsContentType = false;
        var lease = (await store.Watch.ClaimAsync("replica", Noon + Interval, Noon + TimeSpan.FromDays(1), 1, Ct)).Single();
        (await store.Watch.RecordAsync(lease, "replica", api, CheckResult.Of(await ProbeDocumentAsync()), Noon + Interval, Interval, Ct)).Written.Should().BeTrue();

        var rechecked = (await store.Apis.ListAsync(Alice, Ct)).Single(a => a.Id == api.Id);
        rechecked.Operations.Select(o => o.Verdict).Should().Equal(CorsVerdict.Allowed, CorsVerdict.Denied, CorsVerdict.Denied);
        rechecked.Operations[1].ErrorCodes.Should().Equal(CorsFindingCodes.HeaderNotAllowed);
        rechecked.LastVerdict.Should().Be(CorsVerdict.Denied, "a document's verdict is its worst operation's");
        (await store.Apis.HistoryAsync(Alice, api.Id, Ct))[0].Summary.Should().StartWith("3 operations: 1 allowed, 2 denied, 0 unreachable; POST /quests (createQuest): CORS013");
        (await store.Apis.RemoveAsync(Alice, api.Id, Ct)).Should().BeTrue();
        await using var connection = await store.Database.OpenAsync(Ct);
        await using var count = DashboardDatabase.Execute(connection, null, "SELECT count(*) FROM operations WHERE api_id = @id", ("id", api.Id));
        Convert.ToInt64(await count.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture).Should().Be(0, "a removed document's operations go with it");
    }

    private Task<OpenApi.OpenApiCorsReport> ProbeDocumentAsync() =>
        OpenApi.OpenApiProbe.FromUrl(_api.DocumentUrl).WithOrigin("https://dashboard.galxe.com").ConfigureProbes(p => p.AllowLoopback()).ProbeAsync(Ct);

    // A watched check of api recorded under a lease of its own.
    private async Task<RecordOutcome> RecordAsync(StoreFixture store, RegisteredApi api, DateTimeOffset at)
    {
        var lease = (await store.Watch.ClaimAsync("recorder", at, at.AddMinutes(1), 16, Ct)).Single();
        var current = (await store.Apis.FindAsync(api.Account, api.Id, Ct))!;
        var outcome = await store.Watch.RecordAsync(lease, "recorder", current, CheckResult.Of(await ProbeAsync()), at, Interval, Ct);
        await store.Watch.ReleaseAsync("recorder", [lease], Ct);
        return outcome;
    }

    private Task<CorsReport> ProbeAsync() =>
        CorsProbe.For(_api.Url).WithOrigin("https://dashboard.galxe.com").RequireMethods("GET", "POST").RequireHeaders("Content-Type")
            .AllowLoopback().ProbeAsync(Ct);
}
