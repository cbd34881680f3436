using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CorsProbing.Dashboard.Tests.Support;

namespace CorsProbing.Dashboard.Tests;

/// <summary>Alerts that reach the customer: a transition POSTed, signed, with its findings and report; never to a refused address.</summary>
public sealed class WebhookTests
{
    private const string Secret = "alices-webhook-secret-0123";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transition_is_posted_signed_with_the_api_the_new_findings_and_the_report()
    {
        await using var api = await SwitchableCorsApi.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Secret, failFirst: 1);
        await using var dashboard = Watching(api, receiver, ("Dashboard:TrustedTargets:1", new Uri(receiver.Url).GetLeftPart(UriPartial.Authority)));
        using var client = dashboard.CreateClient();
        var registered = await RegisterAsync(client, api);

        api.AllowsContentType = false;
        (await client.PostAsync($"/api/apis/{registered}/check", null, Ct)).EnsureSuccessStatusCode();
        var body = await WaitAsync(() => receiver.Kept.Values.FirstOrDefault());

        var payload = JsonNode.Parse(body)!.AsObject();
        payload["account"]!.GetValue<string>().Should().Be(DashboardFactory.Account);
        payload["api"]!["id"]!.GetValue<long>().Should().Be(registered);
        payload["api"]!["url"]!.GetValue<string>().Should().Be(api.Url);
        payload["transition"]!["from"]!.GetValue<string>().Should().Be("Allowed");
        payload["transition"]!["to"]!.GetValue<string>().Should().Be("Denied");
        payload["transition"]!["alert"]!.GetValue<string>().Should().Contain(CorsFindingCodes.HeaderNotAllowed);
        payload["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).Should().Contain(CorsFindingCodes.HeaderNotAllowed);
        CorsReport.FromJson(payload["report"]!.ToJsonString()).Verdict.Should().Be(CorsVerdict.Denied);
        receiver.Kept.Keys.Single().Should().Be(payload["idempotencyKey"]!.GetValue<string>());
        receiver.Received.Values.Single().Should().Be(2, "the first attempt failed and was retried under the same key");
        receiver.BadSignatures.Should().Be(0);

        var deliveries = await client.GetFromJsonAsync<JsonArray>("/api/deliveries", Ct);
        deliveries!.Single()!["deliveredAt"].Should().NotBeNull();
        deliveries!.Single()!["attempts"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task A_webhook_on_a_refused_address_is_not_sent_and_the_delivery_says_why()
    {
        await using var api = await SwitchableCorsApi.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(Secret, failFirst: 0);
        await using var dashboard = Watching(api, receiver);
        using var client = dashboard.CreateClient();
        var registered = await RegisterAsync(client, api);

        api.AllowsContentType = false;
        (await client.PostAsync($"/api/apis/{registered}/check", null, Ct)).EnsureSuccessStatusCode();
        var failed = await WaitAsync(async () => (await client.GetFromJsonAsync<JsonArray>("/api/deliveries", Ct))!.FirstOrDefault(d => d!["lastError"] is not null));

        failed!["deliveredAt"].Should().BeNull();
        failed["lastError"]!.GetValue<string>().Should().Contain("loopback", "the customer's URL goes through the SSRF guard under CorsProbe's policy");
        receiver.Received.Should().BeEmpty();
    }

    // alice's webhook at the receiver; the API trusted, the receiver trusted only when the caller says so.
    private static DashboardFactory Watching(SwitchableCorsApi api, WebhookReceiver receiver, params (string, string?)[] more) =>
        new([
            ("Dashboard:TrustedTargets:0", api.Origin),
            ($"Dashboard:Accounts:{DashboardFactory.Account}:WebhookUrl", receiver.Url),
            ($"Dashboard:Accounts:{DashboardFactory.Account}:WebhookSecret", Secret),
            ("Dashboard:PollInterval", "00:00:00.100"),
            ("Dashboard:WebhookRetryDelay", "00:00:00.200"),
            .. more,
        ]);

    private static async Task<long> RegisterAsync(HttpClient client, SwitchableCorsApi api)
    {
        using var response = await client.PostCheckAsync("/api/apis", new { url = api.Url, origin = "https://dashboard.galxe.com", methods = new[] { "GET", "POST" }, headers = new[] { "Content-Type" } }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.ReadObjectAsync())["id"]!.GetValue<long>();
    }

    private static Task<T> WaitAsync<T>(Func<T?> until) => WaitAsync(() => Task.FromResult(until()));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await until() is { } value)
            {
                return value;
            }

            DateTime.UtcNow.Should().BeBefore(deadline, "the watch and the webhook sender should have acted by now");
            await Task.Delay(100, Ct);
        }
    }
}
