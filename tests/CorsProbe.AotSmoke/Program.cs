// Probes a loopback server answering preflights, round-trips the report through JSON and audits it, all under Native
// AOT: prints the verdicts and the time from start to report, exits 0 when everything came out as expected.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsProbing;

var started = Stopwatch.StartNew();
using var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var port = ((IPEndPoint)listener.LocalEndpoint).Port;
using var stop = new CancellationTokenSource();
var serving = ServeAsync(listener, stop.Token);

var report = await CorsProbe.For($"http://127.0.0.1:{port}/quests")
    .WithOrigin("https://dashboard.galxe.com")
    .RequireMethods("GET", "POST", "PUT")
    .RequireHeaders("Content-Type")
    .AllowLoopback()
    .AlsoJudgeBy(CorsProfile.Galxe)
    .Audit()
    .ProbeAsync();
var elapsed = started.Elapsed;

var roundTrip = CorsReport.FromJson(report.ToJson());
await stop.CancelAsync();
listener.Stop();
await serving;

Console.WriteLine($"verdict={report.Verdict} galxe={report.VerdictFor(CorsProfile.Galxe)} findings={report.Findings.Count} security={report.SecurityFindings.Count} json-roundtrip={roundTrip.ToJson() == report.ToJson()} start-to-report-ms={elapsed.TotalMilliseconds:0}");
return report.IsAllowed && report.IsAudited && report.SecurityFindings.Count == 0 && roundTrip.ToJson() == report.ToJson() ? 0 : 1;

static async Task ServeAsync(TcpListener listener, CancellationToken token)
{
    const string Answer = "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://dashboard.galxe.com\r\n" +
        "Access-Control-Allow-Methods: GET, POST, PUT\r\nAccess-Control-Allow-Headers: Content-Type\r\nVary: Origin\r\n\r\n";
    var connections = new List<Task>();
    try
    {
        while (true)
        {
            var socket = await listener.AcceptSocketAsync(token);
            connections.Add(Task.Run(async () =>
            {
                using (socket)
                {
                    var buffer = new byte[8192];
                    var seen = new StringBuilder();
                    try
                    {
                        while (await socket.ReceiveAsync(buffer, token) is var read and > 0)
                        {
                            seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
                            while (seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                            {
                                var request = seen.ToString(0, end);
                                seen.Remove(0, end + 4);

                                // Only the dashboard gets the grant: the audit's crafted origins must find nothing.
                                var answer = request.Contains("Origin: https://dashboard.galxe.com\r\n", StringComparison.Ordinal) || request.EndsWith("Origin: https://dashboard.galxe.com", StringComparison.Ordinal)
                                    ? Answer
                                    : "HTTP/1.1 204 No Content\r\nVary: Origin\r\n\r\n";
                                await socket.SendAsync(Encoding.ASCII.GetBytes(answer), token);
                            }
                        }
                    }
                    catch (Exception e) when (e is OperationCanceledException or SocketException)
                    {
                        // The client went away or the app is ending.
                    }
                }
            }, token));
        }
    }
    catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
    {
        // Stopped.
    }

    try
    {
        await Task.WhenAll(connections);
    }
    catch (OperationCanceledException)
    {
        // Connections cancelled with the server.
    }
}
